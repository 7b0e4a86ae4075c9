import PropCore
import Venues

extension TickToOrderBench {
    /// The three venues' real request builders and signers with fixed test credentials.
    struct Signers {
        let binance = BinanceSigner(secret: "bench-binance-secret")
        let okx = OKXSigner(secret: "bench-okx-secret")
        let bybit = BybitSigner(secret: "bench-bybit-secret")
        let apiKey = "bench-api-key"
        let passphrase = "bench-passphrase"
        let recvWindowMs = 5_000

        /// Builds the place request exactly as the venue's trading client sends it (path and query, body, headers)
        /// and returns its size, so nothing is optimised away.
        func sign(_ r: OrderRequest, nowMs: Int64) -> Int {
            switch r.venue {
            case .binance:
                let pathAndQuery = BinanceTradingParams.signedPlace(r, signer: binance, timestampMs: nowMs, recvWindowMs: recvWindowMs)
                let headers = [(BinanceSigner.apiKeyHeader, apiKey)]
                return pathAndQuery.utf8.count + headers.count
            case .okx:
                let body = OKXTradingRequests.orderBody(r)
                let ts = OKXSigner.timestamp(ms: nowMs)
                let sign = okx.signature(timestamp: ts, method: "POST", requestPath: OKXTradingRequests.placePath, bodyBytes: body)
                let headers = [(OKXSigner.keyHeader, apiKey), (OKXSigner.signHeader, sign), (OKXSigner.timestampHeader, ts),
                               (OKXSigner.passphraseHeader, passphrase), ("Content-Type", "application/json")]
                return body.count + headers.reduce(0) { $0 + $1.1.utf8.count }
            case .bybit:
                let body = BybitTradingRequests.orderBody(r, withCategory: true)
                let headers: [(String, String)] = [
                    (BybitSigner.apiKeyHeader, apiKey), (BybitSigner.timestampHeader, String(nowMs)),
                    (BybitSigner.recvWindowHeader, String(recvWindowMs)),
                    (BybitSigner.signHeader, bybit.signature(timestampMs: nowMs, apiKey: apiKey, recvWindowMs: recvWindowMs, payloadBytes: body)),
                    ("Content-Type", "application/json"),
                ]
                return body.count + headers.reduce(0) { $0 + $1.1.utf8.count }
            }
        }
    }
}
