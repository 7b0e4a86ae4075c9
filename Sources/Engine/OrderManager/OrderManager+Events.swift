public import PropCore

extension OrderManager {
    /// Applies one private-stream event. Events for client ids we do not track come back in `foreign`
    /// (orphan candidates); a stream (re)connect asks for a `.query` of every live order on that venue,
    /// because venues do not replay what was missed while it was down.
    public mutating func apply(_ event: PrivateStreamEvent, nowNs: UInt64) -> ApplyOutcome {
        var out = ApplyOutcome()
        switch event {
        case .order(let r):
            if byId[r.clientOrderId] != nil { run(r.clientOrderId, .report(r), nowNs, &out) } else { out.foreign.append(event) }
        case .fill(let f):
            if byId[f.clientOrderId] != nil { run(f.clientOrderId, .fill(f), nowNs, &out) } else { out.foreign.append(event) }
        case .connected(let venue):
            out.commands = openOrders(venue: venue).map { .query($0.instrument, clientOrderId: $0.clientOrderId) }
        case .disconnected, .position, .balance, .funding:
            break
        }
        return out
    }

    /// Runs one event through the state machine and collects what it produced.
    mutating func run(_ id: String, _ event: OrderEvent, _ nowNs: UInt64, _ out: inout ApplyOutcome) {
        guard var order = byId[id] else { return }
        let wasInferred = order.isInferredNotPlaced
        let result = OrderStateMachine.step(&order, event, nowNs: nowNs)
        byId[id] = order
        if let t = result.transition { out.transitions.append(t) }
        if let f = result.newFill { out.newFills.append(f) }
        if let code = result.ignoredCode { out.ignored.append(IgnoredEvent(clientOrderId: id, code: code)) }
        if let bad = result.illegal {
            out.illegal.append(bad)
            out.commands.append(.alert(code: bad.code, messageRu: bad.reasonRu))
        }
        if wasInferred, !order.isInferredNotPlaced {
            out.commands.append(.alert(code: "order_reappeared_on_venue",
                                       messageRu: "Заказ \(id): биржа сообщила о заказе, который раньше не нашла (поле clientOrderId); заказ снова отслеживается, состояние \(order.state.rawValue). Проверьте позицию и хедж по этой паре."))
            if order.cancelRequested, !order.state.isFinal { out.commands.append(recancel(order, nowNs)) }
        }
        if order.unbookedQty > .zero, !out.fillsMissing.contains(id) { out.fillsMissing.append(id) }
    }

    /// A `.query` for the order, with the next one due a place timeout later if it stays `unknown`.
    mutating func query(_ order: TrackedOrder, _ nowNs: UInt64) -> OrderCommand {
        byId[order.clientOrderId]?.queryDeadlineNs = nowNs &+ settings.placeTimeoutNs
        return .query(order.instrument, clientOrderId: order.clientOrderId)
    }
}
