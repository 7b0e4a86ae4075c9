import PropCore

/// An alert on the status page and in the stream (§10.1 `alerts[]`).
public struct StatusAlert: Sendable, Hashable, Encodable {
    /// How bad: `info`, `warn`, `error`, `critical`.
    public enum Severity: String, Sendable, Hashable, CaseIterable, Codable {
        case info, warn, error, critical
    }

    public var severity: Severity
    /// Stable code (`SLO_BREACH`, `COMPONENT_RED`) for de-duplication and Telegram.
    public var code: String
    public var title: String
    public var msg: String
    /// When the condition began, ISO-8601.
    public var since: String
    public var componentId: String

    /// An alert.
    public init(severity: Severity, code: String, title: String, msg: String, sinceMs: Int64, componentId: String) {
        self.severity = severity; self.code = code; self.title = title; self.msg = msg
        self.since = ISO8601Millis.string(fromMillis: sinceMs); self.componentId = componentId
    }

    enum CodingKeys: String, CodingKey {
        case severity, code, title, msg, since
        case componentId = "component_id"
    }
}
