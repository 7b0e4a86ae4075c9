import PropCore

/// The pure order state machine: one event in, the order updated (or left exactly as it was) and a
/// `StepResult` out. Never traps on what a venue sends: contradictions come back as `IllegalTransition`.
///
/// Ordering rules, because venues deliver out of order and twice:
/// - a fill may arrive before the ack (`new`/`sent`/`unknown` → `partiallyFilled`/`filled`);
/// - a fill is booked once per `FillReport.dedupKey`, whether it came by stream or REST;
/// - a non-final report never moves an order back: with less filled quantity than known, or after a final
///   state but not newer than the last venue update (`updateMs`), it is stale and ignored; a strictly newer
///   non-final report after a final state is illegal;
/// - a cancel is only a request; a fill racing it is kept, and the venue's final status decides
///   (`canceled` with the filled quantity kept, or `filled` when the fills completed the order).
public enum OrderStateMachine {
    /// Applies one event to `order`.
    public static func step(_ order: inout TrackedOrder, _ event: OrderEvent, nowNs: UInt64) -> StepResult {
        switch event {
        case .sent: sent(&order, event, nowNs)
        case .resent: resent(&order, nowNs)
        case .placeFailed(let outcome): placeFailed(&order, outcome, event, nowNs)
        case .report(let r): report(&order, r, event, nowNs)
        case .fill(let f): fill(&order, f, event, nowNs)
        case .cancelRequested: cancelRequested(&order, nowNs)
        case .placeTimedOut: placeTimedOut(&order, nowNs)
        case .notFoundOnVenue: notFound(&order, nowNs)
        }
    }

    // MARK: Our own actions and inferences

    static func sent(_ o: inout TrackedOrder, _ e: OrderEvent, _ now: UInt64) -> StepResult {
        switch o.state {
        case .new: return StepResult(transition: move(&o, to: .sent, cause: "sent", now))
        case .sent, .unknown: return .ignored("order_already_sent")
        // The venue's answer can overtake our own bookkeeping of the send.
        default: return .ignored("order_already_acknowledged")
        }
    }

    static func resent(_ o: inout TrackedOrder, _ now: UInt64) -> StepResult {
        guard o.state == .sent || o.state == .unknown else { return StepResult(illegal: .resendNotAllowed(o)) }
        o.resends += 1
        return StepResult(transition: move(&o, to: .sent, cause: "resend", now))
    }

    static func placeFailed(_ o: inout TrackedOrder, _ outcome: PlaceOutcome, _ e: OrderEvent, _ now: UInt64) -> StepResult {
        let undecided = o.state.progress <= 1
        switch outcome {
        case .rejected(let code), .denied(let code):
            if undecided {
                o.lastReasonCode = code
                return StepResult(transition: move(&o, to: .rejected, cause: "reject", now))
            }
            if o.state == .rejected { return .ignored("order_already_final") }
            return StepResult(illegal: .placeAnswerConflict(o, e))
        case .unresolved:
            guard undecided else { return .ignored("order_already_acknowledged") }
            guard o.state != .unknown else { return .ignored("order_already_unknown") }
            o.lastReasonCode = "place_unresolved"
            return StepResult(transition: move(&o, to: .unknown, cause: "place_unresolved", now))
        case .duplicate:
            guard undecided else { return .ignored("order_already_acknowledged") }
            o.lastReasonCode = OrderReason.duplicateClientOrderId
            return StepResult(transition: move(&o, to: .unknown, cause: "duplicate", now))
        }
    }

    static func cancelRequested(_ o: inout TrackedOrder, _ now: UInt64) -> StepResult {
        if o.state.isFinal { return .ignored("order_already_final") }
        if o.cancelRequested { return .ignored("order_cancel_already_requested") }
        o.cancelRequested = true
        return StepResult(transition: move(&o, to: o.state, cause: "cancel_req", now))
    }

    static func placeTimedOut(_ o: inout TrackedOrder, _ now: UInt64) -> StepResult {
        // `new` too: an intent the executor never reported as sent is as uncertain as one on the wire.
        guard o.state == .sent || o.state == .new else { return .ignored("order_not_awaiting_place_answer") }
        o.lastReasonCode = OrderReason.placeTimeout
        return StepResult(transition: move(&o, to: .unknown, cause: "place_timeout", now))
    }

    static func notFound(_ o: inout TrackedOrder, _ now: UInt64) -> StepResult {
        if o.state.isFinal { return .ignored("order_already_final") }
        o.lastReasonCode = OrderReason.notFoundOnVenue
        // Never acknowledged ⇒ never placed. Acknowledged but gone ⇒ no longer resting; fills already seen are kept.
        let target: OrderState = o.state.progress <= 1 ? .rejected : .canceled
        return StepResult(transition: move(&o, to: target, cause: OrderReason.notFoundOnVenue, now))
    }

    // MARK: Bookkeeping

    /// Changes state (possibly to the same one), keeps deadlines consistent with it, and records history.
    static func move(_ o: inout TrackedOrder, to target: OrderState, from: OrderState? = nil, cause: String, _ now: UInt64) -> OrderTransition {
        let t = OrderTransition(clientOrderId: o.clientOrderId, from: from ?? o.state, to: target,
                                filledQty: o.filledQty, cause: cause, atNs: now)
        o.state = target
        if target != .sent { o.placeDeadlineNs = nil }
        if target != .unknown { o.queryDeadlineNs = nil }
        if target.isFinal { o.cancelDeadlineNs = nil; o.cancelCheckPending = false }
        o.record(t)
        return t
    }
}
