/// Everything `configs/status_thresholds.yaml` sets (§10.3), after the profile's `status:` overrides.
public struct StatusThresholds: Sendable, Hashable, Codable {
    /// Group score colouring, P0…P3.
    public var groups: [ComponentGroup: GroupThreshold]
    /// Overall health colour.
    public var health: HealthPolicy
    /// SLO targets per site.
    public var slo: [SLOSite: SLOTargets]
    /// Windows, hold rules and the exception budget.
    public var sloPolicy: SLOPolicy

    /// Thresholds.
    public init(groups: [ComponentGroup: GroupThreshold], health: HealthPolicy, slo: [SLOSite: SLOTargets], sloPolicy: SLOPolicy) {
        self.groups = groups; self.health = health; self.slo = slo; self.sloPolicy = sloPolicy
    }

    /// The shipped defaults; `configs/status_thresholds.yaml` repeats them (a test keeps the two equal).
    public static let defaults = StatusThresholds(
        groups: [.p0: GroupThreshold(ok: 0.99, warn: 0.90), .p1: GroupThreshold(ok: 0.95, warn: 0.80),
                 .p2: GroupThreshold(ok: 0.90, warn: 0.70), .p3: GroupThreshold(ok: 0.80, warn: 0.50)],
        health: HealthPolicy(), slo: [.local: .local, .vps: .vps], sloPolicy: SLOPolicy())

    /// Colouring of a group.
    public func threshold(_ g: ComponentGroup) -> GroupThreshold {
        groups[g] ?? Self.defaults.groups[g] ?? GroupThreshold(ok: 1, warn: 0)
    }

    /// SLO targets of a site.
    public func targets(_ site: SLOSite) -> SLOTargets { slo[site] ?? .defaults(for: site) }

    /// An SLO engine for the site with these targets and policy.
    public func makeSLOEngine(site: SLOSite, maxClockSkewMs: Int) -> SLOEngine {
        SLOEngine(site: site, targets: targets(site), policy: sloPolicy, maxClockSkewMs: maxClockSkewMs)
    }
}
