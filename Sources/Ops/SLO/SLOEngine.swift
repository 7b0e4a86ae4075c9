import PropCore

/// RG-5 SLO gates and the exception budget. The runtime feeds it samples as they happen and calls
/// `evaluate(atMs:)` on a fixed cadence (e.g. every second); the report says what is breached, which alerts
/// are active and which `ControlInput`s to forward to `CommandService.report(_:)`. A value type with no clock
/// of its own: the same samples and times give the same decisions.
public struct SLOEngine: Sendable {
    public let site: SLOSite
    public let targets: SLOTargets
    public let policy: SLOPolicy
    /// `ops.max_clock_skew_ms`: a larger |offset| to the venues is a HOLD condition.
    public let maxClockSkewMs: Int

    private var wsGap: [String: RollingWindow] = [:]
    private var orderCycle: RollingWindow
    private var rejects: RollingWindow
    private var cancels: RollingWindow
    private var reconMismatch = 0
    private var dayDrawdownBps = 0.0
    private var clockSkewMs: Int?
    /// When each latency key went over `holdMultiplier × target`, for the "for 5 minutes" rule.
    private var overSince: [String: Int64] = [:]
    /// When each key's breach began, for alert `since`.
    private var breachSince: [String: Int64] = [:]
    /// Conditions this engine raised and must clear when they recover.
    private var raisedConditions: Set<HoldCode> = []
    private var staleVenues: Set<String> = []
    /// Red reasons raised once per breach episode (`slo`, `risk`): two operators may resume past them while the
    /// breach lasts; they re-arm when it ends. `recon` is not latched: it holds until fixed.
    private var latched: Set<HoldCode> = []
    private var budget = ExceptionBudget()

    /// An engine with the targets of `site`.
    public init(site: SLOSite, targets: SLOTargets, policy: SLOPolicy = SLOPolicy(), maxClockSkewMs: Int) {
        self.site = site; self.targets = targets; self.policy = policy; self.maxClockSkewMs = maxClockSkewMs
        let buckets = Int(max(1, policy.windowMs / max(1, policy.bucketMs)))
        orderCycle = RollingWindow(bucketMs: policy.bucketMs, bucketCount: buckets)
        rejects = orderCycle
        cancels = orderCycle
    }

    private func newWindow() -> RollingWindow { RollingWindow(bucketMs: orderCycle.bucketMs, bucketCount: orderCycle.bucketCount) }

    // MARK: samples

    /// Gap between two consecutive market-data messages on a venue's public stream, ms (from the WS session).
    public mutating func recordWsGap(venue: String, ms: Double, atMs: Int64) {
        var w = wsGap[venue] ?? newWindow()
        w.record(ms: ms, atMs: atMs)
        wsGap[venue] = w
    }

    /// Decision → venue acknowledgement of one order, ms (from the order manager's ack event).
    public mutating func recordOrderCycle(ms: Double, atMs: Int64) { orderCycle.record(ms: ms, atMs: atMs) }

    /// One order's outcome at the venue: accepted or rejected.
    public mutating func recordOrderOutcome(rejected: Bool, atMs: Int64) { rejects.record(hit: rejected, atMs: atMs) }

    /// One cancel's outcome: confirmed or failed (timed out, refused).
    public mutating func recordCancel(failed: Bool, atMs: Int64) { cancels.record(hit: failed, atMs: atMs) }

    /// Open reconciliation mismatches now (from the recon daemon).
    public mutating func setReconMismatch(_ n: Int) { reconMismatch = max(0, n) }

    /// Drawdown from today's peak equity, bps of equity (from the portfolio).
    public mutating func setDayDrawdownBps(_ bps: Double) { dayDrawdownBps = bps.isFinite ? max(0, bps) : 0 }

    /// Latest measured offset of the local clock to the venues' clocks, ms (signed; from the time-sync probe).
    public mutating func recordClockSkew(ms: Int) { clockSkewMs = ms }

    // MARK: evaluation

