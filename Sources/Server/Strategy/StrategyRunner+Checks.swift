import Engine
import PropCore

extension StrategyRunner {
    /// Once a second: the portfolio (built from the fills the strategy saw) against the order path's own
    /// booked fill quantities of the strategy's orders, and the cash identities. A mismatch seen twice in a row
    /// with the same numbers (not a fill still on its way) HOLDs new risk and alerts with the numbers.
    func checkInvariants() async {
        let orders = await executor.orders
        guard engine != nil else { return }
        var expected: [InstrumentId: Qty] = [:]
        for o in orders where keyByClientId[o.clientOrderId] != nil && !o.bookedFillQty.isZero {
            guard let cv = engine!.contractValue(o.instrument) else { continue }
            let base = Price(units: cv.units, scale: cv.scale).notional(o.bookedFillQty, scale: 12)
            expected[o.instrument] = (expected[o.instrument] ?? Qty(units: 0, scale: 12)) + (o.request.side == .buy ? base : -base)
        }
        let violations = engine!.checkPortfolio(expectedPositions: expected)
        let signature = violations.map { "\($0.code)|\($0.expected)|\($0.actual)" }
        lastViolationsRu = violations.map(\.messageRu)
        defer { lastViolationSignature = signature }
        guard let first = violations.first, signature == lastViolationSignature, !engine!.risk.isHeld else { return }
        engine!.risk.hold(first.messageRu)
        raise(first.code, first.messageRu)
    }

    func publishMetrics(second: Bool) {
        guard let metrics, engine != nil else { return }
        for edge in engine!.drainEdges() { metrics.edgeBps.record(edge) }
        let e = engine!
        let now = time.monotonicNanos()
        for (pair, p) in e.exposure.pairs { metrics.exposure(pair: pair, usd: p.usd, seconds: p.seconds(now)) }
        metrics.hold.record(e.risk.isHeld ? 1 : 0)
        if second {
            metrics.oppsPerSec.record(Double(e.board.evaluations &- lastEvaluations))
            lastEvaluations = e.board.evaluations
        }
    }

    /// Every phase change since the last call goes to the journal (the arbitrage's parent record) and the
    /// metrics. Only active arbitrages are looked at, plus those that just closed.
    func recordPhases() {
        // A new arbitrage always comes with orders to send; with none tracked and none sent nothing changed.
        guard engine != nil, !commands.isEmpty || !phasesSeen.isEmpty else { return }
        let wallMs = time.wallMillis()
        var active = Set<String>()
        for a in engine!.activeArbitrages {
            active.insert(a.id)
            guard phasesSeen[a.id] != a.phase else { continue }
            // A closed arbitrage reopened to sweep dust is not a new one.
            if phasesSeen[a.id] == nil, a.phase == .entering { metrics?.arbitragesOpened.increment() }
            phasesSeen[a.id] = a.phase
            metrics?.phase(a.phase)
            arbitrageLog.record(a, wallMs: wallMs)
        }
        for id in phasesSeen.keys where !active.contains(id) {
            phasesSeen[id] = nil
            guard let a = engine!.arbitrage(id) else { continue }
            metrics?.phase(a.phase)
            arbitrageLog.record(a, wallMs: wallMs)
        }
    }
}
