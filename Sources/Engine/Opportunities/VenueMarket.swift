public import PropCore

/// Everything the calculator needs from one venue for one asset: its book, rules, our fees and funding.
public struct VenueMarket: Sendable, Hashable {
    /// The instrument's venue rules (tick, step, minima, OKX contract value).
    public var rules: InstrumentRules
    /// The top of the venue's book.
    public var depth: DepthLevels
    /// Our fee tier there.
    public var fees: FeeSchedule
    /// The perpetual's funding.
    public var funding: FundingTerms

    public init(rules: InstrumentRules, depth: DepthLevels, fees: FeeSchedule, funding: FundingTerms = .none) {
        self.rules = rules; self.depth = depth; self.fees = fees; self.funding = funding
    }

    /// The venue this market is on.
    public var venue: Venue { rules.id.venue }
}

/// How each leg executes.
public enum ExecutionStyle: String, Sendable, Hashable, CaseIterable, Codable {
    /// Both legs take liquidity (IOC), sent together.
    case takerTaker = "taker_taker"
    /// Post-only buy at the buy venue's best bid; on fill, a taker sell hedge walks the sell venue's bids.
    case makerBuy = "maker_buy"
    /// Post-only sell at the sell venue's best ask; on fill, a taker buy hedge walks the buy venue's asks.
    case makerSell = "maker_sell"
}

/// Strategy inputs for one evaluation (the profile's `order_amount`, `slippage_buffer`, `min_profitability`).
public struct OpportunityParameters: Sendable, Hashable {
    /// Target size in base coin (`order_amount`).
    public var sizeBase: Qty
    /// Extra cost charged on each taker leg's notional, in bps (`slippage_buffer`).
    public var slippageBufferBps: BasisPoints
    /// Smallest net edge worth trading, in bps of the buy notional (`min_profitability`).
    public var minProfitabilityBps: BasisPoints
    /// Expected holding time until exit, for the funding component.
    public var holdingSeconds: Int64

    public init(sizeBase: Qty, slippageBufferBps: BasisPoints, minProfitabilityBps: BasisPoints, holdingSeconds: Int64) {
        self.sizeBase = sizeBase; self.slippageBufferBps = slippageBufferBps
        self.minProfitabilityBps = minProfitabilityBps; self.holdingSeconds = holdingSeconds
    }
}
