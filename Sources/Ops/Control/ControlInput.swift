/// Everything that can move the control state machine: operator commands and runtime reports.
public enum ControlInput: Sendable, Hashable {
    // Operator commands.
    /// `/pause`: no new risk, keep positions.
    case pause
    /// `/start` or `/resume`: back to trading (RUN, or SAFE_MODE when it is armed).
    case resume
    /// `/hold`: no new orders; the note says why.
    case hold(noteRu: String?)
    /// `/safe_on`: reduced aggressiveness now (in RUN) or when trading resumes.
    case safeModeOn
    /// `/safe_off`: full aggressiveness now (in SAFE_MODE) or when trading resumes.
    case safeModeOff
    /// `/kill`: cancel all, flatten, HOLD.
    case kill

    // Runtime reports.
    /// An automatic HOLD reason (stale data, skew, recon mismatch, SLO breach, risk limit…).
    case raiseHold(HoldReason)
    /// A condition reason recovered (data fresh again, clock in sync, lease regained, startup checks passed).
    case clearCondition(HoldCode)
    /// KILL: every cancel is confirmed on every venue.
    case killCancelDone
    /// KILL: flattening finished; `residual` when some position could not be closed within limits.
    case killFlattenDone(residual: Bool)

    /// Stable snake_case name for records and audit.
    public var name: String {
        switch self {
        case .pause: "pause"
        case .resume: "resume"
        case .hold: "hold"
        case .safeModeOn: "safe_mode_on"
        case .safeModeOff: "safe_mode_off"
        case .kill: "kill"
        case .raiseHold: "raise_hold"
        case .clearCondition: "clear_condition"
        case .killCancelDone: "kill_cancel_done"
        case .killFlattenDone: "kill_flatten_done"
        }
    }

    /// Whether an operator (not the runtime) issues this input.
    public var isOperatorCommand: Bool {
        switch self {
        case .pause, .resume, .hold, .safeModeOn, .safeModeOff, .kill: true
        case .raiseHold, .clearCondition, .killCancelDone, .killFlattenDone: false
        }
    }
}
