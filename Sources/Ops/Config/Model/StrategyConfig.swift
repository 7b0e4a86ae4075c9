public import PropCore

/// Arbitrage strategy parameters, named as Hummingbot users know them. Amounts are whole USDT, thresholds bps.
public struct StrategyConfig: Sendable, Equatable, Encodable {
    /// How the two legs are placed.
    public enum Style: String, Sendable, CaseIterable, Codable {
        /// Both legs cross the spread.
        case takerTaker = "taker_taker"
        /// Post-only leg on the slower venue, taker hedge on its fill.
        case makerTaker = "maker_taker"
    }

    /// USDT notional of one arbitrage (per leg).
    public var orderAmount: Int
    /// Minimum net edge after fees, slippage buffer and funding, bps.
    public var minProfitability: Int
    /// Extra cost assumed on top of the book walk, bps.
    public var slippageBuffer: Int
    /// Taker/taker: both legs at once (true), or the slower venue first and the other only for what it filled
    /// (false). Maker/taker is always sequential, so there it must be false.
    public var concurrentOrdersSubmission: Bool
    /// Taker/taker or maker/taker.
    public var style: Style
    /// Longest an arbitrage may stay open, milliseconds.
    public var maxHoldingMs: Int
    /// When an open arbitrage is closed.
    public var exit: StrategyExitConfig
    /// Timeouts, hedging and the unhedged-exposure bound.
    public var legRisk: LegRiskConfig
    /// Per-instrument replacements of order_amount / min_profitability / slippage_buffer.
    public var overrides: [InstrumentId: StrategyOverride]

    public init(orderAmount: Int = 100, minProfitability: Int = 10, slippageBuffer: Int = 5,
                concurrentOrdersSubmission: Bool = true, style: Style = .takerTaker, maxHoldingMs: Int = 3_600_000,
                exit: StrategyExitConfig = StrategyExitConfig(), legRisk: LegRiskConfig = LegRiskConfig(),
                overrides: [InstrumentId: StrategyOverride] = [:]) {
        self.orderAmount = orderAmount; self.minProfitability = minProfitability; self.slippageBuffer = slippageBuffer
        self.concurrentOrdersSubmission = concurrentOrdersSubmission; self.style = style
        self.maxHoldingMs = maxHoldingMs; self.exit = exit; self.legRisk = legRisk
        self.overrides = overrides
    }

    /// The order amount for one instrument, its override first.
    public func orderAmount(for id: InstrumentId) -> Int { overrides[id]?.orderAmount ?? orderAmount }
    /// The minimum net edge for one instrument, its override first.
    public func minProfitability(for id: InstrumentId) -> Int { overrides[id]?.minProfitability ?? minProfitability }
    /// The slippage buffer for one instrument, its override first.
    public func slippageBuffer(for id: InstrumentId) -> Int { overrides[id]?.slippageBuffer ?? slippageBuffer }

    enum CodingKeys: String, CodingKey {
        case orderAmount = "order_amount"
        case minProfitability = "min_profitability"
        case slippageBuffer = "slippage_buffer"
        case concurrentOrdersSubmission = "concurrent_orders_submission"
        case style
        case maxHoldingMs = "max_holding_ms"
        case exit
        case legRisk = "leg_risk"
        case overrides
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(orderAmount, forKey: .orderAmount)
        try c.encode(minProfitability, forKey: .minProfitability)
        try c.encode(slippageBuffer, forKey: .slippageBuffer)
        try c.encode(concurrentOrdersSubmission, forKey: .concurrentOrdersSubmission)
        try c.encode(style, forKey: .style)
        try c.encode(maxHoldingMs, forKey: .maxHoldingMs)
        try c.encode(exit, forKey: .exit)
        try c.encode(legRisk, forKey: .legRisk)
        // Keyed by the canonical id text so the JSON is an object, not a flat array.
        let byId = Dictionary(uniqueKeysWithValues: overrides.map { ($0.key.description, $0.value) })
        try c.encode(byId, forKey: .overrides)
    }
}

/// Exit rules of an open arbitrage.
public struct StrategyExitConfig: Sendable, Equatable, Encodable {
    /// Close when the spread has converged to within this many bps.
    public var convergeBps: Int
    /// Close before a funding payment that would cost us.
    public var onFunding: Bool
    /// Close after this long whatever the spread, milliseconds.
    public var maxAgeMs: Int

    public init(convergeBps: Int = 2, onFunding: Bool = true, maxAgeMs: Int = 3_600_000) {
        self.convergeBps = convergeBps; self.onFunding = onFunding; self.maxAgeMs = maxAgeMs
    }

    enum CodingKeys: String, CodingKey {
        case convergeBps = "converge_bps"
        case onFunding = "on_funding"
        case maxAgeMs = "max_age_ms"
    }
}

/// Per-instrument strategy values; `nil` keeps the section's value.
public struct StrategyOverride: Sendable, Equatable, Encodable {
    /// USDT notional for this instrument.
    public var orderAmount: Int?
    /// Minimum net edge for this instrument, bps.
    public var minProfitability: Int?
    /// Slippage buffer for this instrument, bps.
    public var slippageBuffer: Int?

    public init(orderAmount: Int? = nil, minProfitability: Int? = nil, slippageBuffer: Int? = nil) {
        self.orderAmount = orderAmount; self.minProfitability = minProfitability; self.slippageBuffer = slippageBuffer
    }

    enum CodingKeys: String, CodingKey {
        case orderAmount = "order_amount"
        case minProfitability = "min_profitability"
        case slippageBuffer = "slippage_buffer"
    }
}
