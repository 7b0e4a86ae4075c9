import Crypto

/// Signs Binance USDⓈ-M TRADE/USER_DATA requests: lowercase hex HMAC-SHA256 of `totalParams`
/// (query string followed by the urlencoded body), see venues/binance-usdm.md §3.
/// Pure value type; the secret never appears in `description`, `debugDescription` or reflection.
public struct BinanceSigner: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// HTTP header carrying the API key.
    public static let apiKeyHeader = "X-MBX-APIKEY"

    private let key: SymmetricKey

    /// Creates a signer from the API secret as issued by Binance (its UTF-8 bytes are the HMAC key).
    public init(secret: String) {
        key = SymmetricKey(data: Array(secret.utf8))
    }

    /// Lowercase hex HMAC-SHA256 of `totalParams` exactly as it is sent.
    public func signature(totalParams: String) -> String {
        HexBase64.lowerHex(HMAC<SHA256>.authenticationCode(for: Array(totalParams.utf8), using: key))
    }

    /// Builds the full signed query string: `params` (percent-encoded, in the given order), then
    /// `timestamp`, `recvWindow`, and finally `&signature=` over everything before it.
    public func signedQuery(params: [(String, String)], timestampMs: Int64, recvWindowMs: Int) -> String {
        var parts = params.map { PercentEncoding.encode($0.0) + "=" + PercentEncoding.encode($0.1) }
        parts.append("timestamp=\(timestampMs)")
        parts.append("recvWindow=\(recvWindowMs)")
        let total = parts.joined(separator: "&")
        return total + "&signature=" + signature(totalParams: total)
    }

    /// Redacted: never includes the secret.
    public var description: String { "BinanceSigner(secret: <redacted>)" }
    /// Redacted: never includes the secret.
    public var debugDescription: String { description }
    /// Empty mirror so `dump` and reflection cannot reach the key.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
