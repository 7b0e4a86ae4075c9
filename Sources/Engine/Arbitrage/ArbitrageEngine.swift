public import PropCore

/// The deterministic arbitrage core: consumes book updates, funding, leg fills and outcomes and timer ticks;
/// emits orders, cancels, HOLDs and alerts. No clock, no I/O, no randomness: the same events give the same
/// commands in the demo, live and in a backtest.
///
/// Per pair at most one arbitrage is active at a time, so a reduce-only exit never fights another arbitrage's
/// position on the same venue instrument.
public struct ArbitrageEngine: Sendable {
    public var settings: ArbitrageSettings { didSet { thresholdLevel = -1 } }
    /// Per-pair thresholds at `thresholdLevel` (recomputed when the risk level or the settings change).
    var thresholdCache: [PairThresholds] = []
    var thresholdLevel: Int64 = -1
    /// Last full walk per route (buy slot × slot count + sell slot), for the board's refresh.
    var lastWalkNs: [UInt64] = []
    /// Pre-trade risk: every order passes it, no exception.
    public var risk: RiskGate
    /// Positions, PnL, fees and funding from our fills.
    public internal(set) var portfolio: Portfolio
    public internal(set) var markets: [MarketSlot]
    /// Pair name and the slots trading it.
    let pairs: [(name: String, slots: [Int])]
    let slotById: [InstrumentId: Int]
    /// Active and recently finished arbitrages in creation order (finished ones are trimmed to `historyLimit`).
    var arbitrages: ArbitrageTable
    /// The active arbitrage per pair index (tables by pair index: no hashing on the per-update path).
    var activeByPair: [String?] = []
    /// When the last arbitrage on a pair finished.
    var pairFinishedNs: [UInt64?] = []
    /// Slots where an arbitrage closed leaving dust (checked on the timer by `sweepClosedDust`).
    var dustSlots: Set<Int> = []
    /// Latest evaluation of every route, for the operator.
    public internal(set) var board = OpportunityBoard()
    /// Unhedged exposure per pair.
    public internal(set) var exposure = UnhedgedExposure()
    /// Per pair index: `exposure` holds the pair as hedged with no notional (kept in step with every update, so the
    /// timer's check of a flat pair hashes no pair name).
    var exposureRecordedFlat: [Bool] = []
    /// Available margin per venue, USDT (nil = not reported yet).
    public internal(set) var availableMargin: [Venue: Qty] = [:]
    /// Denials of new arbitrages by reason code (the risk gate counts per order).
    public internal(set) var skipsByCode: [String: Int] = [:]
    /// Venue place→ack latency estimates (ns) used to pick the maker venue (the slower one rests).
    public var venueLatencyNs: [Venue: UInt64] = [:]
    /// Why the order path takes no new orders right now (restart recovery pending, its own HOLD), in Russian;
    /// set by the caller. No arbitrage opens while it is set; hedges and exits are still attempted.
    public var orderPathBlock: String?
    /// Instruments the operator took out of the traded set: no new arbitrage opens on them.
    public var excluded: Set<InstrumentId> {
        get { Set(markets.filter(\.excluded).map(\.id)) }
        set { for i in markets.indices { markets[i].excluded = newValue.contains(markets[i].id) } }
    }
    /// KILL in progress: every hedged arbitrage exits (see `exitAll`).
    public internal(set) var flattenRequested = false
    /// Wall-clock ms at the last event, for ids and records (the caller's clock).
    var wallMs: Int64 = 0
    /// Finished arbitrages kept for the API.
    public static let historyLimit = 500

    /// An engine trading `instruments` (their venue rules), starting from `portfolio`. `idPrefix` keeps
    /// arbitrage ids unique across process starts (the fencing epoch, say).
    public init(settings: ArbitrageSettings, instruments: [InstrumentRules], risk: RiskGate, portfolio: Portfolio,
                idPrefix: String = "arb") {
        self.settings = settings; self.risk = risk; self.portfolio = portfolio
        arbitrages = ArbitrageTable(idPrefix: idPrefix)
        var pairNames: [String] = []
        var slotsByPair: [String: [Int]] = [:]
        var markets: [MarketSlot] = []
        var byId: [InstrumentId: Int] = [:]
        for rules in instruments where byId[rules.id] == nil {
            let pair = rules.id.pair
            if slotsByPair[pair] == nil { pairNames.append(pair) }
            let pairIndex = pairNames.firstIndex(of: pair)!
            byId[rules.id] = markets.count
            slotsByPair[pair, default: []].append(markets.count)
            let fees = settings.fees[rules.id.venue] ?? FeeSchedule(maker: FeeRate(units: 5, scale: 4), taker: FeeRate(units: 10, scale: 4))
            markets.append(MarketSlot(rules: rules, pairIndex: pairIndex, fees: fees))
        }
        self.markets = markets
        slotById = byId
        lastWalkNs = Array(repeating: 0, count: markets.count * markets.count)
        pairs = pairNames.map { ($0, slotsByPair[$0] ?? []) }
        board = OpportunityBoard(pairOfSlot: markets.map(\.pairIndex))
        activeByPair = Array(repeating: nil, count: pairNames.count)
        pairFinishedNs = Array(repeating: nil, count: pairNames.count)
        exposureRecordedFlat = Array(repeating: false, count: pairNames.count)
    }

