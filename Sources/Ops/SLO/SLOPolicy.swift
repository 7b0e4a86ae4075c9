/// How SLO breaches are measured and acted on (`status_thresholds.yaml`, `slo_policy:`).
public struct SLOPolicy: Sendable, Hashable, Codable {
    /// Rolling window length, ms (5 minutes).
    public var windowMs: Int64
    /// Bucket length inside the window, ms; the window slides by this step.
    public var bucketMs: Int64
    /// A latency p95 this many times over target…
    public var holdMultiplier: Double
    /// …for this long puts the bot on HOLD ("HOLD при 3× превышении 5 минут").
    public var holdAfterMs: Int64
    /// Whether a sustained latency breach (ws gap, order cycle) raises HOLD; off ⇒ alerts only.
    public var autoHold: Bool
    /// Whether reject/cancel-fail rates over target raise HOLD (the spec says tune/quarantine, so off by default).
    public var holdOnRates: Bool
    /// Fewest outcomes in the window before a rate is judged (one reject of one order is not 100 %).
    public var minOutcomes: Int
    /// Share of the UTC day the SLOs may be in breach (the exception budget): 0.01 ≈ 14 minutes.
    public var budgetFraction: Double
    /// Whether an exhausted exception budget raises HOLD.
    public var holdOnBudgetExhausted: Bool

    /// A policy; the defaults are the spec's.
    public init(windowMs: Int64 = 300_000, bucketMs: Int64 = 10_000, holdMultiplier: Double = 3, holdAfterMs: Int64 = 300_000,
                autoHold: Bool = true, holdOnRates: Bool = false, minOutcomes: Int = 20, budgetFraction: Double = 0.01,
                holdOnBudgetExhausted: Bool = true) {
        self.windowMs = windowMs; self.bucketMs = bucketMs; self.holdMultiplier = holdMultiplier
        self.holdAfterMs = holdAfterMs; self.autoHold = autoHold; self.holdOnRates = holdOnRates
        self.minOutcomes = minOutcomes; self.budgetFraction = budgetFraction; self.holdOnBudgetExhausted = holdOnBudgetExhausted
    }

    enum CodingKeys: String, CodingKey {
        case windowMs = "window_ms"
        case bucketMs = "bucket_ms"
        case holdMultiplier = "hold_multiplier"
        case holdAfterMs = "hold_after_ms"
        case autoHold = "auto_hold"
        case holdOnRates = "hold_on_rates"
        case minOutcomes = "min_outcomes"
        case budgetFraction = "budget_fraction"
        case holdOnBudgetExhausted = "hold_on_budget_exhausted"
    }
}
