import Foundation
import PropCore

/// OKX private socket `/ws/v5/private`: `login` (verified like the venue), then `orders`, `positions` and
/// `account` subscriptions, text `ping`/`pong`. Connections are tagged with `okxPrivateMarker`; their channel
/// subscriptions are stored as topics `okx.private.<channel>`.
extension SimState {
    /// Topic that marks a connection as a private-socket client.
    static let okxPrivateMarker = "okx.private"
    /// Topic added once the client logged in.
    static let okxPrivateAuthed = "okx.private.authed"
    static let okxPrivateChannels: Set<String> = ["orders", "positions", "account"]

    static func okxPrivateTopic(_ channel: String) -> String { "okx.private.\(channel)" }

    static func okxPrivateArg(_ channel: String, instType: String? = nil) -> String {
        #"{"channel":"\#(channel)""# + (instType.map { #","instType":"\#($0)""# } ?? "") + #","uid":"\#(OKXSimPrivateCodec.uid)"}"#
    }

    /// The OKX private-stream frames for one account event, as sent to `connection` (empty = nothing to send).
    /// A trade is reported the OKX way, inline in the `orders` push whose `accFillSz` it produced; the engine's
    /// separate `.fill` event therefore renders nothing.
    func okxPrivateFrames(_ event: PrivateStreamEvent, connection: SimConnection) -> [String] {
        let now = nowMs
        switch event {
        case .order(let r):
            guard connection.topics.contains(Self.okxPrivateTopic("orders")) else { return [] }
            let own = fills(venue: .okx, instrument: r.instrument, sinceMs: 0).filter { $0.venueOrderId == r.venueOrderId }
            var cumulative = Qty.zero, fee = Qty.zero
            var last: FillReport?
            for f in own where cumulative < r.filledQty {
                cumulative += f.qty; fee += f.fee
                if cumulative == r.filledQty { last = f }
            }
            let trade = (r.status == .partiallyFilled || r.status == .filled) ? last : nil
            let item = OKXSimPrivateCodec.order(r, lastFill: trade, feeTotal: fee)
            return [#"{"arg":\#(Self.okxPrivateArg("orders", instType: "SWAP")),"data":[\#(item)]}"#]
        case .position(let p):
            guard connection.topics.contains(Self.okxPrivateTopic("positions")) else { return [] }
            return [#"{"arg":\#(Self.okxPrivateArg("positions", instType: "SWAP")),"data":[\#(okxPositionItem(p, nowMs: now))]}"#]
        case .balance:
            guard connection.topics.contains(Self.okxPrivateTopic("account")) else { return [] }
            return [okxAccountPush(nowMs: now)]
        case .fill, .funding, .connected, .disconnected:
            return []
        }
    }

    func okxPositionItem(_ p: PositionReport, nowMs: Int64) -> String {
        let mark = instrument(venue: .okx, symbol: NativeSymbol.symbol(for: p.instrument)).map(OKXSimCodec.markPx) ?? ""
        return OKXSimPrivateCodec.position(p, markPx: mark, nowMs: nowMs)
    }

    func okxAccountPush(nowMs: Int64) -> String {
        let upl = positions(venue: .okx).reduce(Qty.zero) { $0 + $1.unrealizedPnl }
        let account = OKXSimPrivateCodec.account(balance(venue: .okx), upl: upl, nowMs: nowMs)
        return #"{"arg":\#(Self.okxPrivateArg("account")),"data":[\#(account)]}"#
    }

    /// Handles a client frame on the private socket.
    func okxPrivateInbound(_ id: Int, _ text: String) {
        guard let conn = connection(id) else { return }
        if text == "ping" { send(id, "pong"); return }
        func fail(_ code: String, _ msg: String) {
            send(id, #"{"event":"error","code":"\#(code)","msg":\#(SimHTTP.quote(msg)),"connId":"\#(conn.connId)"}"#)
        }
        guard let obj = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
              let op = obj["op"] as? String, let args = obj["args"] as? [[String: Any]], !args.isEmpty else {
            fail("60012", "Invalid request: \(text)")
            return
        }
        let reqId = (obj["id"] as? String).map { #""id":\#(SimHTTP.quote($0)),"# } ?? ""
        switch op {
        case "login":
            let a = args[0]
            if let f = OKXSimPrivateAuth.verifyLogin(apiKey: a["apiKey"] as? String, passphrase: a["passphrase"] as? String,
                                                     timestamp: a["timestamp"] as? String, sign: a["sign"] as? String,
                                                     credentials: credentials, nowMs: nowMs) {
                fail(f.code, f.msg)
                return
            }
            updateTopics(id, add: [Self.okxPrivateAuthed])
            setPrivate(id, authenticated: true)
            send(id, #"{\#(reqId)"event":"login","code":"0","msg":"","connId":"\#(conn.connId)"}"#)
        case "subscribe", "unsubscribe":
            guard conn.topics.contains(Self.okxPrivateAuthed) else { fail("60011", "Please log in"); return }
            for arg in args {
                guard let channel = arg["channel"] as? String, Self.okxPrivateChannels.contains(channel) else {
                    fail("60018", "Wrong URL or channel:\(arg["channel"] as? String ?? ""), doesn't exist. Please use the correct URL, channel and parameters referring to API document.")
                    continue
                }
                var echo = [#""channel":"\#(channel)""#]
                for key in ["instType", "instFamily", "instId", "ccy"] {
                    if let v = arg[key] as? String { echo.append(#""\#(key)":\#(SimHTTP.quote(v))"#) }
                }
                send(id, #"{\#(reqId)"event":"\#(op)","arg":{\#(echo.joined(separator: ","))},"connId":"\#(conn.connId)"}"#)
                let topic = Self.okxPrivateTopic(channel)
                if op == "unsubscribe" { updateTopics(id, remove: [topic]); continue }
                updateTopics(id, add: [topic])
                // `positions` and `account` start with a snapshot; `orders` only pushes changes.
                let now = nowMs
                switch channel {
                case "positions":
                    let items = positions(venue: .okx).filter { !$0.qty.isZero }.map { okxPositionItem($0, nowMs: now) }
                    send(id, #"{"arg":\#(Self.okxPrivateArg("positions", instType: "SWAP")),"data":[\#(items.joined(separator: ","))]}"#)
                case "account":
                    send(id, okxAccountPush(nowMs: now))
                default: break
                }
            }
        default:
            fail("60012", "Invalid request: \(text)")
        }
    }
}
