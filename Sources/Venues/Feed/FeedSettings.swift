/// Tuning of one venue's market-data feed. The Server maps the profile's YAML onto this value;
/// defaults suit a real venue, tests shrink the timings.
public struct FeedSettings: Sendable, Hashable, Codable {
    /// A book (or the whole socket) with no update for this long is flagged stale; a socket with
    /// no frame at all for this long is considered dead and reconnected.
    public var staleMs: Int64
    /// First reconnect / REST retry delay.
    public var reconnectInitialMs: Int64
    /// Largest reconnect / REST retry delay.
    public var reconnectMaxMs: Int64
    /// Relative jitter (0...1) applied to each delay.
    public var reconnectJitter: Double
    /// Client heartbeat period where the venue needs one (OKX text `ping`, Bybit `op:ping`).
    public var pingIntervalMs: Int64
    /// Depth requested from REST snapshots (Binance `limit`, OKX `sz`, Bybit `limit`).
    public var snapshotLimit: Int
    /// Depth of the WebSocket book channel where the venue offers a choice (Bybit 50/200/1000).
    public var depth: Int
    /// Per-request REST timeout.
    public var restTimeoutMs: Int64
    /// REST attempts before a call fails (first try included).
    public var restMaxAttempts: Int
    /// Seed of the jitter generator, so reconnect timing replays the same way.
    public var seed: UInt64

    /// Settings with explicit values; every parameter has a production default.
    public init(
        staleMs: Int64 = 5_000,
        reconnectInitialMs: Int64 = 250,
        reconnectMaxMs: Int64 = 30_000,
        reconnectJitter: Double = 0.2,
        pingIntervalMs: Int64 = 20_000,
        snapshotLimit: Int = 1000,
        depth: Int = 200,
        restTimeoutMs: Int64 = 5_000,
        restMaxAttempts: Int = 5,
        seed: UInt64 = 0x5EED
    ) {
        self.staleMs = staleMs; self.reconnectInitialMs = reconnectInitialMs; self.reconnectMaxMs = reconnectMaxMs
        self.reconnectJitter = reconnectJitter; self.pingIntervalMs = pingIntervalMs; self.snapshotLimit = snapshotLimit
        self.depth = depth; self.restTimeoutMs = restTimeoutMs; self.restMaxAttempts = restMaxAttempts; self.seed = seed
    }

    /// A backoff built from these settings; `salt` separates the jitter streams of different users.
    public func makeBackoff(salt: UInt64 = 0) -> ReconnectBackoff {
        ReconnectBackoff(initialMs: reconnectInitialMs, maxMs: reconnectMaxMs, jitter: reconnectJitter, seed: seed ^ salt)
    }
}
