import Engine
import PropCore

extension BacktestRunner {
    /// The report of a finished run. Net PnL comes from the engine's portfolio; gross edge, slippage, fees and
    /// funding from the venues' fills, so the residual checks one against the other.
    func report(seed: UInt64, simulatedNs: UInt64, malformedLines: Int, wallNs: UInt64) -> BacktestReport {
        let marks: [Price?] = engine.markets.indices.map { engine.portfolio.position(engine.markets[$0].id)?.mark ?? markPrice($0) }
        let net = engine.portfolio.total.netPnl
        let gross = ledger.grossEdge(marks: marks)
        let slippage = gross - ledger.trading(marks: marks)
        let residual = net - (gross - ledger.fees - slippage + ledger.funding)
        let (traded, won) = ledger.hits(marks: marks)
        var denials = engine.risk.denialsByCode
        for (code, n) in engine.skipsByCode { denials[code, default: 0] += n }
        let wallMs = Int(wallNs / 1_000_000)
        let perSecond = wallNs == 0 ? 0 : Int((Double(events) / (Double(wallNs) / 1e9)).rounded())
        return BacktestReport(
            arbitrages: ledger.arbitrageIds.count, arbitragesTraded: traded, orders: nextClientId, fills: ledger.fills,
            venueFills: venue.fillCount, netPnlUsdt: Self.money(net), grossEdgeUsdt: Self.money(gross),
            feesUsdt: Self.money(ledger.fees), slippageUsdt: Self.money(slippage), fundingUsdt: Self.money(ledger.funding),
            pnlResidualUsdt: Self.money(residual),
            hitRate: Qty(units: traded == 0 ? 0 : Int64(won * 10_000 / traded), scale: 4).description,
            maxDrawdownUsdt: Self.money(ledger.maxDrawdown),
            unhedgedExposureP99S: Self.fixed(engine.exposure.percentileSeconds(99, nowNs: nowNs), 3),
            denials: denials, venueRejects: rejectsByCode, alerts: alertsByCode, holds: holds,
            events: events, malformedFrames: malformed, malformedLines: malformedLines,
            simulatedSeconds: Self.fixed(Double(simulatedNs) / 1e9, 3),
            instruments: engine.markets.map(\.id.description), seed: seed, eventsPerS: perSecond, wallMs: wallMs)
    }

    /// USDT with exactly 8 decimals.
    static func money(_ q: Qty) -> String { q.truncated(to: 8).description }

    /// A double with `places` fixed decimals.
    static func fixed(_ value: Double, _ places: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return Qty(units: Int64((value * scale).rounded()), scale: places).description
    }
}
