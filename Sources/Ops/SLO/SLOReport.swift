/// One metric's verdict in an `SLOReport`.
public struct SLOMetricReport: Sendable, Hashable, Encodable {
    public var metric: SLOMetric
    /// Venue for per-venue metrics (ws gap), nil otherwise.
    public var venue: String?
    /// Measured value; nil when the window has too few samples to judge.
    public var value: Double?
    public var target: Double
    /// Samples or outcomes the value rests on (1 for gauges such as recon and drawdown).
    public var samples: Int
    /// Over target now.
    public var breach: Bool
    /// Breach severe or long enough that the engine asks for HOLD.
    public var hold: Bool

    /// Within target (or not measured).
    public var ok: Bool { !breach }

    enum CodingKeys: String, CodingKey { case metric, venue, value, target, samples, breach, hold, ok }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(metric, forKey: .metric)
        try c.encode(venue, forKey: .venue)
        try c.encode(value, forKey: .value)
        try c.encode(target, forKey: .target)
        try c.encode(samples, forKey: .samples)
        try c.encode(breach, forKey: .breach)
        try c.encode(hold, forKey: .hold)
        try c.encode(ok, forKey: .ok)
    }
}

/// `SLOEngine.evaluate` result: `GET /api/ui/status/slo` body, plus the control inputs the runtime forwards to
/// `CommandService.report(_:)` (not encoded).
public struct SLOReport: Sendable, Hashable, Encodable {
    /// ISO-8601.
    public var ts: String
    public var site: SLOSite
    /// The §10.1 `slo` block (worst venue for ws gap).
    public var values: SLOValues
    /// Every judged metric, ws gap once per venue.
    public var metrics: [SLOMetricReport]
    /// Last reported clock offset to the venues, ms; nil before the first report.
    public var clockSkewMs: Double?
    public var maxClockSkewMs: Double
    /// Active SLO alerts.
    public var alerts: [StatusAlert]
    /// `.raiseHold` for each hold condition — `md_gap`, `clock_skew`, `recon` on every evaluation while it lasts
    /// (idempotent in the control machine), `slo` and `risk` once per breach episode so two operators can resume
    /// past them — and one `.clearCondition` when a condition the engine raised (md_gap, clock_skew) recovers.
    public var inputs: [ControlInput]

    /// Metrics over target now.
    public var breaches: [SLOMetricReport] { metrics.filter(\.breach) }

    enum CodingKeys: String, CodingKey {
        case ts, site, metrics, alerts
        case clockSkewMs = "clock_skew_ms"
        case maxClockSkewMs = "max_clock_skew_ms"
        case wsGapMsP95 = "ws_gap_ms_p95", orderCycleMsP95 = "order_cycle_ms_p95", rejectRate = "reject_rate"
        case cancelFailRate = "cancel_fail_rate", reconMismatch = "recon_mismatch"
        case maxDayDrawdownBps = "max_day_drawdown_bps", budgetRemaining = "budget_remaining"
    }

    /// Flat: the seven headline numbers at the top level (as in the §10.1 `slo` block), then the details.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ts, forKey: .ts)
        try c.encode(site, forKey: .site)
        try c.encode(values.wsGapMsP95, forKey: .wsGapMsP95)
        try c.encode(values.orderCycleMsP95, forKey: .orderCycleMsP95)
        try c.encode(values.rejectRate, forKey: .rejectRate)
        try c.encode(values.cancelFailRate, forKey: .cancelFailRate)
        try c.encode(values.reconMismatch, forKey: .reconMismatch)
        try c.encode(values.maxDayDrawdownBps, forKey: .maxDayDrawdownBps)
        try c.encode(values.budgetRemaining, forKey: .budgetRemaining)
        try c.encode(clockSkewMs, forKey: .clockSkewMs)
        try c.encode(maxClockSkewMs, forKey: .maxClockSkewMs)
        try c.encode(metrics, forKey: .metrics)
        try c.encode(alerts, forKey: .alerts)
    }
}
