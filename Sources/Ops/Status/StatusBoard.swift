import PropCore

/// Builds the System Status responses from the health registry, the latest SLO report and the control state.
/// Pure: the same inputs give the same page. Rules (§10.2 "правила в коде"):
/// - group score = `(ΣGREEN + 0.5·ΣYELLOW)/ΣENABLED` weights over measured components, 0 when none is measured;
///   its colour follows `status_thresholds.yaml`, except that any red P0 component makes P0 ERROR;
/// - overall = HOLD when the control state is HOLD or KILL; ERROR when P0 or P1 is ERROR or health is RED;
///   WARN when any group is not OK or any alert is active; OK otherwise.
public struct StatusBoard: Sendable {
    public var thresholds: StatusThresholds
    public var site: SLOSite

    /// A board with effective thresholds (`StatusThresholdsLoader.load(for:)`) and the profile's site.
    public init(thresholds: StatusThresholds, site: SLOSite) { self.thresholds = thresholds; self.site = site }

    /// `GET /api/ui/status/overview`; `group` narrows the cards (and only the cards) to one tab.
    public func overview(health: HealthRegistry, slo: SLOReport, state: ControlState, holdReasons: [HoldReason],
                         atMs: Int64, group: ComponentGroup? = nil) -> StatusOverview {
        let (scores, colours) = groupScores(health)
        let cards = components(health, state: state, holdReasons: holdReasons, group: group)
        let alerts = alerts(health, slo: slo, state: state, holdReasons: holdReasons, atMs: atMs)
        let overall: StatusLevel
        if state == .hold || state == .kill {
            overall = .hold
        } else if colours[.p0] == .error || colours[.p1] == .error || health.summary(atMs: atMs).overall == .red {
            overall = .error
        } else if colours.values.contains(where: { $0 != .ok }) || !alerts.isEmpty {
            overall = .warn
        } else {
            overall = .ok
        }
        return StatusOverview(ts: ISO8601Millis.string(fromMillis: atMs), overall: overall, scores: Self.keyed(scores),
                              groupStatus: Self.keyed(colours), slo: slo.values, components: cards, alerts: alerts,
                              state: state, site: site)
    }

    /// `GET /api/ui/status/components`.
    public func componentsPage(health: HealthRegistry, state: ControlState, holdReasons: [HoldReason], atMs: Int64,
                               group: ComponentGroup? = nil) -> StatusComponentsPage {
        let (scores, colours) = groupScores(health)
        return StatusComponentsPage(ts: ISO8601Millis.string(fromMillis: atMs), group: group, scores: Self.keyed(scores),
                                    groupStatus: Self.keyed(colours),
                                    components: components(health, state: state, holdReasons: holdReasons, group: group))
    }

    /// Score 0…1 and colour of every group.
    public func groupScores(_ health: HealthRegistry) -> ([ComponentGroup: Double], [ComponentGroup: StatusLevel]) {
        var scores: [ComponentGroup: Double] = [:], colours: [ComponentGroup: StatusLevel] = [:]
        let rows = health.components()
        for g in ComponentGroup.allCases {
            var total = 0.0, good = 0.0, red = false
            for r in rows where r.group == g && r.status != .gray {
                total += r.weight
                if r.status == .green { good += r.weight }
                if r.status == .yellow { good += 0.5 * r.weight }
                if r.status == .red { red = true }
            }
            let score = total > 0 ? good / total : 0
            scores[g] = score
            colours[g] = g == .p0 && red ? .error : thresholds.threshold(g).colour(score)
        }
        return (scores, colours)
    }

    private func components(_ health: HealthRegistry, state: ControlState, holdReasons: [HoldReason],
                            group: ComponentGroup?) -> [StatusComponent] {
        health.components(group: group).map { r in
            var status = r.enabled ? StatusLevel(r.status) : .ok
            var summary = r.reasonTextRu
            if r.componentId == StandardComponents.Id.controlState, state == .hold || state == .kill {
                status = .hold
                summary = state.titleRu + (holdReasons.isEmpty ? "" : ": " + holdReasons.map(\.textRu).joined(separator: "; "))
            }
            return StatusComponent(id: r.componentId, title: r.title, group: r.group, status: status, summary: summary,
                                   metrics: r.metrics, links: r.links)
        }
    }

    /// HOLD first, then SLO and component alerts, worst first.
    func alerts(_ health: HealthRegistry, slo: SLOReport, state: ControlState, holdReasons: [HoldReason],
                atMs: Int64) -> [StatusAlert] {
        var out: [StatusAlert] = []
        if state == .hold || state == .kill {
            out.append(StatusAlert(severity: .critical, code: "HOLD", title: state.titleRu,
                                   msg: holdReasons.map(\.textRu).joined(separator: "; "),
                                   sinceMs: holdReasons.map(\.sinceMs).min() ?? atMs,
                                   componentId: StandardComponents.Id.controlState))
        }
        out += slo.alerts
        for r in health.components() where r.enabled && (r.status == .red || (r.status == .yellow && r.group <= .p1)) {
            let severity: StatusAlert.Severity = r.status == .red ? (r.group == .p0 ? .critical : .error) : .warn
            out.append(StatusAlert(severity: severity, code: r.reasonCode, title: r.title,
                                   msg: r.reasonTextRu + (r.hintRu.isEmpty ? "" : ". " + r.hintRu),
                                   sinceMs: health.degradedSince(r.componentId) ?? atMs, componentId: r.componentId))
        }
        let rank: [StatusAlert.Severity: Int] = [.critical: 0, .error: 1, .warn: 2, .info: 3]
        return out.enumerated().sorted { a, b in
            let ra = rank[a.element.severity]!, rb = rank[b.element.severity]!
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }

    static func keyed<V>(_ d: [ComponentGroup: V]) -> [String: V] {
        Dictionary(uniqueKeysWithValues: d.map { ($0.key.rawValue, $0.value) })
    }
}
