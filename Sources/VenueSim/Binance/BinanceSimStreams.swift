import Foundation
import PropCore

/// Binance market streams: publishing each step and the `SUBSCRIBE`/`UNSUBSCRIBE`/`LIST_SUBSCRIPTIONS`
/// method frames. Binance sends no snapshot on subscribe; clients take it from `GET /fapi/v1/depth`.
extension SimState {
    /// Stream names accepted for a symbol, lowercase as Binance spells them.
    static func binanceTopics(_ symbol: String) -> [String] {
        let s = symbol.lowercased()
        return ["\(s)@depth@100ms", "\(s)@depth", "\(s)@depth@500ms", "\(s)@aggTrade", "\(s)@bookTicker",
                "\(s)@markPrice", "\(s)@markPrice@1s"]
    }

    func binanceWrap(_ topic: String, _ c: SimConnection, _ data: String) -> String {
        c.combined ? #"{"stream":"\#(topic)","data":\#(data)}"# : data
    }

    /// The diff-depth streams of a lower-case symbol (every update speed carries the same diffs here).
    static func binanceDepthTopics(_ sym: String) -> [String] { ["\(sym)@depth@100ms", "\(sym)@depth", "\(sym)@depth@500ms"] }

    func publishBinance(_ t: SimInstrumentTick, state s: SimInstrumentState, dropDiff: Bool, nowMs: Int64) {
        let sym = s.spec.nativeSymbol.lowercased()
        if let u = t.views.first, !u.isEmpty, !dropDiff {
            let data = BinanceSimCodec.depthUpdate(s, u, nowMs: nowMs)
            publish(venue: .binance, instrument: s.spec.id, topics: Self.binanceDepthTopics(sym)) { binanceWrap($0, $1, data) }
        }
        for trade in t.trades {
            let data = BinanceSimCodec.aggTrade(s, trade, nowMs: nowMs)
            publish(venue: .binance, instrument: s.spec.id, topics: ["\(sym)@aggTrade"]) { binanceWrap($0, $1, data) }
        }
        if t.topChanged {
            let data = BinanceSimCodec.bookTicker(s, nowMs: nowMs)
            publish(venue: .binance, instrument: s.spec.id, topics: ["\(sym)@bookTicker"]) { binanceWrap($0, $1, data) }
        }
    }

    func publishBinanceMarkPrices(nowMs: Int64) {
        for s in market.instruments where s.spec.id.venue == .binance {
            let sym = s.spec.nativeSymbol.lowercased()
            let data = BinanceSimCodec.markPriceUpdate(s, indexMid: market.assetMids[s.spec.id.base] ?? s.mid, nowMs: nowMs)
            publish(venue: .binance, instrument: s.spec.id, topics: ["\(sym)@markPrice@1s", "\(sym)@markPrice"]) { binanceWrap($0, $1, data) }
        }
    }

    /// Handles a client frame on a Binance socket.
    func binanceInbound(_ id: Int, _ text: String) {
        guard let obj = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
            send(id, #"{"error":{"code":3,"msg":"Invalid JSON: expected value at line 1 column 1"},"id":null}"#)
            return
        }
        guard let reqId = obj["id"] as? NSNumber, !(obj["id"] is String), let rid = Int64(exactly: reqId.doubleValue), rid >= 0 else {
            send(id, #"{"error":{"code":2,"msg":"Invalid request: request ID must be an unsigned integer"},"id":null}"#)
            return
        }
        let method = obj["method"] as? String ?? ""
        switch method {
        case "SUBSCRIBE", "UNSUBSCRIBE":
            guard let params = obj["params"] as? [String], !params.isEmpty else {
                send(id, #"{"error":{"code":2,"msg":"Invalid request: missing field `params`"},"id":\#(rid)}"#)
                return
            }
            if method == "SUBSCRIBE" { updateTopics(id, add: params) } else { updateTopics(id, remove: params) }
            send(id, #"{"result":null,"id":\#(rid)}"#)
        case "LIST_SUBSCRIPTIONS":
            let topics = (connection(id)?.topics ?? []).sorted().map { SimHTTP.quote($0) }.joined(separator: ",")
            send(id, #"{"result":[\#(topics)],"id":\#(rid)}"#)
        default:
            send(id, #"{"error":{"code":2,"msg":"Invalid request: unknown variant `\#(method)`, expected one of `SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`"},"id":\#(rid)}"#)
        }
    }
}
