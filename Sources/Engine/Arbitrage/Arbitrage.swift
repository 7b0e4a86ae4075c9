public import PropCore

/// Where an arbitrage is in its life.
public enum ArbitragePhase: String, Sendable, Hashable, Codable {
    /// Entry legs are working.
    case entering
    /// A lone or partial leg is being hedged or unwound.
    case balancing
    /// Hedged: long on one venue, short on the other, waiting for an exit rule.
    case open
    /// Exit orders are working.
    case exiting
    /// Flat again (or never filled).
    case closed
}

/// One order of an arbitrage and what came of it so far.
public struct LegRecord: Sendable, Hashable {
    public var order: LegOrder
    public var sentNs: UInt64
    /// Filled so far, venue units and base coin.
    public var filledQty: Qty = .zero
    public var filledBase: Qty = Qty(units: 0, scale: 12)
    /// Σ price × qty of the fills, USDT at 8 decimals (for the realised average price).
    public var filledNotional: Qty = Qty(units: 0, scale: 8)
    public var fees: Qty = Qty(units: 0, scale: 8)
    /// Nil while working.
    public var outcome: LegOutcome?
    public var cancelRequested = false

    /// What the venue says filled when it reported the end (its fills may still be on their way).
    public var venueFilledQty: Qty?

    /// Working until the venue reported the end and every fill it counted has been delivered: a "filled"
    /// report can overtake its own fills, and settling before they arrive would misread a full leg as empty.
    public var isWorking: Bool { outcome == nil || (venueFilledQty.map { filledQty < $0 } ?? false) }
    /// Realised average price, if anything filled.
    public var averagePrice: Double? { filledBase.isZero ? nil : filledNotional.doubleValue / filledBase.doubleValue }
}

/// One cross-venue arbitrage: its plan, every order (entry legs, hedges, unwinds, exits) and its state.
/// Every order carries the arbitrage id as its journal parent id, so the journal tells the whole story.
public struct Arbitrage: Sendable, Equatable {
    public let id: String
    public let pair: String
    public let buyInstrument: InstrumentId
    public let sellInstrument: InstrumentId
    /// The engine slots of `buyInstrument` and `sellInstrument`, so the per-update and per-tick paths index the
    /// markets instead of hashing instrument ids.
    let buySlot: Int
    let sellSlot: Int
    public let style: ExecutionStyle
    /// The opportunity it was opened on.
    public let plan: Opportunity
    public var phase: ArbitragePhase = .entering
    public var legs: [LegRecord] = []
    public let createdNs: UInt64
    public let createdWallMs: Int64
    public var openedNs: UInt64?
    public var closedNs: UInt64?
    /// Since when the legs do not offset each other (nil = balanced).
    public var imbalanceSinceNs: UInt64?
    /// Hedge orders sent so far.
    public var hedgeAttempts = 0
    /// Instruments whose entry leg failed (not used again for the hedge).
    public var failedInstruments: Set<InstrumentId> = []
    /// Sequential entry: the instrument whose taker order follows each fill of the first leg.
    public var follow: InstrumentId?
    /// Why the exit started (Russian), once it has.
    public var exitReason: String?
    /// The deadline passed and HOLD was raised for this arbitrage.
    public var deadlineBreached = false
    /// Earliest time the next residual order may go out.
    public var nextRetryNs: UInt64 = 0

    init(id: String, plan: Opportunity, buy: InstrumentId, buySlot: Int, sell: InstrumentId, sellSlot: Int, nowNs: UInt64,
         wallMs: Int64) {
        self.id = id; self.pair = plan.pair; self.plan = plan; self.style = plan.style
        buyInstrument = buy; sellInstrument = sell; createdNs = nowNs; createdWallMs = wallMs
        self.buySlot = buySlot; self.sellSlot = sellSlot
    }

    /// Base coin taken over from (or handed to) other arbitrages' leftovers on the same instrument, signed
    /// (see `ArbitrageEngine.adoptClosedDust`): zero-sum across arbitrages, so the account's books still agree.
    public var adopted: [InstrumentId: Qty] = [:]

    /// Signed base coin held per instrument by this arbitrage's fills and adoptions (long > 0).
    public var held: [InstrumentId: Qty] {
        var out: [InstrumentId: Qty] = adopted
        for leg in legs where !leg.filledBase.isZero {
            let signed = leg.order.side == .buy ? leg.filledBase : -leg.filledBase
            out[leg.order.instrument] = (out[leg.order.instrument] ?? Qty(units: 0, scale: 12)) + signed
        }
        return out
    }

    /// Σ held: zero when the venues offset each other. Summed over the legs directly (exact fixed-point sums, so the
    /// grouping by instrument `held` does changes nothing): this runs for every active arbitrage on every timer tick.
    public var imbalance: Qty {
        var sum = Qty(units: 0, scale: 12)
        for q in adopted.values { sum += q }
        for leg in legs where !leg.filledBase.isZero { sum += leg.order.side == .buy ? leg.filledBase : -leg.filledBase }
        return sum
    }

    /// Σ |held| over instruments, as `held.values` summed by magnitude, without building the dictionary: an
    /// arbitrage touches two or three instruments, so a linear scan of the ones seen so far groups the legs.
    var grossHeld: Qty {
        var seen: [(InstrumentId, Qty)] = adopted.map { ($0.key, Qty(units: 0, scale: 12) + $0.value) }
        for leg in legs where !leg.filledBase.isZero {
            let signed = leg.order.side == .buy ? leg.filledBase : -leg.filledBase
            if let i = seen.firstIndex(where: { $0.0 == leg.order.instrument }) { seen[i].1 += signed } else { seen.append((leg.order.instrument, Qty(units: 0, scale: 12) + signed)) }
        }
        return seen.reduce(Qty(units: 0, scale: 12)) { $0 + $1.1.magnitude }
    }

    /// Whether any order is still working.
    public var hasWorkingLegs: Bool { legs.contains { $0.isWorking } }

    public var isActive: Bool { phase != .closed }

    /// Index of a leg by key.
    func legIndex(_ key: LegKey) -> Int? { key.arbitrageId == id && legs.indices.contains(key.index) ? key.index : nil }
}
