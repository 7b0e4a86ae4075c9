public import PropCore

/// Every operator action. The HTTP API, the stream and Telegram build one of these and hand it to
/// `CommandService`; none of them changes state any other way.
public enum OperatorCommand: Sendable, Hashable {
    /// `/status`: the control snapshot.
    case status
    /// `/pause`.
    case pause
    /// `/start` / `/resume`.
    case resume
    /// `/hold [why]`.
    case hold(note: String?)
    /// `/safe_on`.
    case safeModeOn
    /// `/safe_off` (two-man in live).
    case safeModeOff
    /// `/kill`.
    case kill
    /// `/risk <0..100>` (raising: two-man in live).
    case setRiskLevel(Int)
    /// `/leverage off|on <max>` (raising the ceiling: two-man in live).
    case setLeverage(LeverageSetting)
    /// Change some limits (two-man in live).
    case setLimits(LimitsChange)
    /// `/addpair ID`: add an instrument to the traded universe (two-man in live).
    case universeAdd(InstrumentId)
    /// Remove an instrument from the traded universe.
    case universeRemove(InstrumentId)
    /// Apply a new profile text (validated first; two-man in live; admin).
    case configApply(yaml: String)
    /// Hedge every open imbalance now (`/api/control {"action": "hedge"}`): reduces risk, one operator.
    case hedge
    /// Go back to the profile before the last apply (admin); `token`, when given, must be that apply's rollback
    /// token, so a rollback never undoes a later change than the one its sender saw.
    case configRollback(token: String?)
    /// Approve a pending two-man request.
    case approve(id: String)
    /// Withdraw a pending two-man request.
    case reject(id: String)

    /// Stable snake_case name for audit, metrics and messages.
    public var action: String {
        switch self {
        case .status: "status"
        case .pause: "pause"
        case .resume: "resume"
        case .hold: "hold"
        case .safeModeOn: "safe_on"
        case .safeModeOff: "safe_off"
        case .kill: "kill"
        case .setRiskLevel: "set_risk_level"
        case .setLeverage: "set_leverage"
        case .setLimits: "set_limits"
        case .universeAdd: "universe_add"
        case .universeRemove: "universe_remove"
        case .configApply: "config_apply"
        case .configRollback: "config_rollback"
        case .hedge: "hedge"
        case .approve: "approve"
        case .reject: "reject"
        }
    }

    /// The lowest role that may issue (or approve) it.
    public var requiredRole: Role {
        switch self {
        case .status: .viewer
        case .configApply, .configRollback: .admin
        default: .operator
        }
    }

    /// Whether it changes anything (reads need only a viewer and may be anonymous locally).
    public var isMutating: Bool { self != .status }

    /// The control-machine input it maps to, for the state commands.
    var controlInput: ControlInput? {
        switch self {
        case .pause: .pause
        case .resume: .resume
        case .hold(let note): .hold(noteRu: note)
        case .safeModeOn: .safeModeOn
        case .safeModeOff: .safeModeOff
        case .kill: .kill
        default: nil
        }
    }

    /// Audit `target` and detail fields (never secrets: a config text is summarised by its hash and size).
    var auditTarget: String? {
        switch self {
        case .universeAdd(let id), .universeRemove(let id): id.description
        case .approve(let id), .reject(let id): id
        default: nil
        }
    }

    var auditDetail: [String: String] {
        switch self {
        case .hold(let note): note.map { ["note": $0] } ?? [:]
        case .setRiskLevel(let level): ["risk_level": String(level)]
        case .setLeverage(let setting): ["leverage": setting.text]
        case .setLimits(let change):
            Dictionary(uniqueKeysWithValues: change.values.map { ($0.key, String($0.value)) })
        case .configApply(let yaml): ["yaml_sha256": ConfigDigest.sha256Hex(yaml), "yaml_bytes": String(yaml.utf8.count)]
        case .configRollback(let token?): ["rollback_token": token]
        default: [:]
        }
    }
}
