public import PropCore

/// The strategy and leg-risk parameters the engine runs with, in engine units (built from the profile).
public struct ArbitrageSettings: Sendable, Hashable {
    /// How an arbitrage is entered.
    public enum EntryStyle: String, Sendable, Hashable, Codable {
        /// Both legs take liquidity.
        case takerTaker = "taker_taker"
        /// A post-only leg rests on the slower venue; each of its fills is hedged by a taker order on the other.
        case makerTaker = "maker_taker"
    }

    /// USDT notional per leg (`order_amount`), per pair (`BTC-USDT`) override first.
    public var orderAmountUsdt: Qty
    public var orderAmountByPair: [String: Qty] = [:]
    /// Smallest net edge worth trading, bps (`min_profitability`).
    public var minProfitabilityBps: BasisPoints
    public var minProfitabilityByPair: [String: BasisPoints] = [:]
    /// Extra cost charged on each taker leg, bps (`slippage_buffer`).
    public var slippageBufferBps: BasisPoints
    public var slippageBufferByPair: [String: BasisPoints] = [:]
    public var style: EntryStyle
    /// Taker/taker: both legs at once (true) or the second leg only for what the first one filled (false).
    public var concurrentOrdersSubmission: Bool
    /// Expected holding time, for the funding component; also the hard limit on how long an arbitrage stays open.
    public var maxHoldingMs: Int64
    /// Exit when the spread has come back within this many bps.
    public var exitConvergeBps: Double
    /// Exit before a funding payment that costs the position.
    public var exitOnFunding: Bool
    /// Exit before this long whatever the spread.
    public var exitMaxAgeMs: Int64
    /// Book levels the calculator walks.
    public var depthLevels: Int = 20
    /// Our fee tier per venue.
    public var fees: [Venue: FeeSchedule] = FeeSchedule.publishedBaseTier
    /// An entry or exit leg not final after this long is cancelled.
    public var legTimeoutMs: Int64 = 2_000
    /// A post-only leg rests at most this long.
    public var makerRestMs: Int64 = 3_000
    /// A residual (lone or partial leg) must be hedged or unwound within this; past it ⇒ HOLD and alert.
    public var hedgeDeadlineMs: Int64 = 5_000
    /// Hedge attempts on other venues before the residual is unwound on its own venue.
    public var maxHedgeAttempts: Int = 2
    /// How far through the touch a hedge, unwind or exit IOC may reach, bps.
    public var hedgeSlippageBps: Int64 = 20
    /// Unhedged exposure bound per asset: more than this USDT ⇒ HOLD and alert.
    public var maxUnhedgedUsd: Double = 500
    /// Unhedged exposure bound per asset: longer than this ⇒ HOLD and alert.
    public var maxUnhedgedMs: Int64 = 10_000
    /// Pause after an arbitrage on a pair finished before the next one may open there.
    public var pairCooldownMs: Int64 = 1_000
    /// Retry interval for a residual order the risk gate or the venue refused.
    public var retryMs: Int64 = 200
    /// Account leverage assumed for the margin check (initial margin = notional / leverage).
    public var marginLeverage: Int64 = 5
    /// The opportunity board refreshes a route's full evaluation at least this often.
    public var boardRefreshMs: Int64 = 250

    public init(orderAmountUsdt: Qty, minProfitabilityBps: BasisPoints, slippageBufferBps: BasisPoints,
                style: EntryStyle = .takerTaker, concurrentOrdersSubmission: Bool = true, maxHoldingMs: Int64 = 3_600_000,
                exitConvergeBps: Double = 2, exitOnFunding: Bool = true, exitMaxAgeMs: Int64 = 3_600_000) {
        self.orderAmountUsdt = orderAmountUsdt; self.minProfitabilityBps = minProfitabilityBps
        self.slippageBufferBps = slippageBufferBps; self.style = style
        self.concurrentOrdersSubmission = concurrentOrdersSubmission; self.maxHoldingMs = maxHoldingMs
        self.exitConvergeBps = exitConvergeBps; self.exitOnFunding = exitOnFunding; self.exitMaxAgeMs = exitMaxAgeMs
    }

    // Overrides are rare: an empty table is not hashed into on every book update.
    func orderAmount(_ pair: String) -> Qty {
        orderAmountByPair.isEmpty ? orderAmountUsdt : orderAmountByPair[pair] ?? orderAmountUsdt
    }
    func minProfitability(_ pair: String) -> BasisPoints {
        minProfitabilityByPair.isEmpty ? minProfitabilityBps : minProfitabilityByPair[pair] ?? minProfitabilityBps
    }
    func slippageBuffer(_ pair: String) -> BasisPoints {
        slippageBufferByPair.isEmpty ? slippageBufferBps : slippageBufferByPair[pair] ?? slippageBufferBps
    }
    /// The longest an arbitrage may stay open.
    var holdLimitMs: Int64 { min(maxHoldingMs, exitMaxAgeMs) }
}

extension FeeSchedule {
    /// The venues' published base-tier USDT-perpetual rates (maker / taker): Binance 0.02 % / 0.05 %,
    /// OKX 0.02 % / 0.05 %, Bybit 0.02 % / 0.055 %.
    public static let publishedBaseTier: [Venue: FeeSchedule] = [
        .binance: FeeSchedule(maker: FeeRate(units: 2, scale: 4), taker: FeeRate(units: 5, scale: 4)),
        .okx: FeeSchedule(maker: FeeRate(units: 2, scale: 4), taker: FeeRate(units: 5, scale: 4)),
        .bybit: FeeSchedule(maker: FeeRate(units: 2, scale: 4), taker: FeeRate(units: 55, scale: 5)),
    ]
}
