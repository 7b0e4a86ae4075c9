public import PropCore

/// Builds `LiveReadiness` from what the runtime already holds: control state, health registry, the latest SLO
/// report and the leader lease.
public struct ReadinessBuilder: Sendable {
    /// Venues with fresh data needed to trade (two legs ⇒ 2).
    public var quorum: Int

    /// A builder.
    public init(quorum: Int = 2) { self.quorum = quorum }

    /// The readiness at `atMs`. `venueHalt` lists venues the runtime halted (maintenance, quarantine); a venue
    /// whose order path is RED counts as halted too.
    public func build(state: ControlState, holdReasons: [HoldReason], health: HealthRegistry, slo: SLOReport,
                      leader: LeaderInfo, venueHalt: Set<Venue> = [], atMs: Int64) -> LiveReadiness {
        var reasons: [ReadinessReason] = []
        switch state {
        case .hold, .kill:
            let detail = holdReasons.map(\.textRu).joined(separator: "; ")
            reasons.append(ReadinessReason(code: "HOLD", detail: detail.isEmpty ? state.titleRu : detail))
        case .pause:
            reasons.append(ReadinessReason(code: "NOT_TRADING", detail: state.titleRu))
        case .run, .safeMode:
            break
        }
        if leader.required, !leader.isLeader {
            reasons.append(ReadinessReason(code: "NOT_LEADER", detail: "аренда лидера у другого экземпляра"))
        }

        // Market data: red venue feeds name what the check saw (`BTCUSDT 3500ms`), then SLO gap breaches.
        var halted: [String: Bool] = [:], fresh: [String] = []
        for v in Venue.allCases {
            guard let md = health.spec(StandardComponents.Id.marketData(v)), md.enabled else { continue }
            let mdStatus = health.status(of: md.id)
            if mdStatus == .green || mdStatus == .yellow { fresh.append(v.rawValue) }
            if mdStatus == .red, let check = health.check(of: md.id) {
                reasons.append(ReadinessReason(code: "WS_STALE", detail: "\(v.rawValue): \(check.reasonTextRu)"))
            }
            let ordersRed = health.status(of: StandardComponents.Id.orders(v)) == .red
            halted[v.rawValue] = venueHalt.contains(v) || ordersRed
            if halted[v.rawValue] == true {
                reasons.append(ReadinessReason(code: "VENUE_HALT", detail: v.rawValue))
            }
        }
        let quorumOK = fresh.count >= quorum
        if !quorumOK {
            reasons.append(ReadinessReason(code: "DATA_QUORUM",
                                           detail: "свежие данные у \(fresh.count) из нужных \(quorum) бирж"))
        }

        for m in slo.breaches {
            let code: String = switch m.metric {
            case .wsGapMsP95: "WS_STALE"
            case .clockSkewMs: "CLOCK_SKEW"
            case .reconMismatch: "RECON_MISMATCH"
            case .maxDayDrawdownBps: "DRAWDOWN_LIMIT"
            case .budgetRemaining: "BUDGET_EXHAUSTED"
            case .orderCycleMsP95, .rejectRate, .cancelFailRate: "SLO_BREACH"
            }
            reasons.append(ReadinessReason(code: code, detail: Self.detail(m)))
        }

        let summary = health.summary(atMs: atMs)
        let covered: Set<String> = Set(Venue.allCases.flatMap { [StandardComponents.Id.marketData($0), StandardComponents.Id.orders($0)] })
        for id in summary.redP0 where !covered.contains(id) {
            reasons.append(ReadinessReason(code: "COMPONENT_RED", detail: "\(id): \(health.check(of: id)?.reasonTextRu ?? "")"))
        }
        if summary.overall == .red, summary.redP0.isEmpty {
            reasons.append(ReadinessReason(code: "HEALTH_RED", detail: "score_pct \(NumberText.fixed(summary.scorePct, decimals: 1))"))
        }

        var seen = Set<String>()
        let advice = reasons.map(\.adviceRu).filter { seen.insert($0).inserted }.joined(separator: ". ")
        return LiveReadiness(ready: reasons.isEmpty, reasons: reasons, adviceRu: advice, leader: leader.isLeader,
                             fencingToken: leader.fencingToken, venueHalt: halted,
                             dataQuorum: DataQuorum(ok: quorumOK, fresh: fresh, required: quorum), metrics: slo.values,
                             clockSkewMs: slo.clockSkewMs, state: state, ts: ISO8601Millis.string(fromMillis: atMs))
    }

    /// `binance: ws_gap_ms_p95 2047 мс > 400 мс`.
    static func detail(_ m: SLOMetricReport) -> String {
        let v = m.value ?? 0
        let text: String = switch m.metric {
        case .rejectRate, .cancelFailRate: "\(NumberText.percent(v)) > \(NumberText.percent(m.target))"
        case .budgetRemaining: "остаток \(NumberText.percent(v))"
        case .reconMismatch: "\(NumberText.fixed(v, decimals: 0)) > \(NumberText.fixed(m.target, decimals: 0))"
        case .maxDayDrawdownBps: "\(NumberText.fixed(v, decimals: 1)) б.п. > \(NumberText.fixed(m.target, decimals: 1)) б.п."
        case .wsGapMsP95, .orderCycleMsP95, .clockSkewMs: "\(NumberText.ms(v)) > \(NumberText.ms(m.target))"
        }
        return (m.venue.map { "\($0): " } ?? "") + "\(m.metric.rawValue) \(text)"
    }
}
