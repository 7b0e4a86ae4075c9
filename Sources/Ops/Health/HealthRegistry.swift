import PropCore

/// Every component's latest check, the health score and a bounded history of samples. A value type: the
/// runtime keeps it in one owner (an actor or the status task) and passes copies to readers. Time comes in as
/// arguments, so the same updates always give the same answers.
public struct HealthRegistry: Sendable {
    struct Entry: Sendable {
        var spec: ComponentSpec
        var check: HealthCheck = .notMeasured
        var updatedMs: Int64?
        var lastErrorMs: Int64?
        /// Start of the current YELLOW/RED spell, for alert `since`.
        var degradedSinceMs: Int64?

        /// Disabled components show GRAY whatever their last check said.
        var status: HealthStatus { spec.enabled ? check.status : .gray }
    }

    private var entries: [Entry] = []
    private var index: [String: Int] = [:]
    private var samples: BoundedRing<HealthSample>
    /// How the overall colour follows from the score.
    public var policy: HealthPolicy

    /// An empty registry keeping up to `historyCapacity` samples (8 640 = one day at one sample per 10 s).
    public init(policy: HealthPolicy = HealthPolicy(), historyCapacity: Int = 8_640) {
        self.policy = policy
        samples = BoundedRing(capacity: max(1, historyCapacity))
    }

    /// Adds a component; it is GRAY until its first `update`.
    public mutating func register(_ spec: ComponentSpec) throws(HealthError) {
        guard index[spec.id] == nil else { throw .duplicateComponent(spec.id) }
        guard spec.weight.isFinite, spec.weight >= 0 else { throw .invalidWeight(id: spec.id, weight: spec.weight) }
        index[spec.id] = entries.count
        entries.append(Entry(spec: spec))
    }

    /// Adds every component of a catalogue (see `StandardComponents`).
    public mutating func register(all specs: [ComponentSpec]) throws(HealthError) {
        for spec in specs { try register(spec) }
    }

    /// Records a check result measured at `atMs`.
    public mutating func update(_ id: String, _ check: HealthCheck, atMs: Int64) throws(HealthError) {
        guard let i = index[id] else { throw .unknownComponent(id) }
        entries[i].check = check
        entries[i].updatedMs = atMs
        let degraded = check.status == .red || check.status == .yellow
        if degraded {
            entries[i].lastErrorMs = atMs
            if entries[i].degradedSinceMs == nil { entries[i].degradedSinceMs = atMs }
        } else {
            entries[i].degradedSinceMs = nil
        }
    }

    /// Switches a component on or off (a venue disabled in the profile shows GRAY and leaves the score).
    public mutating func setEnabled(_ id: String, _ enabled: Bool) throws(HealthError) {
        guard let i = index[id] else { throw .unknownComponent(id) }
        entries[i].spec.enabled = enabled
    }

    /// Registered ids in registration order.
    public var ids: [String] { entries.map(\.spec.id) }

    /// The registration of one component.
    public func spec(_ id: String) -> ComponentSpec? { index[id].map { entries[$0].spec } }

    /// The current colour of one component (GRAY when unknown or disabled).
    public func status(of id: String) -> HealthStatus { index[id].map { entries[$0].status } ?? .gray }

    /// When the component's current YELLOW/RED spell began; nil while it is GREEN or not measured.
    public func degradedSince(_ id: String) -> Int64? { index[id].flatMap { entries[$0].degradedSinceMs } }

    /// The latest check of one component.
    public func check(of id: String) -> HealthCheck? { index[id].map { entries[$0].check } }

    // MARK: summary

