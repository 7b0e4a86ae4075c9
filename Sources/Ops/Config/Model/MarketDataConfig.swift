/// Market data feed settings shared by all venues.
public struct MarketDataConfig: Sendable, Equatable, Encodable {
    /// A book not updated for this long is stale and blocks new risk, milliseconds.
    public var staleMs: Int
    /// Book levels to subscribe where the venue lets us choose.
    public var depth: Int
    /// Reconnect backoff.
    public var reconnect: ReconnectConfig
    /// WebSocket ping interval, milliseconds.
    public var pingIntervalMs: Int
    /// Levels requested in REST depth snapshots.
    public var snapshotLimit: Int

    /// Creates a market data section.
    public init(
        staleMs: Int = 3000, depth: Int = 200, reconnect: ReconnectConfig = ReconnectConfig(),
        pingIntervalMs: Int = 15_000, snapshotLimit: Int = 1000
    ) {
        self.staleMs = staleMs; self.depth = depth; self.reconnect = reconnect
        self.pingIntervalMs = pingIntervalMs; self.snapshotLimit = snapshotLimit
    }

    enum CodingKeys: String, CodingKey {
        case staleMs = "stale_ms"
        case depth, reconnect
        case pingIntervalMs = "ping_interval_ms"
        case snapshotLimit = "snapshot_limit"
    }
}
