public import PropCore

/// Tracks every one of our orders by client order id and turns events into commands. A plain struct:
/// single-threaded, no I/O, no clock of its own (time comes in as `nowNs`, monotonic nanoseconds), so the
/// same inputs always give the same outputs — in live trading, in replay and in tests.
///
/// Safety rules it enforces: a timed-out or unresolved place is resolved by a query by client order id,
/// never by a new id; the same id may be re-sent only after the venue said it does not know it (at most
/// `maxResends` times, never for orders restored after a restart, never once a cancel was requested);
/// an order whose state is uncertain stays tracked and is queried until the venue answers.
public struct OrderManager: Sendable {
    /// Deadlines and retry bounds.
    public var settings: OrderManagerSettings
    var byId: [String: TrackedOrder] = [:]
    /// Client ids in submission order, so every listing and timer sweep is deterministic.
    var sequence: [String] = []

    public init(settings: OrderManagerSettings = OrderManagerSettings()) { self.settings = settings }

    // MARK: Placing

    /// Registers `request` as `new` and returns `.place`: the caller journals the intent, THEN sends, then calls
    /// `markSent`. A client id already tracked is refused with an `.alert` (ids are never reused for new orders).
    public mutating func submit(_ request: OrderRequest, parentId: String?, nowNs: UInt64) -> OrderCommand {
        let id = request.clientOrderId
        guard byId[id] == nil else {
            return .alert(code: "order_duplicate_submit",
                          messageRu: "Заказ \(id): client order id уже используется (поле clientOrderId); новый заказ не выставлен. Это ошибка генератора id — сообщите разработчикам.")
        }
        var order = TrackedOrder(request: request, parentId: parentId)
        // If the executor never reports the send, the intent is as uncertain as a send with no answer.
        order.placeDeadlineNs = nowNs &+ settings.placeTimeoutNs
        order.record(OrderTransition(clientOrderId: id, from: .new, to: .new, filledQty: .zero, cause: "place", atNs: nowNs))
        byId[id] = order
        sequence.append(id)
        return .place(request)
    }

    /// The place request (or a `.resend`) went on the wire: state `sent`, answer due within `placeTimeoutMs`.
    @discardableResult
    public mutating func markSent(_ clientOrderId: String, nowNs: UInt64) -> ApplyOutcome {
        var out = ApplyOutcome()
        guard byId[clientOrderId]?.state == .new else {
            if byId[clientOrderId] == nil { out.ignored.append(IgnoredEvent(clientOrderId: clientOrderId, code: "order_not_tracked")) }
            return out
        }
        run(clientOrderId, .sent, nowNs, &out)
        byId[clientOrderId]?.placeDeadlineNs = nowNs &+ settings.placeTimeoutNs
        return out
    }

    /// The answer to a place (or resend). A report is applied like a stream event; `.unresolved` and
    /// `.duplicate` leave the order `unknown` and ask for a `.query` by the same client id.
    public mutating func placeResult(_ clientOrderId: String, _ result: Result<OrderReport, PlaceOutcome>, nowNs: UInt64) -> ApplyOutcome {
        var out = ApplyOutcome()
        guard let order = tracked(clientOrderId, &out) else { return out }
        switch result {
        case .success(let report):
            run(clientOrderId, .report(report), nowNs, &out)
        case .failure(let outcome):
            run(clientOrderId, .placeFailed(outcome), nowNs, &out)
            if out.transitions.last?.to == .unknown { out.commands.append(query(order, nowNs)) }
        }
        return out
    }

    /// The tracked order `clientOrderId`, or nil after noting the answer as ignored (`order_not_tracked`).
    private func tracked(_ clientOrderId: String, _ out: inout ApplyOutcome) -> TrackedOrder? {
        if let order = byId[clientOrderId] { return order }
        out.ignored.append(IgnoredEvent(clientOrderId: clientOrderId, code: "order_not_tracked"))
        return nil
    }

