/// The §10.1 `slo` block and `GET /api/ui/status/slo` headline numbers. Metrics with no samples yet are 0.
public struct SLOValues: Sendable, Hashable, Codable {
    public var wsGapMsP95: Double
    public var orderCycleMsP95: Double
    public var rejectRate: Double
    public var cancelFailRate: Double
    public var reconMismatch: Double
    public var maxDayDrawdownBps: Double
    /// Share of the day's exception budget left, 0…1.
    public var budgetRemaining: Double

    /// Values.
    public init(wsGapMsP95: Double = 0, orderCycleMsP95: Double = 0, rejectRate: Double = 0, cancelFailRate: Double = 0,
                reconMismatch: Double = 0, maxDayDrawdownBps: Double = 0, budgetRemaining: Double = 1) {
        self.wsGapMsP95 = wsGapMsP95; self.orderCycleMsP95 = orderCycleMsP95; self.rejectRate = rejectRate
        self.cancelFailRate = cancelFailRate; self.reconMismatch = reconMismatch
        self.maxDayDrawdownBps = maxDayDrawdownBps; self.budgetRemaining = budgetRemaining
    }

    enum CodingKeys: String, CodingKey {
        case wsGapMsP95 = "ws_gap_ms_p95"
        case orderCycleMsP95 = "order_cycle_ms_p95"
        case rejectRate = "reject_rate"
        case cancelFailRate = "cancel_fail_rate"
        case reconMismatch = "recon_mismatch"
        case maxDayDrawdownBps = "max_day_drawdown_bps"
        case budgetRemaining = "budget_remaining"
    }
}
