import Foundation
import PropCore
import Venues

/// Bybit's private socket `/v5/private`: `op:auth` (`[apiKey, expires, hex HMAC(secret, "GET/realtime"+expires)]`),
/// then `subscribe` to `order`, `execution`, `position`, `wallet` (and `dcp.*`), `ping` → `pong`; account
/// events are pushed as `{"id","topic","creationTime","data":[…]}` to subscribed, authenticated sockets.
extension SimState {
    /// Pseudo-topic marking a connection made on `/v5/private` (never a real topic, so public pushes skip it).
    static let bybitPrivateMarker = "#bybit.private"
    /// Pseudo-topic marking a private connection that authenticated.
    static let bybitAuthMarker = "#bybit.auth"
    /// Topics the private socket serves.
    static let bybitPrivateTopics: Set<String> = ["order", "execution", "position", "wallet", "dcp.future", "dcp.spot", "dcp.option",
                                                  "order.linear", "execution.linear", "position.linear"]

    /// The Bybit private-stream frames for one account event, as sent to `connection` (empty = nothing to send).
    func bybitPrivateFrames(_ event: PrivateStreamEvent, connection: SimConnection) -> [String] {
        guard connection.topics.contains(Self.bybitAuthMarker) else { return [] }
        let topic: String, item: String
        switch event {
        case .order(let r): topic = "order"; item = bybitOrderItem(r, stream: true)
        case .fill(let f): topic = "execution"; item = bybitExecutionItem(f, stream: true)
        case .position(let p): topic = "position"; item = bybitPositionItem(p, stream: true)
        case .balance: topic = "wallet"; item = bybitWalletItem()
        case .funding, .connected, .disconnected: return []
        }
        let subscribed = connection.topics.contains(topic) || (topic != "wallet" && connection.topics.contains(topic + ".linear"))
        guard subscribed else { return [] }
        let now = nowMs
        return [#"{"id":"\#(connection.connId)-\#(now)-\#(topic)","topic":"\#(topic)","creationTime":\#(now),"data":[\#(item)]}"#]
    }

    /// Handles a client frame on a `/v5/private` socket.
    func bybitPrivateInbound(_ id: Int, _ text: String) {
        guard let conn = connection(id) else { return }
        let cid = conn.connId
        guard let obj = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any], let op = obj["op"] as? String else {
            send(id, #"{"success":false,"ret_msg":"error:request not json or op missing","conn_id":"\#(cid)","op":""}"#)
            return
        }
        let reqId = SimHTTP.quote((obj["req_id"] as? String) ?? "")
        func answer(_ ok: Bool, _ msg: String, op: String) {
            send(id, #"{"success":\#(ok),"ret_msg":\#(SimHTTP.quote(msg)),"conn_id":"\#(cid)","req_id":\#(reqId),"op":"\#(op)"}"#)
        }
        switch op {
        case "ping":
            send(id, #"{"req_id":\#(reqId),"op":"pong","args":["\#(nowMs)"],"conn_id":"\#(cid)"}"#)
        case "auth":
            if conn.topics.contains(Self.bybitAuthMarker) { answer(false, "error:Repeat auth", op: "auth"); return }
            let args = obj["args"] as? [Any] ?? []
            guard args.count == 3, let key = args[0] as? String, let expires = (args[1] as? NSNumber)?.int64Value ?? (args[1] as? String).flatMap({ Int64($0) }),
                  let sign = args[2] as? String else {
                answer(false, "error:Params Error", op: "auth"); return
            }
            guard key == credentials.apiKey else { answer(false, "error:Invalid apikey", op: "auth"); return }
            guard expires > nowMs else { answer(false, "error:expires is expired", op: "auth"); return }
            let expected = BybitSigner(secret: credentials.apiSecret).wsAuthSignature(expiresMs: expires)
            guard SimSignature.matches(sign.lowercased(), expected) else {
                answer(false, "error:Signature verification failed", op: "auth"); return
            }
            updateTopics(id, add: [Self.bybitAuthMarker])
            setPrivate(id, authenticated: true)
            send(id, #"{"success":true,"ret_msg":"","op":"auth","conn_id":"\#(cid)","req_id":\#(reqId)}"#)
        case "subscribe", "unsubscribe":
            guard conn.topics.contains(Self.bybitAuthMarker) else { answer(false, "Request not authorized", op: op); return }
            guard let args = obj["args"] as? [String], !args.isEmpty else { answer(false, "error:args missing", op: op); return }
            if let bad = args.first(where: { !Self.bybitPrivateTopics.contains($0) }) {
                answer(false, "error:handler not found,topic:\(bad)", op: op); return
            }
            if op == "subscribe" { updateTopics(id, add: args) } else { updateTopics(id, remove: args) }
            answer(true, "", op: op)
        default:
            answer(false, "error:unknown op \(op)", op: op)
        }
    }
}