    /// `score_pct`, counts and the overall colour now.
    public func summary(atMs: Int64) -> HealthSummary {
        var counts = Dictionary(uniqueKeysWithValues: HealthStatus.allCases.map { ($0.rawValue, 0) })
        var total = 0.0, good = 0.0, anyDegraded = false
        var redP0: [String] = []
        for e in entries {
            let s = e.status
            counts[s.rawValue, default: 0] += 1
            guard s != .gray else { continue }
            total += e.spec.weight
            switch s {
            case .green: good += e.spec.weight
            case .yellow: good += 0.5 * e.spec.weight; anyDegraded = true
            case .red:
                anyDegraded = true
                if e.spec.group == .p0 { redP0.append(e.spec.id) }
            case .gray: break
            }
        }
        let score = total > 0 ? 100 * good / total : 0
        let overall: HealthStatus
        if total == 0 {
            overall = .gray
        } else if !redP0.isEmpty || score < policy.redBelowPct {
            overall = .red
        } else if anyDegraded || score < policy.greenFromPct {
            overall = .yellow
        } else {
            overall = .green
        }
        return HealthSummary(scorePct: score, overall: overall, counts: counts,
                             ts: ISO8601Millis.string(fromMillis: atMs), redP0: redP0)
    }

    // MARK: components

    /// Rows for `/api/ui/health/components`, in registration order; nil filters match everything.
    public func components(scope: ScopeFilter = .all, kind: ComponentKind? = nil,
                           group: ComponentGroup? = nil) -> [HealthComponentView] {
        entries.filter { e in
            (scope == .all || effectiveScope(e).level == scope)
                && (kind == nil || e.spec.kind == kind) && (group == nil || e.spec.group == group)
        }.map(view)
    }

    private func effectiveScope(_ e: Entry) -> HealthScope { e.check.scope ?? e.spec.scope }

    private func view(_ e: Entry) -> HealthComponentView {
        let check = e.spec.enabled ? e.check
            : HealthCheck(status: .gray, reasonCode: "DISABLED", reasonTextRu: "компонент выключен в профиле",
                          hintRu: "Включите его в профиле, если он нужен")
        return HealthComponentView(
            componentId: e.spec.id, title: e.spec.titleRu, group: e.spec.group, type: e.spec.kind,
            status: e.status, weight: e.spec.weight, enabled: e.spec.enabled, reasonCode: check.reasonCode,
            reasonTextRu: check.reasonTextRu, hintRu: check.hintRu,
            lastErrorAt: e.lastErrorMs.map(ISO8601Millis.string(fromMillis:)),
            updatedAt: e.updatedMs.map(ISO8601Millis.string(fromMillis:)),
            metrics: check.metrics, scope: effectiveScope(e), links: e.spec.links)
    }

    // MARK: history

    /// Keeps the current score and colours as one history sample; the runtime calls it on a fixed cadence.
    public mutating func recordSample(atMs: Int64) {
        let s = summary(atMs: atMs)
        samples.append(HealthSample(atMs: atMs, scorePct: s.scorePct, overall: s.overall,
                                    statuses: Dictionary(uniqueKeysWithValues: entries.map { ($0.spec.id, $0.status) })))
    }

    /// Samples in `[fromMs, toMs)` grouped into buckets of `bucketMs` aligned to the epoch, oldest first; empty
    /// buckets are left out.
    public func history(fromMs: Int64, toMs: Int64, bucketMs: Int64) -> HealthHistory {
        let bucket = max(1, bucketMs)
        var byStart: [Int64: [HealthSample]] = [:]
        for sample in samples.elements where sample.atMs >= fromMs && sample.atMs < toMs {
            byStart[sample.atMs - ((sample.atMs % bucket) + bucket) % bucket, default: []].append(sample)
        }
        let points = byStart.keys.sorted().map { start in
            let group = byStart[start]!
            var worst: [String: HealthStatus] = [:]
            for sample in group {
                for (id, st) in sample.statuses where st.severity >= (worst[id]?.severity ?? 0) { worst[id] = st }
            }
            return HealthHistoryPoint(
                ts: ISO8601Millis.string(fromMillis: start),
                scorePct: group.map(\.scorePct).reduce(0, +) / Double(group.count),
                scorePctMin: group.map(\.scorePct).min() ?? 0,
                overall: group.map(\.overall).max { $0.severity < $1.severity } ?? .gray,
                components: worst, samples: group.count)
        }
        return HealthHistory(from: ISO8601Millis.string(fromMillis: fromMs), to: ISO8601Millis.string(fromMillis: toMs),
                             bucketMs: bucket, points: points)
    }
}
