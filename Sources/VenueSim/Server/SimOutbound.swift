/// A frame queued for one WebSocket connection.
public enum SimOutbound: Sendable {
    /// A text frame, not to be written before `notBeforeNanos` (monotonic; 0 = at once) — how the
    /// `latency` fault delays sends without slowing the market.
    case text(String, notBeforeNanos: UInt64)
    /// Close the connection (the `close_socket` fault).
    case close
}
