public import Engine
public import PropCore

/// What the order path tells its observer (the strategy): every new fill of a tracked order, then every
/// order that reached a final state. Fills are delivered before the final state they lead to, and a late fill
/// (fetched after a cancel) still arrives.
public enum ExecutionUpdate: Sendable, Hashable {
    /// An intent was journalled under this client id (before its first byte goes out), so the observer knows
    /// the id before any fill of it can arrive on the same stream.
    case journaled(clientOrderId: String, parentId: String?, why: String)
    case fill(FillReport)
    /// A funding payment the venue booked on our position (+ received, − paid, USDT).
    case funding(instrument: InstrumentId, amount: Qty, tsMs: Int64)
    /// `state` is final (filled, canceled, rejected, expired); `code` is the venue's or our reason code when
    /// there is one.
    /// `filledQty` is the order's filled quantity as the venue counts it (its fills may still follow).
    case final(clientOrderId: String, state: OrderState, code: String?, filledQty: Qty)
}

extension OrderExecutor {
    /// The update stream (created on the first call; unbounded, so no fill is ever dropped for a slow reader).
    public func observe() -> AsyncStream<ExecutionUpdate> {
        if let existing = observer { return existing.stream }
        let (stream, sink) = AsyncStream.makeStream(of: ExecutionUpdate.self, bufferingPolicy: .unbounded)
        observer = (stream, sink)
        return stream
    }

    /// Passes what the order manager concluded to the observer, if there is one.
    func notify(_ outcome: ApplyOutcome) {
        guard let sink = observer?.sink else { return }
        for fill in outcome.newFills { sink.yield(.fill(fill)) }
        for t in outcome.transitions where t.to.isFinal {
            let order = manager.order(t.clientOrderId)
            sink.yield(.final(clientOrderId: t.clientOrderId, state: t.to, code: order?.lastReasonCode,
                              filledQty: order?.filledQty ?? t.filledQty))
        }
    }
}
