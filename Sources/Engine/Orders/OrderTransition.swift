public import PropCore

/// One accepted change of an order: state and/or filled quantity, with its cause.
public struct OrderTransition: Sendable, Hashable {
    public var clientOrderId: String
    /// State before (a final state when an order concluded "not placed" reappears).
    public var from: OrderState
    /// State after (equal to `from` when only the filled quantity or the cancel flag changed).
    public var to: OrderState
    /// Filled quantity after the change.
    public var filledQty: Qty
    /// What caused it (stable code, e.g. `ack`, `fill`, `cancel_req`, `place_timeout`).
    public var cause: String
    /// Monotonic time of the change, ns.
    public var atNs: UInt64

    public init(clientOrderId: String, from: OrderState, to: OrderState, filledQty: Qty, cause: String, atNs: UInt64) {
        self.clientOrderId = clientOrderId; self.from = from; self.to = to
        self.filledQty = filledQty; self.cause = cause; self.atNs = atNs
    }
}

/// An event that contradicts what we know about an order. The order is left as it was (except that a real,
/// distinct fill is always booked), and the operator is told why in Russian.
public struct IllegalTransition: Sendable, Hashable {
    public var clientOrderId: String
    /// The order's state when the event arrived.
    public var state: OrderState
    /// `OrderEvent.name` of the refused event.
    public var event: String
    /// Stable code for logs and metrics.
    public var code: String
    /// Operator text in Russian: what was refused, the field, and what to do.
    public var reasonRu: String

    public init(clientOrderId: String, state: OrderState, event: String, code: String, reasonRu: String) {
        self.clientOrderId = clientOrderId; self.state = state; self.event = event; self.code = code; self.reasonRu = reasonRu
    }
}

/// What one `OrderStateMachine.step` did.
public struct StepResult: Sendable, Hashable {
    /// The accepted change, if anything changed.
    public var transition: OrderTransition?
    /// A fill seen for the first time: book it (fees, position). Set even when the state does not move.
    public var newFill: FillReport?
    /// The event was refused as contradictory.
    public var illegal: IllegalTransition?
    /// Nothing to do (duplicate, stale, already known): the stable code says which.
    public var ignoredCode: String?

    public init(transition: OrderTransition? = nil, newFill: FillReport? = nil,
                illegal: IllegalTransition? = nil, ignoredCode: String? = nil) {
        self.transition = transition; self.newFill = newFill; self.illegal = illegal; self.ignoredCode = ignoredCode
    }

    static func ignored(_ code: String) -> StepResult { StepResult(ignoredCode: code) }
}
