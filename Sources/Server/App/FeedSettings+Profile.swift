import Ops
import Venues

extension FeedSettings {
    /// Feed tuning from the profile's `market_data` section.
    init(_ config: MarketDataConfig, seed: UInt64) {
        self.init(staleMs: Int64(config.staleMs), reconnectInitialMs: Int64(config.reconnect.initialMs),
                  reconnectMaxMs: Int64(config.reconnect.maxMs), reconnectJitter: config.reconnect.jitter,
                  pingIntervalMs: Int64(config.pingIntervalMs), snapshotLimit: config.snapshotLimit,
                  depth: config.depth, seed: seed)
    }
}
