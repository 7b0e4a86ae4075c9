/// One row of `GET /api/ui/health/components`.
public struct HealthComponentView: Sendable, Hashable, Encodable {
    public var componentId: String
    public var title: String
    public var group: ComponentGroup
    public var type: ComponentKind
    public var status: HealthStatus
    public var weight: Double
    public var enabled: Bool
    public var reasonCode: String
    public var reasonTextRu: String
    public var hintRu: String
    /// Last time the component was YELLOW or RED, ISO-8601; nil if never.
    public var lastErrorAt: String?
    /// Last check, ISO-8601; nil before the first.
    public var updatedAt: String?
    public var metrics: [String: Double]
    public var scope: HealthScope
    public var links: [ComponentLink]

    enum CodingKeys: String, CodingKey {
        case componentId = "component_id"
        case title, group, type, status, weight, enabled
        case reasonCode = "reason_code"
        case reasonTextRu = "reason_text_ru"
        case hintRu = "hint_ru"
        case lastErrorAt = "last_error_at"
        case updatedAt = "updated_at"
        case metrics, scope, links
    }

    /// Nulls are written out (`"last_error_at": null`) so the UI sees every field.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(componentId, forKey: .componentId)
        try c.encode(title, forKey: .title)
        try c.encode(group, forKey: .group)
        try c.encode(type, forKey: .type)
        try c.encode(status, forKey: .status)
        try c.encode(weight, forKey: .weight)
        try c.encode(enabled, forKey: .enabled)
        try c.encode(reasonCode, forKey: .reasonCode)
        try c.encode(reasonTextRu, forKey: .reasonTextRu)
        try c.encode(hintRu, forKey: .hintRu)
        try c.encode(lastErrorAt, forKey: .lastErrorAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(metrics, forKey: .metrics)
        try c.encode(scope, forKey: .scope)
        try c.encode(links, forKey: .links)
    }
}