    /// Judges every metric at `atMs`, advances the exception budget and returns the verdicts and inputs.
    public mutating func evaluate(atMs: Int64) -> SLOReport {
        var metrics: [SLOMetricReport] = []
        var alerts: [StatusAlert] = []
        var holds: [HoldReason] = []

        // Market-data gaps, per venue: sustained 3× ⇒ md_gap (a condition, cleared on recovery).
        var staleNow: [String] = [], recoveredAll = true, worstGap = 0.0
        for venue in wsGap.keys.sorted() {
            let w = wsGap[venue]!
            let p95 = w.p95(atMs: atMs)
            let key = "ws_gap.\(venue)"
            let r = judgeLatency(key: key, metric: .wsGapMsP95, venue: venue, value: p95, target: targets.wsGapMsP95,
                                 samples: w.sampleCount(atMs: atMs), atMs: atMs)
            worstGap = max(worstGap, p95 ?? 0)
            metrics.append(r)
            if r.hold {
                staleNow.append("\(venue): \(NumberText.ms(p95 ?? 0))")
                staleVenues.insert(venue)
            }
            if staleVenues.contains(venue), !(p95.map { $0 <= targets.wsGapMsP95 } ?? false) { recoveredAll = false }
        }

        let cycleP95 = orderCycle.p95(atMs: atMs)
        metrics.append(judgeLatency(key: "order_cycle", metric: .orderCycleMsP95, venue: nil, value: cycleP95,
                                    target: targets.orderCycleMsP95, samples: orderCycle.sampleCount(atMs: atMs), atMs: atMs))
        let rejectRate = judgedRate(rejects, atMs: atMs)
        metrics.append(judgeGauge(key: "reject_rate", metric: .rejectRate, value: rejectRate, target: targets.rejectRate,
                                  samples: rejects.outcomeCount(atMs: atMs), hold: policy.holdOnRates, atMs: atMs))
        let cancelRate = judgedRate(cancels, atMs: atMs)
        metrics.append(judgeGauge(key: "cancel_fail_rate", metric: .cancelFailRate, value: cancelRate,
                                  target: targets.cancelFailRate, samples: cancels.outcomeCount(atMs: atMs),
                                  hold: policy.holdOnRates, atMs: atMs))
        metrics.append(judgeGauge(key: "recon", metric: .reconMismatch, value: Double(reconMismatch),
                                  target: targets.reconMismatch, samples: 1, hold: true, atMs: atMs))
        metrics.append(judgeGauge(key: "drawdown", metric: .maxDayDrawdownBps, value: dayDrawdownBps,
                                  target: targets.maxDayDrawdownBps, samples: 1, hold: true, atMs: atMs))
        let skew = clockSkewMs.map { Double(abs($0)) }
        metrics.append(judgeGauge(key: "clock", metric: .clockSkewMs, value: skew, target: Double(maxClockSkewMs),
                                  samples: clockSkewMs == nil ? 0 : 1, hold: true, atMs: atMs))

        // The exception budget: time spent with any SLO in breach, out of the day's allowance.
        budget.advance(atMs: atMs, inBreach: metrics.contains(where: \.breach))
        let remaining = budget.remaining(fraction: policy.budgetFraction)
        let exhausted = remaining <= 0
        metrics.append(SLOMetricReport(metric: .budgetRemaining, venue: nil, value: remaining, target: 0, samples: 1,
                                       breach: exhausted, hold: exhausted && policy.holdOnBudgetExhausted))
        track(key: "budget", breach: exhausted, atMs: atMs)

        for m in metrics where m.breach {
            alerts.append(alert(for: m, atMs: atMs))
        }

        // Hold reasons, one per code.
        if !staleNow.isEmpty {
            holds.append(HoldReason(code: .mdGap, detailRu: "SLO ws_gap_ms_p95 выше \(NumberText.fixed(policy.holdMultiplier, decimals: 0))× цели "
                + "\(NumberText.ms(targets.wsGapMsP95)) дольше \(policy.holdAfterMs / 60_000) мин — " + staleNow.joined(separator: ", "),
                sinceMs: atMs))
        }
        let sloHolds = metrics.filter { $0.hold && [.orderCycleMsP95, .rejectRate, .cancelFailRate, .budgetRemaining].contains($0.metric) }
        if !sloHolds.isEmpty {
            holds.append(HoldReason(code: .slo, detailRu: sloHolds.map(detailRu).joined(separator: "; "), sinceMs: atMs))
        }
        if let m = metrics.first(where: { $0.metric == .reconMismatch && $0.hold }) {
            holds.append(HoldReason(code: .recon, detailRu: detailRu(m), sinceMs: atMs))
        }
        if let m = metrics.first(where: { $0.metric == .maxDayDrawdownBps && $0.hold }) {
            holds.append(HoldReason(code: .risk, detailRu: detailRu(m), sinceMs: atMs))
        }
        if let m = metrics.first(where: { $0.metric == .clockSkewMs && $0.hold }) {
            holds.append(HoldReason(code: .clockSkew, detailRu: "расхождение часов \(NumberText.ms(m.value ?? 0)) > \(NumberText.ms(m.target))",
                                    sinceMs: atMs))
        }

        let heldCodes = Set(holds.map(\.code))
        var inputs: [ControlInput] = []
        for h in holds {
            if Self.latching.contains(h.code) {
                guard latched.insert(h.code).inserted else { continue }
            }
            inputs.append(.raiseHold(h))
        }
        latched.formIntersection(heldCodes)
        for code in [HoldCode.mdGap, .clockSkew] {
            if heldCodes.contains(code) {
                raisedConditions.insert(code)
            } else if raisedConditions.contains(code) {
                // md_gap clears only once every venue that tripped it is back within target.
                if code == .mdGap, !recoveredAll { continue }
                raisedConditions.remove(code)
                if code == .mdGap { staleVenues.removeAll() }
                inputs.append(.clearCondition(code))
            }
        }

        let values = SLOValues(wsGapMsP95: worstGap, orderCycleMsP95: cycleP95 ?? 0, rejectRate: rejects.rate(atMs: atMs) ?? 0,
                               cancelFailRate: cancels.rate(atMs: atMs) ?? 0, reconMismatch: Double(reconMismatch),
                               maxDayDrawdownBps: dayDrawdownBps, budgetRemaining: remaining)
        return SLOReport(ts: ISO8601Millis.string(fromMillis: atMs), site: site, values: values, metrics: metrics,
                         clockSkewMs: clockSkewMs.map(Double.init), maxClockSkewMs: Double(maxClockSkewMs),
                         alerts: alerts, inputs: inputs)
    }

