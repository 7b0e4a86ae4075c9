import Foundation
import PropCore

/// Bybit public linear topics: `orderbook.{1,50,200,1000}.SYM` (snapshot on subscribe, then deltas with
/// `u` +1 each; depth 1 is snapshot-only), `publicTrade.SYM`, `tickers.SYM` (snapshot then deltas), and
/// `{"op":"ping"}`.
extension SimState {
    static let bybitDepths: Set<Int> = [1, 50, 200, 1000]

    /// The order-book topic of a symbol at one depth.
    static func bybitBookTopic(depth: Int, _ sym: String) -> String { "orderbook.\(depth).\(sym)" }

    func publishBybit(_ t: SimInstrumentTick, state s: SimInstrumentState, dropDiff: Bool, nowMs: Int64) {
        let sym = s.spec.nativeSymbol
        if !dropDiff {
            for u in t.views where !u.isEmpty {
                let topic = Self.bybitBookTopic(depth: u.depth, sym)
                guard hasSubscribers(.bybit, topic) else { continue }
                let v = s.views[u.viewIndex]
                let text = u.depth == 1
                    ? BybitSimCodec.orderbook(s, depth: 1, type: "snapshot", bids: v.bids, asks: v.asks, u: u.lastId, nowMs: nowMs)
                    : BybitSimCodec.orderbook(s, depth: u.depth, type: "delta", bids: u.bids, asks: u.asks, u: u.lastId, nowMs: nowMs)
                publish(venue: .bybit, instrument: s.spec.id, topics: [topic]) { _, _ in text }
            }
        }
        for trade in t.trades {
            let text = BybitSimCodec.trade(s, trade)
            publish(venue: .bybit, instrument: s.spec.id, topics: ["publicTrade.\(sym)"]) { _, _ in text }
        }
        if t.topChanged {
            let p = s.spec
            let b = s.book.top(.buy, 1).first ?? BookLevel(price: 0, qty: 0), a = s.book.top(.sell, 1).first ?? BookLevel(price: 0, qty: 0)
            let text = #"{"topic":"tickers.\#(sym)","type":"delta","data":{"symbol":"\#(sym)","bid1Price":"\#(p.price(b.price))","bid1Size":"\#(p.qty(b.qty))","ask1Price":"\#(p.price(a.price))","ask1Size":"\#(p.qty(a.qty))"},"cs":\#(s.crossSequence),"ts":\#(nowMs)}"#
            publish(venue: .bybit, instrument: s.spec.id, topics: ["tickers.\(sym)"]) { _, _ in text }
        }
    }

    /// Handles a client frame on a Bybit socket.
    func bybitInbound(_ id: Int, _ text: String) {
        guard let conn = connection(id) else { return }
        if conn.topics.contains(Self.bybitPrivateMarker) { bybitPrivateInbound(id, text); return }
        guard let obj = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
              let op = obj["op"] as? String else {
            send(id, #"{"success":false,"ret_msg":"error:request not json or op missing","conn_id":"\#(conn.connId)","op":""}"#)
            return
        }
        let reqId = SimHTTP.quote((obj["req_id"] as? String) ?? "")
        switch op {
        case "ping":
            send(id, #"{"success":true,"ret_msg":"pong","conn_id":"\#(conn.connId)","req_id":\#(reqId),"op":"ping"}"#)
        case "subscribe", "unsubscribe":
            guard let args = obj["args"] as? [String], !args.isEmpty else {
                send(id, #"{"success":false,"ret_msg":"error:args missing","conn_id":"\#(conn.connId)","req_id":\#(reqId),"op":"\#(op)"}"#)
                return
            }
            let bad = args.filter { bybitTopicTarget($0) == nil }
            guard bad.isEmpty else {
                send(id, #"{"success":false,"ret_msg":"error:handler not found,topic:\#(bad[0])","conn_id":"\#(conn.connId)","req_id":\#(reqId),"op":"\#(op)"}"#)
                return
            }
            send(id, #"{"success":true,"ret_msg":"","conn_id":"\#(conn.connId)","req_id":\#(reqId),"op":"\#(op)"}"#)
            if op == "unsubscribe" { updateTopics(id, remove: args); return }
            updateTopics(id, add: args)
            let now = nowMs
            for topic in args {
                guard let (kind, depth, idx) = bybitTopicTarget(topic) else { continue }
                let s = market.instruments[idx]
                switch kind {
                case "orderbook":
                    guard let vi = s.viewIndex(depth: depth) else { continue }
                    let v = s.views[vi]
                    send(id, BybitSimCodec.orderbook(s, depth: depth, type: "snapshot", bids: v.bids, asks: v.asks,
                                                     u: v.updateId, nowMs: now))
                case "tickers":
                    let item = BybitSimCodec.tickerItem(s, indexMid: market.assetMids[s.spec.id.base] ?? s.mid, nowMs: now)
                    send(id, #"{"topic":"\#(topic)","type":"snapshot","data":\#(item),"cs":\#(s.crossSequence),"ts":\#(now)}"#)
                default: break
                }
            }
        default:
            send(id, #"{"success":false,"ret_msg":"error:unknown op \#(op)","conn_id":"\#(conn.connId)","req_id":\#(reqId),"op":\#(SimHTTP.quote(op))}"#)
        }
    }

    /// (`orderbook`|`publicTrade`|`tickers`, depth, instrument index) of a topic, if it exists.
    func bybitTopicTarget(_ topic: String) -> (String, Int, Int)? {
        let parts = topic.split(separator: ".").map(String.init)
        switch parts.count {
        case 3 where parts[0] == "orderbook":
            guard let d = Int(parts[1]), Self.bybitDepths.contains(d),
                  let idx = market.index(venue: .bybit, nativeSymbol: parts[2]) else { return nil }
            return ("orderbook", d, idx)
        case 2 where parts[0] == "publicTrade" || parts[0] == "tickers":
            guard let idx = market.index(venue: .bybit, nativeSymbol: parts[1]) else { return nil }
            return (parts[0], 0, idx)
        default: return nil
        }
    }

    func publishBybitMarks(nowMs: Int64) {
        for s in market.instruments where s.spec.id.venue == .bybit {
            let sym = s.spec.nativeSymbol
            let idx = BybitSimCodec.markPrice(s, market.assetMids[s.spec.id.base] ?? s.mid)
            let text = #"{"topic":"tickers.\#(sym)","type":"delta","data":{"symbol":"\#(sym)","markPrice":"\#(BybitSimCodec.markPrice(s, s.mid))","indexPrice":"\#(idx)","fundingRate":"\#(Price(units: s.fundingRateE8, scale: 8).trimmedDescription)","nextFundingTime":"\#(BinanceSimCodec.nextFunding(nowMs))"},"cs":\#(s.crossSequence),"ts":\#(nowMs)}"#
            publish(venue: .bybit, instrument: s.spec.id, topics: ["tickers.\(sym)"]) { _, _ in text }
        }
    }
}
