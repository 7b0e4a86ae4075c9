/// The SLO metrics the engine judges, by their spec names.
public enum SLOMetric: String, Sendable, Hashable, CaseIterable, Codable {
    case wsGapMsP95 = "ws_gap_ms_p95"
    case orderCycleMsP95 = "order_cycle_ms_p95"
    case rejectRate = "reject_rate"
    case cancelFailRate = "cancel_fail_rate"
    case reconMismatch = "recon_mismatch"
    case maxDayDrawdownBps = "max_day_drawdown_bps"
    case clockSkewMs = "clock_skew_ms"
    case budgetRemaining = "budget_remaining"

    /// Russian name for alerts and cards.
    public var titleRu: String {
        switch self {
        case .wsGapMsP95: "пауза между сообщениями рыночных данных (p95)"
        case .orderCycleMsP95: "цикл ордера (p95)"
        case .rejectRate: "доля отклонённых ордеров"
        case .cancelFailRate: "доля неудачных отмен"
        case .reconMismatch: "расхождения сверки"
        case .maxDayDrawdownBps: "просадка за день"
        case .clockSkewMs: "расхождение часов с биржами"
        case .budgetRemaining: "остаток exception-budget"
        }
    }

    /// The component the metric's alerts belong to on the status page.
    public var componentId: String {
        switch self {
        case .wsGapMsP95: "market_data"
        case .orderCycleMsP95, .rejectRate, .cancelFailRate: "execution"
        case .reconMismatch: "recon"
        case .maxDayDrawdownBps: "risk"
        case .clockSkewMs: "clock"
        case .budgetRemaining: "slo"
        }
    }
}
