import Engine
import PropCore

/// The backtest's own account of what the venues executed, kept apart from the engine's portfolio so the
/// report can cross-check them: cash flows at the fill prices and at the prices the engine expected, fees,
/// funding, and per-arbitrage results for the hit rate. USDT at 8 decimals, exact.
struct BacktestLedger: Sendable {
    /// One arbitrage's flows.
    struct ArbitrageFlows: Sendable {
        var cash = Qty(units: 0, scale: 8)
        var fees = Qty(units: 0, scale: 8)
        /// Base coin held per engine slot.
        var held: [Int: Qty] = [:]
    }

    var fills = 0
    /// Σ sell notional − Σ buy notional at fill prices.
    var cash = Qty(units: 0, scale: 8)
    /// The same at the prices the engine expected (`LegOrder.expectedPrice`).
    var expectedCash = Qty(units: 0, scale: 8)
    var fees = Qty(units: 0, scale: 8)
    var funding = Qty(units: 0, scale: 8)
    /// Base coin held per engine slot (long > 0).
    var held: [Qty]
    var byArbitrage: [String: ArbitrageFlows] = [:]
    /// Arbitrage ids in the order their first order went out.
    var arbitrageIds: [String] = []
    /// Equity high-water mark and the largest fall from it, sampled on the timer.
    var peakEquity: Qty?
    var maxDrawdown = Qty(units: 0, scale: 8)

    init(slots: Int) { held = Array(repeating: Qty(units: 0, scale: 12), count: slots) }

    /// Notes an arbitrage id the first time one of its orders is sent.
    mutating func noteArbitrage(_ id: String) {
        if byArbitrage[id] == nil { byArbitrage[id] = ArbitrageFlows(); arbitrageIds.append(id) }
    }

    /// Books one execution of `leg` (on engine slot `slot`).
    mutating func record(_ fill: FillReport, leg: LegOrder, slot: Int) {
        let base = Price(units: leg.contractValue.units, scale: leg.contractValue.scale).notional(fill.qty, scale: 12)
        let buy = fill.side == .buy
        let paid = fill.price.notional(base, scale: 8), expected = leg.expectedPrice.notional(base, scale: 8)
        fills += 1
        cash += buy ? -paid : paid
        expectedCash += buy ? -expected : expected
        fees += fill.fee
        held[slot] += buy ? base : -base
        var a = byArbitrage[leg.key.arbitrageId] ?? ArbitrageFlows()
        a.cash += buy ? -paid : paid
        a.fees += fill.fee
        a.held[slot, default: Qty(units: 0, scale: 12)] += buy ? base : -base
        byArbitrage[leg.key.arbitrageId] = a
    }

    /// A new equity sample.
    mutating func sample(equity: Qty) {
        guard let peak = peakEquity, peak >= equity else { peakEquity = equity; return }
        let fall = peak - equity
        if fall > maxDrawdown { maxDrawdown = fall }
    }

    /// Value of `held` at `marks` (per slot; unmarked positions count 0).
    static func value(_ held: [Int: Qty], marks: [Price?]) -> Qty {
        var total = Qty(units: 0, scale: 8)
        for (slot, q) in held where !q.isZero {
            if let m = marks[slot] { total += m.notional(q, scale: 8) }
        }
        return total
    }

    /// Trading result at fill prices: cash + open positions at `marks`.
    func trading(marks: [Price?]) -> Qty { cash + Self.value(positions, marks: marks) }

    /// Trading result at the engine's expected prices (the gross edge it planned to capture, marked the same way).
    func grossEdge(marks: [Price?]) -> Qty { expectedCash + Self.value(positions, marks: marks) }

    var positions: [Int: Qty] { Dictionary(uniqueKeysWithValues: held.enumerated().map { ($0.offset, $0.element) }) }

    /// Arbitrages with fills, and how many ended with a positive result after fees (open legs at `marks`).
    func hits(marks: [Price?]) -> (traded: Int, won: Int) {
        var traded = 0, won = 0
        for id in arbitrageIds {
            guard let a = byArbitrage[id], !a.fees.isZero || !a.cash.isZero else { continue }
            traded += 1
            if a.cash - a.fees + Self.value(a.held, marks: marks) > .zero { won += 1 }
        }
        return (traded, won)
    }
}
