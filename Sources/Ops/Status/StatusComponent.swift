/// A card on the System Status page (§10.1 `components[]`).
public struct StatusComponent: Sendable, Hashable, Encodable {
    public var id: String
    public var title: String
    public var group: ComponentGroup
    public var status: StatusLevel
    /// One line in Russian: the check's reason text.
    public var summary: String
    public var metrics: [String: Double]
    public var links: [ComponentLink]
}
