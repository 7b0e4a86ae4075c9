/// `GET /api/ui/status/overview` (§10.1): overall colour, group scores, SLO block, cards and alerts.
public struct StatusOverview: Sendable, Hashable, Encodable {
    /// ISO-8601 UTC.
    public var ts: String
    public var overall: StatusLevel
    /// Group scores 0…1, keys `P0`…`P3`.
    public var scores: [String: Double]
    /// Group colours by the thresholds, keys `P0`…`P3` (an addition to the contract for the tabs).
    public var groupStatus: [String: StatusLevel]
    public var slo: SLOValues
    public var components: [StatusComponent]
    public var alerts: [StatusAlert]
    /// Control state (`hold`, `run`, …) for the header.
    public var state: ControlState
    /// SLO site (`local`/`vps`) for the header's profile badge.
    public var site: SLOSite

    enum CodingKeys: String, CodingKey {
        case ts, overall, scores
        case groupStatus = "group_status"
        case slo, components, alerts, state, site
    }
}

/// `GET /api/ui/status/components`: the cards (optionally one group) and the group scores.
public struct StatusComponentsPage: Sendable, Hashable, Encodable {
    public var ts: String
    public var group: ComponentGroup?
    public var scores: [String: Double]
    public var groupStatus: [String: StatusLevel]
    public var components: [StatusComponent]

    enum CodingKeys: String, CodingKey {
        case ts, group, scores
        case groupStatus = "group_status"
        case components
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ts, forKey: .ts)
        try c.encode(group, forKey: .group)
        try c.encode(scores, forKey: .scores)
        try c.encode(groupStatus, forKey: .groupStatus)
        try c.encode(components, forKey: .components)
    }
}
