/// What `CommandService` publishes to subscribers (SSE stream, Telegram alerts, the runtime).
public enum ControlEvent: Sendable, Hashable {
    /// The control state or its HOLD reasons changed.
    case transition(TransitionRecord)
    /// Risk level, leverage, limits, universe or config changed (the new snapshot).
    case settingsChanged(ControlSnapshot)
    /// A two-man request is waiting.
    case approvalRequested(PendingApproval)
    /// A request was approved, rejected or expired.
    case approvalResolved(id: String, resolution: ApprovalResolution, by: String)

    /// How a request ended.
    public enum ApprovalResolution: String, Sendable, Hashable {
        case approved, rejected, expired
    }

    /// SSE event name.
    public var name: String {
        switch self {
        case .transition: "control.transition"
        case .settingsChanged: "control.settings"
        case .approvalRequested: "approval.requested"
        case .approvalResolved: "approval.resolved"
        }
    }
}
