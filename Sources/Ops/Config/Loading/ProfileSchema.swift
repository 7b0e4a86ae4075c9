/// The keys each section accepts. One list drives unknown-key detection, suggestions and the runbook.
enum ProfileSchema {
    static let root = [
        "profile", "server", "sim", "storage", "market_data", "execution", "strategy", "risk", "venues", "instruments", "logging", "secrets_file", "ops", "status",
    ]
    static let server = ["host", "port", "allow_remote"]
    static let sim = ["enabled", "seed", "port", "tick_ms"]
    static let storage = ["path"]
    static let marketData = ["stale_ms", "depth", "reconnect", "ping_interval_ms", "snapshot_limit"]
    static let execution = [
        "place_timeout_ms", "cancel_timeout_ms", "max_resends", "dead_man_timeout_ms", "dead_man_refresh_ms",
        "cancel_on_disconnect_ms", "recv_window_ms", "request_timeout_ms",
    ]
    static let strategy = [
        "order_amount", "min_profitability", "slippage_buffer", "concurrent_orders_submission", "style",
        "max_holding_ms", "exit", "leg_risk", "overrides",
    ]
    static let strategyExit = ["converge_bps", "on_funding", "max_age_ms"]
    static let strategyOverride = ["order_amount", "min_profitability", "slippage_buffer"]
    static let strategyLegRisk = [
        "leg_timeout_ms", "maker_rest_ms", "hedge_deadline_ms", "max_hedge_attempts", "hedge_slippage_bps",
        "max_unhedged_usd", "max_unhedged_ms", "pair_cooldown_ms", "margin_leverage",
    ]
    static let risk = [
        "level", "max_order_notional", "max_instrument_notional", "max_venue_gross", "max_gross", "max_net",
        "max_open_arbitrages", "max_in_flight_orders", "max_orders_per_second", "max_orders_per_minute",
        "runaway_orders_per_minute", "price_band_bps", "max_leverage", "daily_loss_limit", "max_drawdown",
        "stale_book_ms", "max_mid_mark_divergence_bps", "max_funding_bps", "max_basis_bps", "allow_1000_prefixed",
        "allow_leveraged_tokens",
    ]
    static let reconnect = ["initial_ms", "max_ms", "jitter"]
    static let venues = ["binance", "okx", "bybit"]
    static let venue = ["enabled", "rest_url", "ws_url", "api_key", "api_secret", "fees"]
    static let venueFees = ["maker_bps", "taker_bps"]
    /// OKX also has a passphrase and a demo-trading switch.
    static let okxVenue = venue + ["passphrase", "simulated_trading"]
    static let logging = ["level", "format"]
    static let ops = [
        "tokens_file", "anonymous_local_reads", "approval_ttl_s", "audit_path", "state_file", "max_clock_skew_ms",
        "require_leader_lease", "lease_path", "lease_ttl_ms",
    ]
    /// The thresholds shape, in `configs/status_thresholds.yaml` and under the profile's `status:`.
    static let statusThresholdsRoot = ["groups", "health", "slo", "slo_policy"]
    static let status = ["site", "thresholds_file"] + statusThresholdsRoot
    static let statusGroups = ComponentGroup.allCases.map(\.rawValue)
    static let statusGroup = ["ok", "warn"]
    static let statusHealth = ["green_from_pct", "red_below_pct"]
    static let statusSLOSites = SLOSite.allCases.map(\.rawValue)
    static let sloTargets = [
        "ws_gap_ms_p95", "order_cycle_ms_p95", "reject_rate", "cancel_fail_rate", "recon_mismatch", "max_day_drawdown_bps",
    ]
    static let sloPolicy = [
        "window_s", "bucket_s", "hold_multiplier", "hold_after_s", "auto_hold", "hold_on_rates", "min_outcomes",
        "budget_fraction", "hold_on_budget_exhausted",
    ]

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
    /// Whole USDT per order / position / venue / account (1 USDT … 100 million).
    static let usdtAmountRange = 1...100_000_000
    static let profitabilityBpsRange = 0...1_000
    static let slippageBpsRange = 0...500
    static let holdingMsRange = 1_000...604_800_000
    static let convergeBpsRange = 0...500
    static let riskLevelRange = 0...100
    static let countCapRange = 1...1_000
    static let ordersPerSecondRange = 1...100
    static let ordersPerMinuteRange = 1...6_000
    static let priceBandBpsRange = 1...1_000
    static let leverageRange = 1...20
    static let staleBookMsRange = 50...60_000
    static let guardBpsRange = 1...10_000
    static let pingIntervalMsRange = 1000...120_000
    static let legTimeoutMsRange = 100...60_000
    static let makerRestMsRange = 100...600_000
    static let hedgeDeadlineMsRange = 100...600_000
    /// 0 = never hedge on another venue, unwind the residual on its own venue at once.
    static let maxHedgeAttemptsRange = 0...10
    static let hedgeSlippageBpsRange = 0...500
    static let maxUnhedgedMsRange = 100...600_000
    static let pairCooldownMsRange = 0...3_600_000
    /// The highest leverage any of the three venues offers on a USDT perpetual (Binance BTCUSDT, 125×).
    static let marginLeverageRange = 1...125
    /// A maker rebate beyond −10 bps or a rate above 1 % is a typo (bps written as percent or as a fraction).
    static let makerFeeBpsRange = -10.0...100.0
    static let takerFeeBpsRange = 0.0...100.0
    /// Long enough to reach a second operator, short enough that a stale request cannot be approved tomorrow.
    static let approvalTTLSecondsRange = 30...3_600
    static let leaseTTLmsRange = 3_000...120_000
    static let maxClockSkewMsRange = 10...10_000
    static let groupScoreRange = 0.0...1.0
    static let healthPctRange = 0.0...100.0
    static let holdMultiplierRange = 1.0...100.0
    /// Up to 100 % of the day in breach; 0 means no breach is tolerated.
    static let budgetFractionRange = 0.0...1.0
    static let minOutcomesRange = 1...100_000
    /// Window, bucket and hold delay: one second to a day.
    static let sloSecondsRange = 1...86_400
}
