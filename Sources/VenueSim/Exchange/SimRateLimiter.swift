/// Fixed-window request counters the simulated venues enforce, keyed by venue-specific bucket names
/// (`"binance.weight.1m"`, `"okx.order.2s"`, `"bybit.order.1s"`). Windows are aligned to multiples of their
/// length like the venues' own (Binance resets weight at each wall-clock minute).
struct SimRateLimiter: Sendable {
    private struct Window: Sendable { var startMs: Int64; var used: Int }
    private var windows: [String: Window] = [:]
    /// Binance IP ban end (Unix ms) after requests kept coming while rate-limited.
    var bannedUntilMs: [String: Int64] = [:]

    /// Adds `weight` to `bucket` and reports the new total and whether it is still within `limit`.
    mutating func consume(_ bucket: String, weight: Int, limit: Int, windowMs: Int64, nowMs: Int64) -> (used: Int, allowed: Bool) {
        let start = nowMs - nowMs % windowMs
        var w = windows[bucket] ?? Window(startMs: start, used: 0)
        if w.startMs != start { w = Window(startMs: start, used: 0) }
        w.used += weight
        windows[bucket] = w
        return (w.used, w.used <= limit)
    }

    /// Current total of `bucket` without consuming.
    func used(_ bucket: String, windowMs: Int64, nowMs: Int64) -> Int {
        guard let w = windows[bucket], w.startMs == nowMs - nowMs % windowMs else { return 0 }
        return w.used
    }

    /// Milliseconds until the current window of `bucket` ends.
    func msUntilReset(windowMs: Int64, nowMs: Int64) -> Int64 { windowMs - nowMs % windowMs }
}
