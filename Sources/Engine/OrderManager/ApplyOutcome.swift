public import PropCore

/// Everything one call into the order manager produced, for the executor to journal and act on.
public struct ApplyOutcome: Sendable, Hashable {
    /// Accepted changes, in the order they happened.
    public var transitions: [OrderTransition] = []
    /// Fills seen for the first time: journal them, then book them (each appears once across stream and REST).
    public var newFills: [FillReport] = []
    /// Refused contradictory events (also raised as `.alert` commands).
    public var illegal: [IllegalTransition] = []
    /// Duplicates and stale events that changed nothing: (client order id, reason code).
    public var ignored: [IgnoredEvent] = []
    /// Events about client order ids we do not track: orphan candidates for reconciliation, never a crash.
    public var foreign: [PrivateStreamEvent] = []
    /// Client order ids whose venue-reported filled quantity exceeds the fills booked: fetch their fills.
    public var fillsMissing: [String] = []
    /// What to do next.
    public var commands: [OrderCommand] = []

    public init() {}
}

/// An event that changed nothing, and why.
public struct IgnoredEvent: Sendable, Hashable {
    public var clientOrderId: String
    /// Stable code (`order_fill_duplicate`, `order_report_stale`, …).
    public var code: String

    public init(clientOrderId: String, code: String) { self.clientOrderId = clientOrderId; self.code = code }
}
