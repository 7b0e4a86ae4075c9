import Engine
import PropCore

extension StrategyRunner {
    func opportunitiesResponse() -> OpportunitiesResponse {
        guard let e = engine else { return OpportunitiesResponse(hold: nil, activeArbitrages: 0, evaluations: 0, opportunities: []) }
        return OpportunitiesResponse(hold: e.risk.holdReason?.messageRu, activeArbitrages: e.activeArbitrages.count,
                                     evaluations: e.board.evaluations, opportunities: e.board.all.map(OpportunityRow.init))
    }

    func pnlResponse() -> PnLResponse? {
        guard let e = engine else { return nil }
        return PnLResponse(pnl: e.portfolio.snapshot(), maxDrawdownUsdt: e.portfolio.maxDrawdown.trimmedDescription)
    }

    func exposureResponse() -> ExposureResponse? {
        guard let e = engine else { return nil }
        let now = time.monotonicNanos()
        let rows = e.exposure.pairs.sorted { $0.key < $1.key }.map { pair, p in
            ExposureResponse.UnhedgedRow(instrument: pair, usd: (p.usd * 100).rounded() / 100, seconds: p.seconds(now),
                                         maxUsd: (p.maxUsd * 100).rounded() / 100, maxSeconds: p.maxSeconds, breached: p.breached)
        }
        return ExposureResponse(exposure: e.portfolio.exposureSnapshot(), unhedged: rows)
    }

    func executionView() -> ExecutionViewResponse {
        let arbs = (engine?.allArbitrages ?? []).suffix(100).reversed().map { ArbitrageRow($0, clientIds: clientIdByKey) }
        let slips = arbs.flatMap(\.legs).compactMap(\.slippageBps)
        return ExecutionViewResponse(arbitrages: Array(arbs), fills: recentFills.suffix(200).reversed().map(FillRow.init),
                                     meanSlippageBps: slips.isEmpty ? nil : (slips.reduce(0, +) / Double(slips.count) * 100).rounded() / 100,
                                     alerts: Array(alerts.suffix(50)))
    }
}
