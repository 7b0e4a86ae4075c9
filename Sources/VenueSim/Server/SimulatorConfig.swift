public import PropCore

/// How to run the simulator: seed, ports, tick rate and market tunables.
public struct SimulatorConfig: Sendable {
    /// Seed of the synthetic market; the same seed replays the same market.
    public var seed: UInt64
    /// First port (Binance); OKX and Bybit use the next two. 0 = three ephemeral ports.
    public var basePort: Int
    /// Interface to bind; loopback by default.
    public var host: String = "127.0.0.1"
    /// Market step and book-stream period in ms (Binance `@100ms`, OKX `books`, Bybit `orderbook.200`).
    public var tickMillis: Int = 100
    /// OKX sends an empty `books` update (`seqId == prevSeqId`) when a book has not changed for this long.
    public var okxHeartbeatMillis: Int = 60_000
    /// Synthetic market tunables.
    public var market: SyntheticMarket.Parameters = .init()
    /// Clock for venue timestamps and fault expiry.
    public var timeSource: any TimeSource = SystemTimeSource()
    /// The simulated trading account (keys and starting balance), the same on all three venues.
    public var credentials: SimCredentials = .init()
    /// Funding settles every this many ms, aligned to the epoch (8 h = 00:00/08:00/16:00 UTC); tests use ~1 s.
    public var fundingPeriodMillis: Int64 = 8 * 3_600_000

    /// A configuration with the given seed and base port and defaults elsewhere.
    public init(seed: UInt64 = 42, basePort: Int = 0, host: String = "127.0.0.1", tickMillis: Int = 100,
                okxHeartbeatMillis: Int = 60_000, market: SyntheticMarket.Parameters = .init(),
                timeSource: any TimeSource = SystemTimeSource(), credentials: SimCredentials = .init(),
                fundingPeriodMillis: Int64 = 8 * 3_600_000) {
        self.seed = seed; self.basePort = basePort; self.host = host; self.tickMillis = tickMillis
        self.okxHeartbeatMillis = okxHeartbeatMillis; self.market = market; self.timeSource = timeSource
        self.credentials = credentials; self.fundingPeriodMillis = fundingPeriodMillis
    }
}