    // MARK: Cancelling

    /// Asks for a cancel (`.cancel`), or nil when there is nothing to do: the order is final, or a cancel
    /// is already in flight and not overdue. An untracked id returns an `.alert`.
    public mutating func requestCancel(_ clientOrderId: String, nowNs: UInt64) -> OrderCommand? {
        guard let order = byId[clientOrderId] else {
            return .alert(code: "order_not_tracked",
                          messageRu: "Отмена заказа \(clientOrderId): такой client order id не отслеживается (поле clientOrderId); отмена не отправлена. Проверьте id или выполните сверку с биржей.")
        }
        if order.state.isFinal { return nil }
        if order.cancelRequested, let due = order.cancelDeadlineNs, due > nowNs { return nil }
        var out = ApplyOutcome()
        run(clientOrderId, .cancelRequested, nowNs, &out)
        byId[clientOrderId]?.cancelDeadlineNs = nowNs &+ settings.cancelTimeoutNs
        byId[clientOrderId]?.cancelCheckPending = false
        return .cancel(order.instrument, clientOrderId: clientOrderId)
    }

    /// Cancels every live order on `venue`, or everywhere when nil.
    public mutating func cancelAll(venue: Venue?, nowNs: UInt64) -> [OrderCommand] {
        openOrders(venue: venue).compactMap { requestCancel($0.clientOrderId, nowNs: nowNs) }
    }

    /// The answer to a cancel. A report is applied; "unknown order" or a refusal asks for a `.query` (the order
    /// may have filled, or never existed) and re-cancels if it is still live; unresolved waits for the deadline.
    public mutating func cancelResult(_ clientOrderId: String, _ result: Result<OrderReport, CancelOutcome>, nowNs: UInt64) -> ApplyOutcome {
        var out = ApplyOutcome()
        guard let order = tracked(clientOrderId, &out) else { return out }
        switch result {
        case .success(let report):
            run(clientOrderId, .report(report), nowNs, &out)
        case .failure(.unknownOrder):
            if !order.state.isFinal {
                byId[clientOrderId]?.cancelCheckPending = true
                out.commands.append(query(order, nowNs))
            }
        case .failure(.rejected(let code)):
            out.commands.append(.alert(code: "order_cancel_rejected",
                                       messageRu: "Заказ \(clientOrderId): биржа отказала в отмене (код \(code)); заказ остаётся активным, бот запрашивает его состояние и повторит отмену. Если повторяется — отмените вручную на бирже."))
            if !order.state.isFinal {
                byId[clientOrderId]?.cancelCheckPending = true
                out.commands.append(query(order, nowNs))
            }
        case .failure(.unresolved):
            break
        }
        return out
    }

    // MARK: Reading

    /// The tracked order with this client id.
    public func order(_ clientOrderId: String) -> TrackedOrder? { byId[clientOrderId] }

    /// Every order not in a final state (including `unknown`) on `venue`, or everywhere when nil, in submission order.
    public func openOrders(venue: Venue?) -> [TrackedOrder] {
        sequence.compactMap { byId[$0] }.filter { !$0.state.isFinal && (venue == nil || $0.request.venue == venue) }
    }

    /// Orders the venue may or may not have (`new`, `sent`, `unknown`): must be resolved before trusting positions.
    public func unresolvedOrders() -> [TrackedOrder] {
        sequence.compactMap { byId[$0] }.filter { $0.state.progress <= 1 }
    }

    /// Every tracked order, in submission order.
    public var allOrders: [TrackedOrder] { sequence.compactMap { byId[$0] } }

    /// Number of tracked orders per state.
    public var counts: [OrderState: Int] {
        var c: [OrderState: Int] = [:]
        for o in byId.values { c[o.state, default: 0] += 1 }
        return c
    }

    /// Number of tracked orders.
    public var count: Int { byId.count }
}
