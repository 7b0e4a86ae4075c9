/// Order-path settings: deadlines, dead-man switch, cancel-on-disconnect, request signing window.
public struct ExecutionConfig: Sendable, Equatable, Encodable {
    /// A place without an answer for this long is resolved by querying the venue by client id, milliseconds.
    public var placeTimeoutMs: Int
    /// A cancel without confirmation for this long is queried and re-sent, milliseconds.
    public var cancelTimeoutMs: Int
    /// Re-sends of the SAME client id after the venue said it never saw the order.
    public var maxResends: Int
    /// Dead-man switch timeout armed on the venue (cancel everything if we go silent), milliseconds.
    public var deadManTimeoutMs: Int
    /// How often the dead-man switch is refreshed, milliseconds (well under the timeout).
    public var deadManRefreshMs: Int
    /// After the private stream drops, open orders are cancelled within this bound, milliseconds.
    public var cancelOnDisconnectMs: Int
    /// Receive window sent with signed requests (Binance `recvWindow`, Bybit `X-BAPI-RECV-WINDOW`), milliseconds.
    public var recvWindowMs: Int
    /// Per-request HTTP deadline for private calls, milliseconds.
    public var requestTimeoutMs: Int

    public init(placeTimeoutMs: Int = 2_000, cancelTimeoutMs: Int = 2_000, maxResends: Int = 1,
                deadManTimeoutMs: Int = 60_000, deadManRefreshMs: Int = 15_000, cancelOnDisconnectMs: Int = 5_000,
                recvWindowMs: Int = 5_000, requestTimeoutMs: Int = 5_000) {
        self.placeTimeoutMs = placeTimeoutMs; self.cancelTimeoutMs = cancelTimeoutMs; self.maxResends = maxResends
        self.deadManTimeoutMs = deadManTimeoutMs; self.deadManRefreshMs = deadManRefreshMs
        self.cancelOnDisconnectMs = cancelOnDisconnectMs; self.recvWindowMs = recvWindowMs
        self.requestTimeoutMs = requestTimeoutMs
    }

    enum CodingKeys: String, CodingKey {
        case placeTimeoutMs = "place_timeout_ms"
        case cancelTimeoutMs = "cancel_timeout_ms"
        case maxResends = "max_resends"
        case deadManTimeoutMs = "dead_man_timeout_ms"
        case deadManRefreshMs = "dead_man_refresh_ms"
        case cancelOnDisconnectMs = "cancel_on_disconnect_ms"
        case recvWindowMs = "recv_window_ms"
        case requestTimeoutMs = "request_timeout_ms"
    }
}
