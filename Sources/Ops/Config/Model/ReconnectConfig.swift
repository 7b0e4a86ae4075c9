/// Exponential reconnect backoff for venue WebSocket sessions.
public struct ReconnectConfig: Sendable, Equatable, Encodable {
    /// First delay after a disconnect, milliseconds.
    public var initialMs: Int
    /// Upper bound of the delay, milliseconds.
    public var maxMs: Int
    /// Random spread as a fraction of the delay (0…1), so reconnects of many sockets do not align.
    public var jitter: Double

    /// Creates a backoff section.
    public init(initialMs: Int = 250, maxMs: Int = 30_000, jitter: Double = 0.2) {
        self.initialMs = initialMs; self.maxMs = maxMs; self.jitter = jitter
    }

    enum CodingKeys: String, CodingKey {
        case initialMs = "initial_ms"
        case maxMs = "max_ms"
        case jitter
    }
}
