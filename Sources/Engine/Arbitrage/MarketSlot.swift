public import PropCore

/// What the engine knows about one instrument's market: rules, fees, funding, the top of its book
/// (exact and as doubles for the cheap pre-filter) and the last depth it read.
public struct MarketSlot: Sendable {
    /// The calculator's view of this market (rules, the depth last read, fees, funding), kept whole so a full
    /// evaluation passes it without building a copy per route.
    private(set) var market: VenueMarket
    public var rules: InstrumentRules { market.rules }
    /// Index of the instrument's pair in the engine's pair table.
    let pairIndex: Int
    public var fees: FeeSchedule {
        get { market.fees }
        set { market.fees = newValue; feeBps = Self.bps(newValue) }
    }
    public var funding: FundingTerms {
        get { market.funding }
        set {
            market.funding = newValue
            fundingPerSecond = newValue.rate.doubleValue / Double(max(1, newValue.intervalSeconds))
        }
    }
    /// Maker and taker fee in bps as doubles, for the per-update bound (kept in step with `fees`).
    var feeBps: (maker: Double, taker: Double) = (0, 0)
    /// Funding rate per second of holding, as a double (kept in step with `funding`).
    var fundingPerSecond = 0.0
    /// Wall time of the next funding settlement, when the venue said.
    public var nextFundingMs: Int64?
    public var bid: Price?
    public var ask: Price?
    /// The feed says the book is synced and continuous.
    public var valid = false
    /// Monotonic time of the last book update (0 = never).
    public var updatedNs: UInt64 = 0
    public var mark: Price?
    /// Our position here in base coin, kept in step with the portfolio on every booked fill (read per timer tick
    /// without hashing the instrument id).
    public internal(set) var position = Qty(units: 0, scale: 12)
    /// The price the portfolio was last marked at (nil: not marked since the position opened).
    var lastMarked: Price?
    public var index: Price?
    var bidD = 0.0
    var askD = 0.0
    /// Taken out of the traded set by the operator.
    var excluded = false
    /// Depth read for the last full evaluation.
    var depth: DepthLevels {
        get { market.depth }
        set { market.depth = newValue }
    }

    init(rules: InstrumentRules, pairIndex: Int, fees: FeeSchedule) {
        market = VenueMarket(rules: rules, depth: DepthLevels(bids: [], asks: []), fees: fees)
        self.pairIndex = pairIndex
        feeBps = Self.bps(fees)
    }

    static func bps(_ f: FeeSchedule) -> (maker: Double, taker: Double) { (f.maker.doubleValue * 10_000, f.taker.doubleValue * 10_000) }

    public var id: InstrumentId { rules.id }

    /// A book that can be traded against now: synced, both sides, not crossed.
    var isUsable: Bool { valid && bid != nil && ask != nil && bidD < askD }

    /// Milliseconds since the last update at `nowNs` (nil before the first).
    func ageMs(_ nowNs: UInt64) -> UInt64? { updatedNs == 0 ? nil : (elapsedNs(updatedNs, nowNs)) / 1_000_000 }


    /// The risk gate's view of this market.
    func riskMarket(_ nowNs: UInt64) -> RiskMarket {
        RiskMarket(bestBid: bid, bestAsk: ask, bookAgeMs: ageMs(nowNs), mark: mark, index: index,
                   funding: funding.rate.isZero ? nil : funding.rate)
    }

    /// (bid + ask) / 2 as a double, for display-only and exposure figures.
    var midD: Double { (bidD + askD) / 2 }
}
