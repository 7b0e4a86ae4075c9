import PropCore

/// Everything `/status` shows about control: state, HOLD reasons, the operator's standing instruction,
/// run-time settings and pending approvals. Encodes to snake_case JSON for the API and the stream.
public struct ControlSnapshot: Sendable, Hashable, Encodable {
    /// A pending approval as shown to operators (the command by name and its parameters; no secrets).
    public struct Waiting: Sendable, Hashable, Encodable {
        public var id: String
        public var action: String
        public var detail: [String: String]
        public var requestedBy: String
        public var expiresAt: String

        enum CodingKeys: String, CodingKey {
            case id, action, detail
            case requestedBy = "requested_by"
            case expiresAt = "expires_at"
        }
    }

    public var profile: ProfileKind
    public var state: ControlState
    public var stateRu: String
    public var killPhase: KillPhase?
    public var holdReasons: [HoldReason]
    public var instruction: OperatorInstruction
    public var riskLevel: Int
    public var leverage: LeverageSetting
    public var limits: Limits
    public var universe: [String]
    public var pendingApprovals: [Waiting]
    /// The configuration version in force (its `rollback_token` undoes the last apply).
    public var config: ConfigVersion
    /// Wall-clock time of the snapshot, ISO-8601.
    public var ts: String

    enum CodingKeys: String, CodingKey {
        case profile, state
        case stateRu = "state_ru"
        case killPhase = "kill_phase"
        case holdReasons = "hold_reasons"
        case instruction
        case riskLevel = "risk_level"
        case leverage, limits, universe
        case pendingApprovals = "pending_approvals"
        case config, ts
    }
}
