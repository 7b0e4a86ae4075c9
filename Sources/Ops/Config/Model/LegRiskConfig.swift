/// How the strategy limits the risk of one leg filling without the other (`strategy.leg_risk`). The defaults are
/// the engine's (`ArbitrageSettings`); the cross-key rules that keep them consistent are in `ProfileRules`.
public struct LegRiskConfig: Sendable, Equatable, Encodable {
    /// An entry, hedge or exit IOC not final after this long is cancelled, milliseconds.
    public var legTimeoutMs: Int
    /// A post-only (maker) leg rests at most this long, milliseconds.
    public var makerRestMs: Int
    /// A lone or partial leg must be hedged or unwound within this; past it the bot goes to HOLD, milliseconds.
    public var hedgeDeadlineMs: Int
    /// Hedge attempts on other venues before the residual is unwound reduce-only on its own venue.
    public var maxHedgeAttempts: Int
    /// How far through the touch a hedge, unwind or exit IOC may reach, bps.
    public var hedgeSlippageBps: Int
    /// Unhedged notional per asset above which the bot goes to HOLD, whole USDT.
    public var maxUnhedgedUsd: Int
    /// Unhedged exposure per asset lasting longer than this puts the bot on HOLD, milliseconds.
    public var maxUnhedgedMs: Int
    /// Pause after an arbitrage on a pair has finished before the next one may open there, milliseconds.
    public var pairCooldownMs: Int
    /// Account leverage assumed by the margin check before entry (initial margin = notional / leverage).
    public var marginLeverage: Int

    public init(legTimeoutMs: Int = 2_000, makerRestMs: Int = 3_000, hedgeDeadlineMs: Int = 5_000,
                maxHedgeAttempts: Int = 2, hedgeSlippageBps: Int = 20, maxUnhedgedUsd: Int = 500,
                maxUnhedgedMs: Int = 10_000, pairCooldownMs: Int = 1_000, marginLeverage: Int = 5) {
        self.legTimeoutMs = legTimeoutMs; self.makerRestMs = makerRestMs; self.hedgeDeadlineMs = hedgeDeadlineMs
        self.maxHedgeAttempts = maxHedgeAttempts; self.hedgeSlippageBps = hedgeSlippageBps
        self.maxUnhedgedUsd = maxUnhedgedUsd; self.maxUnhedgedMs = maxUnhedgedMs
        self.pairCooldownMs = pairCooldownMs; self.marginLeverage = marginLeverage
    }

    enum CodingKeys: String, CodingKey {
        case legTimeoutMs = "leg_timeout_ms"
        case makerRestMs = "maker_rest_ms"
        case hedgeDeadlineMs = "hedge_deadline_ms"
        case maxHedgeAttempts = "max_hedge_attempts"
        case hedgeSlippageBps = "hedge_slippage_bps"
        case maxUnhedgedUsd = "max_unhedged_usd"
        case maxUnhedgedMs = "max_unhedged_ms"
        case pairCooldownMs = "pair_cooldown_ms"
        case marginLeverage = "margin_leverage"
    }
}
