import PropCore

/// The profile's hard risk caps. Money is USDT (`Qty`, any scale); counts are per process.
/// The risk level scales these down (never up) through `scaled(toLevel:)`.
public struct RiskLimits: Sendable, Hashable {
    /// Largest notional of one order.
    public var maxOrderNotional: Qty
    /// Largest |position| notional on one instrument (one venue's ticker).
    public var maxInstrumentNotional: Qty
    /// Largest long position notional on one instrument.
    public var maxLongNotional: Qty
    /// Largest short position notional on one instrument.
    public var maxShortNotional: Qty
    /// Largest Σ|position| on one venue.
    public var maxVenueGross: Qty
    /// Largest Σ|position| over all venues.
    public var maxGlobalGross: Qty
    /// Largest |Σ position| per base asset over all venues.
    public var maxNetPerAsset: Qty
    /// Largest global gross / equity (e.g. `3`).
    public var maxLeverage: Qty
    /// Largest number of arbitrages open at once.
    public var maxOpenArbitrages: Int
    /// Largest number of orders sent but not yet final.
    public var maxInFlightOrders: Int
    /// Orders placed per rolling second (all routes).
    public var maxOrdersPerSecond: Int
    /// Orders placed per rolling minute (all routes).
    public var maxOrdersPerMinute: Int
    /// Places + cancels per rolling minute on one route before that route is stopped.
    public var runawayActionsPerMinute: Int
    /// Limit price must be within ± this many bps of the reference (mid, else mark).
    public var priceBandBps: Int64
    /// Book older than this blocks new risk on the instrument (`book_freshness_ms`).
    public var maxBookAgeMs: UInt64
    /// Mid and mark further apart than this blocks new risk.
    public var maxMidMarkDivergenceBps: Int64
    /// |funding rate| per interval above this blocks new risk.
    public var maxFundingBps: Int64
    /// |mark − index| / index above this blocks new risk.
    public var maxBasisBps: Int64
    /// Loss today beyond this ⇒ HOLD (not scaled by the risk level).
    public var dailyLossCap: Qty
    /// Peak-to-now equity drop today beyond this ⇒ HOLD (not scaled by the risk level).
    public var maxIntradayDrawdown: Qty

    public init(maxOrderNotional: Qty, maxInstrumentNotional: Qty, maxLongNotional: Qty, maxShortNotional: Qty,
                maxVenueGross: Qty, maxGlobalGross: Qty, maxNetPerAsset: Qty, maxLeverage: Qty,
                maxOpenArbitrages: Int, maxInFlightOrders: Int, maxOrdersPerSecond: Int, maxOrdersPerMinute: Int,
                runawayActionsPerMinute: Int, priceBandBps: Int64, maxBookAgeMs: UInt64,
                maxMidMarkDivergenceBps: Int64, maxFundingBps: Int64, maxBasisBps: Int64,
                dailyLossCap: Qty, maxIntradayDrawdown: Qty) {
        self.maxOrderNotional = maxOrderNotional; self.maxInstrumentNotional = maxInstrumentNotional
        self.maxLongNotional = maxLongNotional; self.maxShortNotional = maxShortNotional
        self.maxVenueGross = maxVenueGross; self.maxGlobalGross = maxGlobalGross
        self.maxNetPerAsset = maxNetPerAsset; self.maxLeverage = maxLeverage
        self.maxOpenArbitrages = maxOpenArbitrages; self.maxInFlightOrders = maxInFlightOrders
        self.maxOrdersPerSecond = maxOrdersPerSecond; self.maxOrdersPerMinute = maxOrdersPerMinute
        self.runawayActionsPerMinute = runawayActionsPerMinute; self.priceBandBps = priceBandBps
        self.maxBookAgeMs = maxBookAgeMs; self.maxMidMarkDivergenceBps = maxMidMarkDivergenceBps
        self.maxFundingBps = maxFundingBps; self.maxBasisBps = maxBasisBps
        self.dailyLossCap = dailyLossCap; self.maxIntradayDrawdown = maxIntradayDrawdown
    }
}
