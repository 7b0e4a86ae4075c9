public import Engine
public import Journal
public import Logging
public import PropCore
public import Venues

/// The order path's I/O half: journal before wire, then the venue, then the order manager.
///
/// Every place is journalled (fsynced, with the deterministic client id derived from its own journal
/// sequence) before a byte goes out; every fill is journalled before anything acts on it; every answer that
/// is not definite leaves the order `unknown` and is resolved by querying the venue by client id. The
/// deterministic `OrderManager` decides; this actor performs and records.
public actor OrderExecutor {
    /// Fencing epoch written into every row and client id.
    public nonisolated let epoch: UInt32
    let writer: JournalWriter
    /// The journal's database (the strategy's arbitrage records live there too).
    public nonisolated var database: JournalDatabase { writer.database }
    let venues: [Venue: any VenueTradingAPI]
    let time: any TimeSource
    let logger: Logger
    public nonisolated let crashHook: CrashHook?
    let metrics: ExecutionMetrics?
    let settings: ExecutionSettings
    var manager: OrderManager
    /// Fill de-dup keys already journalled (the database's unique index is the durable guard).
    var bookedFills: Set<String> = []
    /// Operator-visible alerts, newest last, bounded.
    public private(set) var alerts: [ExecutionAlert] = []
    /// Why new orders are refused; empty = none.
    public private(set) var holdReasons: [String] = []
    /// False until restart recovery finished clean: no new orders before that.
    public internal(set) var tradingAllowed = false
    /// When each venue's private stream dropped (wall ms), while it is down.
    var disconnectedAtMs: [Venue: Int64] = [:]
    /// The pending cancel-on-disconnect per venue (cancelled at shutdown).
    var disconnectTimers: [Venue: Task<Void, Never>] = [:]
    /// Orders seen on venues that the journal does not know, found and cancelled.
    public internal(set) var orphansCancelled: [OrderReport] = []
    /// SLO observations for the health monitor (`takeSLOSamples()`).
    var sloSamples = SLOSampleBuffer()
    /// The strategy's update stream, once `observe()` was called.
    var observer: (stream: AsyncStream<ExecutionUpdate>, sink: AsyncStream<ExecutionUpdate>.Continuation)?

    public init(epoch: UInt32, writer: JournalWriter, venues: [Venue: any VenueTradingAPI], settings: ExecutionSettings,
                time: any TimeSource = SystemTimeSource(), logger: Logger, crashHook: CrashHook? = nil,
                metrics: ExecutionMetrics? = nil) {
        self.epoch = epoch; self.writer = writer; self.venues = venues; self.settings = settings
        self.time = time; self.logger = logger; self.crashHook = crashHook; self.metrics = metrics
        manager = OrderManager(settings: settings.orderManager)
    }

    // MARK: placing

    /// Journals the intent, then sends it. See `PlaceResult` for the outcomes.
    public func place(_ draft: OrderDraft, parentId: String? = nil, why: String = "strategy") async -> PlaceResult {
        let started = nowNs
        let result = await placeOnce(draft, parentId: parentId, why: why)
        let elapsed = nowNs &- started
        metrics?.placed(draft.instrument.venue, result, nanos: elapsed)
        metrics?.unresolved.record(manager.unresolvedOrders().count)
        let atMs = time.wallMillis()
        switch result {
        case .accepted:
            sloSamples.append(.orderCycle(ms: Double(elapsed) / 1e6, atMs: atMs))
            sloSamples.append(.orderOutcome(rejected: false, atMs: atMs))
        case .rejected: sloSamples.append(.orderOutcome(rejected: true, atMs: atMs))
        case .denied, .unresolved: break
        }
        return result
    }

    /// The SLO observations since the last call (the health monitor feeds them to the SLO engine).
    func takeSLOSamples() -> [SLOSampleBuffer.Sample] { sloSamples.take() }

    func placeOnce(_ draft: OrderDraft, parentId: String?, why: String) async -> PlaceResult {
        let api: any VenueTradingAPI
        switch admit(draft.instrument.venue) {
        case .failure(let denied): return denied.result
        case .success(let a): api = a
        }
        switch await journalIntent(draft, parentId: parentId, why: why) {
        case .failure(let denied): return denied.result
        case .success(let request): return await send(request, api: api)
        }
    }

    /// The venue's client if a new order may go there now; otherwise why not (HOLD, recovery pending, not connected).
    func admit(_ venue: Venue) -> Result<any VenueTradingAPI, Denied> {
        if let reason = holdReasons.first {
            return .failure(Denied(result: .denied(code: "hold", messageRu: "Заказ не выставлен: торговля остановлена (HOLD): \(reason)")))
        }
        guard tradingAllowed else {
            return .failure(Denied(result: .denied(code: "recovery_pending",
                                                   messageRu: "Заказ не выставлен: сверка с биржами после запуска ещё не завершена")))
        }
        guard let api = venues[venue] else {
            return .failure(Denied(result: .denied(code: "venue_disabled",
                                                   messageRu: "Заказ не выставлен: биржа \(venue.canonicalName) не подключена")))
        }
        return .success(api)
    }

    /// A place that ended before the wire, as an error so `Result` can carry it.
    struct Denied: Error { let result: PlaceResult }

    /// Commits the intent (fsync; the client id comes from its own journal sequence) and registers the order.
    func journalIntent(_ draft: OrderDraft, parentId: String?, why: String) async -> Result<OrderRequest, Denied> {
        crash(.beforeJournalCommit)
        let details = IntentDetails(side: draft.side, type: draft.type, timeInForce: draft.timeInForce,
                                    reduceOnly: draft.reduceOnly, why: why)
        let intent = JournalEntry(kind: .place, reason: details.encoded, venue: draft.instrument.venue,
                                  instrument: draft.instrument, clientOrderId: "", parentId: parentId,
                                  price: draft.price, qty: draft.qty, wallMs: time.wallMillis(),
                                  monoNs: time.monotonicNanos(), epoch: epoch)
        let receipt: JournalWriter.IntentReceipt
        do { receipt = try await writer.appendIntent(intent) } catch {
            raise("journal_write_failed", "Заказ не выставлен: журнал не записал намерение (\(error.messageRu)); торговля остановлена")
            hold("журнал недоступен")
            return .failure(Denied(result: .denied(code: "journal_write_failed", messageRu: error.messageRu)))
        }
        crash(.afterJournalCommit)
        observer?.sink.yield(.journaled(clientOrderId: receipt.clientOrderId, parentId: parentId, why: why))
        let request = draft.request(clientOrderId: receipt.clientOrderId)
        if case .alert(let code, let text) = manager.submit(request, parentId: parentId, nowNs: nowNs) {
            raise(code, text)
            return .failure(Denied(result: .denied(code: code, messageRu: text)))
        }
        return .success(request)
    }

    /// Sends (or re-sends, same id) a tracked request and applies the answer.
    func send(_ request: OrderRequest, api: any VenueTradingAPI) async -> PlaceResult {
        manager.markSent(request.clientOrderId, nowNs: nowNs)
        crash(.beforeSend)
        let result: Result<OrderReport, VenueOrderError>
        do { result = .success(try await api.place(request)) } catch { result = .failure(error) }
        crash(.afterSend)
        return await applyPlaceAnswer(request.clientOrderId, result)
    }

    /// Feeds a place answer to the order manager (which journals the outcome) and says how the place ended.
    func applyPlaceAnswer(_ id: String, _ result: Result<OrderReport, VenueOrderError>) async -> PlaceResult {
        switch result {
        case .success(let report):
            await absorb(manager.placeResult(id, .success(report), nowNs: nowNs))
        case .failure(let error):
            let outcome = Self.placeOutcome(error)
            // A definite "no" is journalled by the manager's move to `rejected`; the rest is resolved by a query.
            if error.outcome == .unresolved || outcome == .duplicate {
                logger.warning("place unresolved", metadata: ["client_order_id": "\(id)", "code": "\(error.code)"])
            }
            await absorb(manager.placeResult(id, .failure(outcome), nowNs: nowNs))
            if case .rejected = outcome { return .rejected(clientOrderId: id, error) }
            if case .denied = outcome { return .denied(code: error.code, messageRu: error.messageRu) }
        }
        let state = manager.order(id)?.state ?? .unknown
        if state == .unknown || state == .sent {
            return .unresolved(clientOrderId: id, reason: "нет определённого ответа биржи; статус уточняется запросом по client id")
        }
        if state == .rejected, case .failure(let e) = result { return .rejected(clientOrderId: id, e) }
        return .accepted(clientOrderId: id, state: state)
    }

    static func placeOutcome(_ error: VenueOrderError) -> PlaceOutcome {
        if case .duplicateClientOrderId = error { return .duplicate }
        switch error.outcome {
        case .rejected: return .rejected(code: error.code)
        case .denied: return .denied(code: error.code)
        case .unresolved: return .unresolved(reason: error.code)
        }
    }

    // MARK: cancelling

    /// Requests a cancel of one tracked order; false when there is nothing to cancel.
    @discardableResult
    public func cancel(clientOrderId: String) async -> Bool {
        guard let command = manager.requestCancel(clientOrderId, nowNs: nowNs) else { return false }
        await execute(command)
        return true
    }

    /// Cancels every open order on `venue` (all venues when nil): each tracked order by id, then the venue's
    /// cancel-all to catch anything untracked. Returns the number of tracked orders asked to cancel.
    @discardableResult
    public func cancelAll(venue: Venue?, reason: String) async -> Int {
        let commands = manager.cancelAll(venue: venue, nowNs: nowNs)
        for command in commands { await execute(command) }
        for (v, api) in venues where venue == nil || v == venue {
            do { try await api.cancelAll(instrument: nil) } catch {
                raise("cancel_all_failed", "Отмена всех ордеров на \(v.canonicalName) (\(reason)) не подтверждена: \(error.messageRu)")
            }
        }
        return commands.count
    }

    // MARK: events

    /// One event from a private stream (or a REST answer turned into an event).
    public func handle(_ event: PrivateStreamEvent) async {
        switch event {
        case .fill(let fill):
            crash(.beforeFillCommit)
            await journalFill(fill)
            await absorb(manager.apply(event, nowNs: nowNs))
        case .order:
            await absorb(manager.apply(event, nowNs: nowNs))
        case .disconnected(let venue, let reason):
            streamDropped(venue, reason: reason)
        case .connected(let venue):
            // Back now: clear the drop mark before the queries below, so the cancel-on-disconnect timer cannot
            // fire while they run.
            let droppedAtMs = streamRestored(venue)
            await absorb(manager.apply(event, nowNs: nowNs))
            if let droppedAtMs { await resynchronize(venue, sinceMs: droppedAtMs - 60_000) }
        case .funding(let instrument, let amount, let tsMs):
            // Booked by the strategy's portfolio, once per instrument and settlement time.
            observer?.sink.yield(.funding(instrument: instrument, amount: amount, tsMs: tsMs))
        case .position, .balance:
            break
        }
    }

    /// Deadlines: timed-out places and cancels are queried (never re-sent under a new id).
    public func tick() async {
        for command in manager.onTimer(nowNs: nowNs) { await execute(command) }
    }

    // MARK: reading

    /// Every tracked order.
    public var orders: [TrackedOrder] { manager.allOrders }
    /// A tracked order by client id.
    public func order(_ clientOrderId: String) -> TrackedOrder? { manager.order(clientOrderId) }
    /// Orders whose outcome is not known yet.
    public var unresolvedOrders: [TrackedOrder] { manager.unresolvedOrders() }

    // MARK: hold and alerts

    /// Refuses new orders until cleared (e.g. a forbidden withdraw/transfer request was attempted).
    public func hold(_ reason: String) {
        if !holdReasons.contains(reason) { holdReasons.append(reason) }
        metrics?.hold.record(1)
        logger.critical("HOLD", metadata: ["reason": "\(reason)"])
    }

    func raise(_ code: String, _ messageRu: String) {
        alerts.append(ExecutionAlert(code: code, messageRu: messageRu, wallMs: time.wallMillis()))
        if alerts.count > 500 { alerts.removeFirst(alerts.count - 500) }
        logger.error("execution alert", metadata: ["code": "\(code)", "message": "\(messageRu)"])
    }

    var nowNs: UInt64 { time.monotonicNanos() }

    func crash(_ point: CrashPoint) { crashHook?(point) }
}
