public import PropCore

extension OrderManager {
    /// Applies the venue's answer to a query by client order id (after a timeout, a duplicate answer, a stream
    /// reconnect or a restart). `venueAnswer == nil` means the venue does not know the order:
    /// - never acknowledged (`new`/`sent`/`unknown`): re-sent with the SAME id while resends remain (not for
    ///   restored orders, not once a cancel was requested), otherwise `rejected` with reason
    ///   `not_found_on_venue` — "never placed"; should the venue report it later, it is tracked again;
    /// - acknowledged: "not found" right after an ack is not believed at once; it is re-checked, and after
    ///   `maxResends` further such answers the order is `canceled` (reason `not_found_on_venue`), fills kept;
    /// - final: nothing to do (venues archive old orders).
    public mutating func reconcile(_ clientOrderId: String, venueAnswer: OrderReport?, nowNs: UInt64) -> ApplyOutcome {
        var out = ApplyOutcome()
        guard let order = byId[clientOrderId] else {
            if let r = venueAnswer { out.foreign.append(.order(r)) } else {
                out.ignored.append(IgnoredEvent(clientOrderId: clientOrderId, code: "order_not_tracked"))
            }
            return out
        }
        guard let report = venueAnswer else {
            notFound(order, nowNs, &out)
            return out
        }
        run(clientOrderId, .report(report), nowNs, &out)
        guard let after = byId[clientOrderId], !after.state.isFinal, after.state != .unknown else { return out }
        byId[clientOrderId]?.notFoundAnswers = 0
        byId[clientOrderId]?.queryDeadlineNs = nil
        let cancelOverdue = after.cancelDeadlineNs.map { $0 <= nowNs } ?? true
        if after.cancelRequested, after.cancelCheckPending || cancelOverdue {
            out.commands.append(recancel(after, nowNs))
        }
        return out
    }

    /// Replaces nothing: adds orders rebuilt from the journal after a restart and returns a `.query` for every
    /// one not in a final state. Deadlines from the previous run are meaningless (another monotonic clock) and
    /// are dropped; `new`/`sent` orders become `unknown` (the crash may have come before or after the send).
    @discardableResult
    public mutating func restore(_ orders: [TrackedOrder], nowNs: UInt64) -> [OrderCommand] {
        var commands: [OrderCommand] = []
        for var order in orders {
            let id = order.clientOrderId
            guard byId[id] == nil else {
                commands.append(.alert(code: "order_restore_duplicate",
                                       messageRu: "Восстановление: заказ \(id) встречается в журнале дважды (поле clientOrderId); оставлена первая запись. Выполните propbot db check."))
                continue
            }
            order.restored = true
            order.placeDeadlineNs = nil; order.queryDeadlineNs = nil; order.cancelDeadlineNs = nil
            if order.state == .new || order.state == .sent {
                let t = OrderTransition(clientOrderId: id, from: order.state, to: .unknown, filledQty: order.filledQty, cause: "restored", atNs: nowNs)
                order.state = .unknown
                order.record(t)
            }
            if order.cancelRequested, !order.state.isFinal { order.cancelCheckPending = true }
            byId[id] = order
            sequence.append(id)
            if !order.state.isFinal { commands.append(query(order, nowNs)) }
        }
        return commands
    }

    /// Drops final orders from memory (after they are journalled) and returns them. Later events for them
    /// arrive as `foreign`, which reconciliation reports rather than books twice.
    public mutating func removeFinalOrders() -> [TrackedOrder] {
        let done = sequence.compactMap { byId[$0] }.filter { $0.state.isFinal && !$0.isInferredNotPlaced }
        for o in done { byId[o.clientOrderId] = nil }
        sequence.removeAll { byId[$0] == nil }
        return done
    }

    // MARK: Helpers

    mutating func notFound(_ order: TrackedOrder, _ nowNs: UInt64, _ out: inout ApplyOutcome) {
        let id = order.clientOrderId
        if order.state.isFinal {
            out.ignored.append(IgnoredEvent(clientOrderId: id, code: "order_final_not_on_venue"))
            return
        }
        if order.state.progress <= 1 {
            if !order.restored, !order.cancelRequested, order.resends < settings.maxResends {
                run(id, .resent, nowNs, &out)
                byId[id]?.placeDeadlineNs = nowNs &+ settings.placeTimeoutNs
                out.commands.append(.resend(order.request))
                return
            }
        } else {
            byId[id]?.notFoundAnswers += 1
            if (byId[id]?.notFoundAnswers ?? 0) <= settings.maxResends {
                byId[id]?.queryDeadlineNs = nowNs &+ settings.placeTimeoutNs
                out.ignored.append(IgnoredEvent(clientOrderId: id, code: "order_not_found_will_recheck"))
                return
            }
        }
        run(id, .notFoundOnVenue, nowNs, &out)
        let final = byId[id]?.state.rawValue ?? "-"
        out.commands.append(.alert(code: "order_not_found_on_venue",
                                   messageRu: "Заказ \(id): биржа не знает этот client order id (поле clientOrderId) — заказ считается невыставленным, состояние \(final). Если он всё же появится на бирже, бот снова начнёт его отслеживать; проверьте позицию по инструменту \(order.instrument)."))
    }

    /// A cancel sent again for an order still live after its cancel deadline.
    mutating func recancel(_ order: TrackedOrder, _ nowNs: UInt64) -> OrderCommand {
        byId[order.clientOrderId]?.cancelDeadlineNs = nowNs &+ settings.cancelTimeoutNs
        byId[order.clientOrderId]?.cancelCheckPending = false
        return .cancel(order.instrument, clientOrderId: order.clientOrderId)
    }
}