    /// Ids of the active arbitrages, sorted.
    var activeIds: [String] { activeByPair.compactMap { $0 }.sorted() }

    /// The slot of an instrument (pass it to `onBook` on the hot path instead of the id).
    public func slot(of id: InstrumentId) -> Int? { slotById[id] }

    /// Every arbitrage, oldest first.
    public var allArbitrages: [Arbitrage] { arbitrages.items }

    /// One arbitrage by id, while it is kept.
    public func arbitrage(_ id: String) -> Arbitrage? { arbitrages[id] }

    /// Arbitrages not yet closed.
    public var activeArbitrages: [Arbitrage] { activeIds.compactMap { arbitrages[$0] } }

    // MARK: market events

    /// A book changed. `depthOf(slot, n)` gives the best `n` levels of any slot's current book and is called
    /// only when the cheap top-of-book bound says a route through that book may pay (or the board's refresh is
    /// due); what it gives is kept until that book changes, so most updates cost a few comparisons.
    public mutating func onBook(slot: Int, bid: Price?, ask: Price?, valid: Bool, nowNs: UInt64, wallMs: Int64,
                                depthOf: (_ slot: Int, _ levels: Int) -> DepthLevels, into out: inout [EngineCommand]) {
        guard markets.indices.contains(slot) else { return }
        setTop(slot, bid: bid, ask: ask, valid: valid, nowNs: nowNs, wallMs: wallMs)
        let pair = markets[slot].pairIndex, levels = settings.depthLevels
        scan(pair: pair, changed: slot, nowNs: nowNs, depthOf: { depthOf($0, levels) }, into: &out)
        checkExits(pair: pair, nowNs: nowNs, into: &out)
    }

    /// Records a new top of book; the depth read for the previous one no longer applies.
    mutating func setTop(_ slot: Int, bid: Price?, ask: Price?, valid: Bool, nowNs: UInt64, wallMs: Int64) {
        self.wallMs = wallMs
        markets[slot].bid = bid; markets[slot].ask = ask; markets[slot].valid = valid
        markets[slot].bidD = bid?.doubleValue ?? 0; markets[slot].askD = ask?.doubleValue ?? 0
        markets[slot].updatedNs = nowNs
        markets[slot].depth = DepthLevels(bids: [], asks: [])
    }

    /// New funding terms for an instrument (and the next settlement time if known).
    public mutating func onFunding(slot: Int, terms: FundingTerms, nextFundingMs: Int64?) {
        guard markets.indices.contains(slot) else { return }
        markets[slot].funding = terms; markets[slot].nextFundingMs = nextFundingMs
    }

    /// A funding payment booked on our position (+ received, − paid), de-duplicated by `id`.
    public mutating func onFundingPayment(slot: Int, amount: Qty, id: String) {
        guard markets.indices.contains(slot) else { return }
        _ = portfolio.applyFunding(instrument: markets[slot].id, amount: amount, id: id)
    }

    /// New mark and index prices for an instrument.
    public mutating func onMark(slot: Int, mark: Price?, index: Price?) {
        guard markets.indices.contains(slot) else { return }
        markets[slot].mark = mark; markets[slot].index = index
        if let mark { portfolio.mark(markets[slot].id, price: mark) }
    }

    /// Margin available for new positions on a venue.
    public mutating func setAvailableMargin(_ venue: Venue, _ amount: Qty) { availableMargin[venue] = amount }

    /// Timers: leg deadlines, residual retries, exit rules by age, the unhedged-exposure bound.
    public mutating func onTimer(nowNs: UInt64, wallMs: Int64, into out: inout [EngineCommand]) {
        self.wallMs = wallMs
        markToMarket()
        for id in activeIds { progress(id, nowNs: nowNs, into: &out) }
        if !dustSlots.isEmpty { sweepClosedDust(nowNs: nowNs, into: &out) }
        for pair in pairs.indices {
            checkExits(pair: pair, nowNs: nowNs, into: &out)
            trackExposure(pair: pair, nowNs: nowNs, into: &out)
        }
    }

    /// Marks positions at the mark price, or at the mid when the venue sends none (the simulator, a replay
    /// without mark frames). On the timer, not per book update: PnL needs no microsecond marks.
    /// Marks every held instrument whose price moved, then recomputes equity once (not once per instrument).
    mutating func markToMarket() {
        var moved: [(InstrumentId, Price)] = []
        for slot in markets.indices where !markets[slot].position.isZero {
            let m = markets[slot]
            guard let price = m.mark ?? (m.isUsable ? RiskMarket(bestBid: m.bid, bestAsk: m.ask).mid : nil),
                  price != m.lastMarked else { continue }
            markets[slot].lastMarked = price
            moved.append((m.id, price))
        }
        if !moved.isEmpty { portfolio.mark(moved) }
    }
}