    /// Codes raised once per episode; the rest are re-sent on every evaluation while they last (idempotent in the
    /// control machine), so a HOLD cannot be resumed past while its condition holds.
    static let latching: Set<HoldCode> = [.slo, .risk]

    /// A rate is judged only over enough outcomes.
    private func judgedRate(_ w: RollingWindow, atMs: Int64) -> Double? {
        w.outcomeCount(atMs: atMs) >= policy.minOutcomes ? w.rate(atMs: atMs) : nil
    }

    private mutating func judgeLatency(key: String, metric: SLOMetric, venue: String?, value: Double?, target: Double,
                                       samples: Int, atMs: Int64) -> SLOMetricReport {
        let breach = value.map { $0 > target } ?? false
        let severe = value.map { $0 > target * policy.holdMultiplier } ?? false
        if severe {
            if overSince[key] == nil { overSince[key] = atMs }
        } else {
            overSince[key] = nil
        }
        let sustained = overSince[key].map { atMs - $0 >= policy.holdAfterMs } ?? false
        track(key: key, breach: breach, atMs: atMs)
        return SLOMetricReport(metric: metric, venue: venue, value: value, target: target, samples: samples,
                               breach: breach, hold: policy.autoHold && sustained)
    }

    private mutating func judgeGauge(key: String, metric: SLOMetric, value: Double?, target: Double, samples: Int,
                                     hold: Bool, atMs: Int64) -> SLOMetricReport {
        let breach = value.map { $0 > target } ?? false
        track(key: key, breach: breach, atMs: atMs)
        return SLOMetricReport(metric: metric, venue: nil, value: value, target: target, samples: samples,
                               breach: breach, hold: hold && breach)
    }

    private mutating func track(key: String, breach: Bool, atMs: Int64) {
        if breach {
            if breachSince[key] == nil { breachSince[key] = atMs }
        } else {
            breachSince[key] = nil
        }
    }

    private func sinceMs(_ m: SLOMetricReport, atMs: Int64) -> Int64 {
        let key: String = switch m.metric {
        case .wsGapMsP95: "ws_gap.\(m.venue ?? "")"
        case .orderCycleMsP95: "order_cycle"
        case .rejectRate: "reject_rate"
        case .cancelFailRate: "cancel_fail_rate"
        case .reconMismatch: "recon"
        case .maxDayDrawdownBps: "drawdown"
        case .clockSkewMs: "clock"
        case .budgetRemaining: "budget"
        }
        return breachSince[key] ?? atMs
    }

    private func alert(for m: SLOMetricReport, atMs: Int64) -> StatusAlert {
        let code = m.metric == .clockSkewMs ? "CLOCK_SKEW" : m.metric == .budgetRemaining ? "BUDGET_EXHAUSTED" : "SLO_BREACH"
        let venue = m.venue.map { " (\($0))" } ?? ""
        return StatusAlert(severity: m.hold ? .critical : .warn, code: code, title: "SLO: \(m.metric.titleRu)\(venue)",
                           msg: detailRu(m) + (m.hold ? " — бот переведён в HOLD" : ""),
                           sinceMs: sinceMs(m, atMs: atMs), componentId: m.metric.componentId)
    }

    /// `order_cycle_ms_p95 = 812 мс при цели ≤ 200 мс`.
    func detailRu(_ m: SLOMetricReport) -> String {
        let text: (Double) -> String = switch m.metric {
        case .wsGapMsP95, .orderCycleMsP95, .clockSkewMs: NumberText.ms
        case .rejectRate, .cancelFailRate, .budgetRemaining: NumberText.percent
        case .reconMismatch: { NumberText.fixed($0, decimals: 0) }
        case .maxDayDrawdownBps: { NumberText.fixed($0, decimals: 1) + " б.п." }
        }
        if m.metric == .budgetRemaining { return "exception-budget на сегодня исчерпан (остаток \(text(m.value ?? 0)))" }
        let venue = m.venue.map { "\($0): " } ?? ""
        return "\(venue)\(m.metric.rawValue) = \(text(m.value ?? 0)) при цели ≤ \(text(m.target))"
    }
}
