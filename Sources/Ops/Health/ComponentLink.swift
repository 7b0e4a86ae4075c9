/// A link on a status card (metrics, logs, runbook).
public struct ComponentLink: Sendable, Hashable, Codable {
    public var title: String
    public var href: String

    /// A link.
    public init(title: String, href: String) { self.title = title; self.href = href }
}
