/// The keys each section accepts. One list drives unknown-key detection, suggestions and the runbook.
enum ProfileSchema {
    static let root = [
        "profile", "server", "sim", "storage", "market_data", "execution", "venues", "instruments", "logging", "secrets_file",
    ]
    static let server = ["host", "port", "allow_remote"]
    static let sim = ["enabled", "seed", "port", "tick_ms"]
    static let storage = ["path"]
    static let marketData = ["stale_ms", "depth", "reconnect", "ping_interval_ms", "snapshot_limit"]
    static let execution = [
        "place_timeout_ms", "cancel_timeout_ms", "max_resends", "dead_man_timeout_ms", "dead_man_refresh_ms",
        "cancel_on_disconnect_ms", "recv_window_ms", "request_timeout_ms",
    ]
    static let reconnect = ["initial_ms", "max_ms", "jitter"]
    static let venues = ["binance", "okx", "bybit"]
    static let venue = ["enabled", "rest_url", "ws_url", "api_key", "api_secret"]
    /// OKX also has a passphrase and a demo-trading switch.
    static let okxVenue = venue + ["passphrase", "simulated_trading"]
    static let logging = ["level", "format"]

    static let portRange = 0...65_535
    static let seedRange = 0...Int.max
    static let tickMsRange = 1...60_000
    static let staleMsRange = 100...600_000
    static let depthRange = 1...1000
    static let snapshotLimitRange = 5...1000
    static let reconnectInitialMsRange = 10...60_000
    static let reconnectMaxMsRange = 100...600_000
    static let jitterRange = 0.0...1.0
    static let orderTimeoutMsRange = 100...60_000
    static let maxResendsRange = 0...5
    static let deadManTimeoutMsRange = 10_000...120_000
    static let deadManRefreshMsRange = 1_000...60_000
    static let cancelOnDisconnectMsRange = 100...60_000
    static let recvWindowMsRange = 1_000...60_000
    static let pingIntervalMsRange = 1000...120_000
}
