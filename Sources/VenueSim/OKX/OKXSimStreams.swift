import Foundation
import PropCore

/// OKX public channels: `books` (snapshot on subscribe, then updates chained by `prevSeqId`/`seqId`,
/// heartbeats when still), `trades`, `tickers`, `mark-price`, `funding-rate`, plus `ping`/`pong`.
/// Topics are stored as `channel:instId`.
extension SimState {
    static let okxChannels: Set<String> = ["books", "trades", "tickers", "mark-price", "funding-rate"]

    /// The order-book topic of an instrument id.
    static func okxBooksTopic(_ inst: String) -> String { "books:\(inst)" }

    func publishOKX(_ t: SimInstrumentTick, state s: SimInstrumentState, dropDiff: Bool, nowMs: Int64) {
        let inst = s.spec.nativeSymbol
        let booksTopic = Self.okxBooksTopic(inst)
        if let u = t.views.first, hasSubscribers(.okx, booksTopic) {
            let view = s.views[u.viewIndex]
            var sum = OKXSimCodec.checksum(bids: view.bids, asks: view.asks, spec: s.spec)
            let last = okxLastBookSendMs[t.index] ?? 0
            if !u.isEmpty {
                if !dropDiff {
                    if faults.consume(.corruptChecksum, venue: .okx, instrument: s.spec.id) { sum ^= 0x5A5A_5A5A }
                    let text = OKXSimCodec.books(s, action: "update", bids: u.bids, asks: u.asks, prevSeqId: u.prevId,
                                                 seqId: u.lastId, checksum: sum, nowMs: nowMs)
                    publish(venue: .okx, instrument: s.spec.id, topics: [booksTopic]) { _, _ in text }
                }
                okxLastBookSendMs[t.index] = nowMs
            } else if nowMs - last >= Int64(config.okxHeartbeatMillis) {
                let text = OKXSimCodec.books(s, action: "update", bids: [], asks: [], prevSeqId: u.lastId, seqId: u.lastId,
                                             checksum: sum, nowMs: nowMs)
                publish(venue: .okx, instrument: s.spec.id, topics: [booksTopic]) { _, _ in text }
                okxLastBookSendMs[t.index] = nowMs
            }
        }
        for trade in t.trades {
            let text = OKXSimCodec.trade(s, trade)
            publish(venue: .okx, instrument: s.spec.id, topics: ["trades:\(inst)"]) { _, _ in text }
        }
        if t.topChanged || !t.trades.isEmpty {
            let text = OKXSimCodec.ticker(s, nowMs: nowMs)
            publish(venue: .okx, instrument: s.spec.id, topics: ["tickers:\(inst)"]) { _, _ in text }
        }
    }

    func publishOKXMarkPrices(nowMs: Int64) {
        for s in market.instruments where s.spec.id.venue == .okx {
            let text = #"{"arg":\#(OKXSimCodec.arg("mark-price", s.spec.nativeSymbol)),"data":[\#(OKXSimCodec.markItem(s, nowMs: nowMs))]}"#
            publish(venue: .okx, instrument: s.spec.id, topics: ["mark-price:\(s.spec.nativeSymbol)"]) { _, _ in text }
        }
    }

    func publishOKXFunding(nowMs: Int64) {
        for s in market.instruments where s.spec.id.venue == .okx {
            let text = #"{"arg":\#(OKXSimCodec.arg("funding-rate", s.spec.nativeSymbol)),"data":[\#(OKXSimCodec.fundingItem(s, nowMs: nowMs))]}"#
            publish(venue: .okx, instrument: s.spec.id, topics: ["funding-rate:\(s.spec.nativeSymbol)"]) { _, _ in text }
        }
    }

    /// Handles a client frame on an OKX socket.
    func okxInbound(_ id: Int, _ text: String) {
        guard let conn = connection(id) else { return }
        if conn.topics.contains(Self.okxPrivateMarker) { okxPrivateInbound(id, text); return }
        if text == "ping" { send(id, "pong"); return }
        func fail(_ code: String, _ msg: String) {
            send(id, #"{"event":"error","code":"\#(code)","msg":\#(SimHTTP.quote(msg)),"connId":"\#(conn.connId)"}"#)
        }
        guard let obj = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
              let op = obj["op"] as? String, op == "subscribe" || op == "unsubscribe",
              let args = obj["args"] as? [[String: Any]], !args.isEmpty else {
            fail("60012", "Invalid request: \(text)")
            return
        }
        let reqId = (obj["id"] as? String).map { #""id":\#(SimHTTP.quote($0)),"# } ?? ""
        for arg in args {
            guard let channel = arg["channel"] as? String else { fail("60012", "Invalid request: \(text)"); return }
            let instId = arg["instId"] as? String ?? ""
            guard Self.okxChannels.contains(channel), let idx = market.index(venue: .okx, nativeSymbol: instId) else {
                fail("60018", "Wrong URL or channel:\(channel),instId:\(instId) doesn't exist. Please use the correct URL, channel and parameters referring to API document.")
                continue
            }
            let topic = "\(channel):\(instId)"
            send(id, #"{\#(reqId)"event":"\#(op)","arg":\#(OKXSimCodec.arg(channel, instId)),"connId":"\#(conn.connId)"}"#)
            if op == "unsubscribe" { updateTopics(id, remove: [topic]); continue }
            updateTopics(id, add: [topic])
            let s = market.instruments[idx]
            let now = nowMs
            switch channel {
            case "books":
                let v = s.views[0]
                let sum = OKXSimCodec.checksum(bids: v.bids, asks: v.asks, spec: s.spec)
                send(id, OKXSimCodec.books(s, action: "snapshot", bids: v.bids, asks: v.asks, prevSeqId: -1,
                                           seqId: v.updateId, checksum: sum, nowMs: now))
            case "tickers": send(id, OKXSimCodec.ticker(s, nowMs: now))
            case "mark-price":
                send(id, #"{"arg":\#(OKXSimCodec.arg(channel, instId)),"data":[\#(OKXSimCodec.markItem(s, nowMs: now))]}"#)
            case "funding-rate":
                send(id, #"{"arg":\#(OKXSimCodec.arg(channel, instId)),"data":[\#(OKXSimCodec.fundingItem(s, nowMs: now))]}"#)
            default: break
            }
        }
    }
}
