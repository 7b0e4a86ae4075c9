/// RG-5 SLO targets for one site (`status_thresholds.yaml`, `slo.local` / `slo.vps`).
public struct SLOTargets: Sendable, Hashable, Codable {
    /// p95 of the gap between market-data messages, per venue, ms.
    public var wsGapMsP95: Double
    /// p95 of decision → venue acknowledgement, ms.
    public var orderCycleMsP95: Double
    /// Share of orders the venues reject (0.005 = 0.5 %).
    public var rejectRate: Double
    /// Share of cancels that fail.
    public var cancelFailRate: Double
    /// Open reconciliation mismatches allowed (0).
    public var reconMismatch: Double
    /// Intraday drawdown from the day's peak equity, bps of equity.
    public var maxDayDrawdownBps: Double

    /// Targets.
    public init(wsGapMsP95: Double, orderCycleMsP95: Double, rejectRate: Double = 0.005, cancelFailRate: Double = 0.003,
                reconMismatch: Double = 0, maxDayDrawdownBps: Double = 300) {
        self.wsGapMsP95 = wsGapMsP95; self.orderCycleMsP95 = orderCycleMsP95; self.rejectRate = rejectRate
        self.cancelFailRate = cancelFailRate; self.reconMismatch = reconMismatch; self.maxDayDrawdownBps = maxDayDrawdownBps
    }

    /// The spec's laptop targets: 400 ms, 200 ms, 0.5 %, 0.3 %, 0, limit.
    public static let local = SLOTargets(wsGapMsP95: 400, orderCycleMsP95: 200)
    /// The spec's VPS targets: 600 ms, 300 ms, the rest as local.
    public static let vps = SLOTargets(wsGapMsP95: 600, orderCycleMsP95: 300)

    /// The spec's targets for a site.
    public static func defaults(for site: SLOSite) -> SLOTargets { site == .local ? .local : .vps }

    enum CodingKeys: String, CodingKey {
        case wsGapMsP95 = "ws_gap_ms_p95"
        case orderCycleMsP95 = "order_cycle_ms_p95"
        case rejectRate = "reject_rate"
        case cancelFailRate = "cancel_fail_rate"
        case reconMismatch = "recon_mismatch"
        case maxDayDrawdownBps = "max_day_drawdown_bps"
    }
}
