/// One audit event as the caller describes it, before it is numbered and chained.
public struct AuditEntry: Sendable, Hashable {
    /// Wall-clock milliseconds since the Unix epoch.
    public var wallMs: Int64
    /// Who: an operator name, `system` for the runtime, or `anonymous`/`unknown` for failed logins.
    public var actor: String
    /// What: a stable snake_case action name (`pause`, `set_risk_level`, `approve`, `login`, `transition`…).
    public var action: String
    /// On what, when it matters (approval id, instrument, field); nil otherwise.
    public var target: String?
    /// How it ended.
    public var outcome: AuditOutcome
    /// Details as one JSON object (never secrets or token text); `{}` when there are none.
    public var detailJSON: String

    /// An entry.
    public init(wallMs: Int64, actor: String, action: String, target: String? = nil, outcome: AuditOutcome,
                detailJSON: String = "{}") {
        self.wallMs = wallMs; self.actor = Self.storable(actor); self.action = Self.storable(action)
        self.target = target.map(Self.storable); self.outcome = outcome; self.detailJSON = Self.storable(detailJSON)
    }

    /// SQLite text ends at a NUL byte, so a stored field would read back shorter than what was hashed and the
    /// chain would look tampered with (seen under API fuzzing): NUL is written out as `\u0000`.
    static func storable(_ text: String) -> String {
        text.utf8.contains(0) ? text.replacingOccurrences(of: "\u{0}", with: "\\u0000") : text
    }
}
