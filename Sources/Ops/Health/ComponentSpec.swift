/// A component as registered: identity, place on the status page and weight in the health score.
public struct ComponentSpec: Sendable, Hashable {
    /// Stable id (`journal`, `md.binance`).
    public var id: String
    /// Card title in Russian.
    public var titleRu: String
    public var group: ComponentGroup
    public var kind: ComponentKind
    /// Weight in `score_pct`; P0 components weigh more so one red P0 pulls the score down hard.
    public var weight: Double
    /// Disabled components show GRAY and are excluded from the score (a venue switched off in the profile).
    public var enabled: Bool
    /// Registered scope (a venue's components carry the venue).
    public var scope: HealthScope
    public var links: [ComponentLink]

    /// A component.
    public init(id: String, titleRu: String, group: ComponentGroup, kind: ComponentKind, weight: Double,
                enabled: Bool = true, scope: HealthScope = .global, links: [ComponentLink] = []) {
        self.id = id; self.titleRu = titleRu; self.group = group; self.kind = kind; self.weight = weight
        self.enabled = enabled; self.scope = scope; self.links = links
    }
}
