/// What a `WebSocketSession` drives: the owner of per-connection state (books, codecs).
///
/// All methods are called on the session's receiving task, one at a time and never concurrently,
/// so the conforming class needs no locks. `frame` is the hot path: it must not block or await.
public protocol WebSocketSessionHandler: AnyObject {
    /// The socket is open (`connectCount` is 1 for the first connection); returns the frames to send
    /// first — usually the subscriptions.
    func sessionConnected(connectCount: Int) -> [String]
    /// One complete text or binary message. Append frames that must be sent (resubscriptions) to `outbox`;
    /// the session writes them after the call returns.
    func sessionFrame(_ bytes: UnsafeRawBufferPointer, receivedNanos: UInt64, outbox: inout [String])
    /// The connection ended (closed, failed, or declared dead); `reason` is for logs and events.
    func sessionDisconnected(reason: String)
}
