public import PropCore

/// A venue that never leaves the process: orders fill locally against live books (the `paper` profile).
/// The order manager and journal use it like any `VenueTradingAPI`; `events` is its private stream.
///
/// Model (deterministic: same settings, same seed and the same sequence of calls ⇒ same events and ids):
/// - Time is paper time: the latest `onBook` receive time or `advance(nowMs:)`; with a `TimeSource` (live use)
///   every call also advances it to the wall clock.
/// - Latency: an order submitted at t reaches the matching engine at t + `latencyMs`. Until then the venue does
///   not know it (query/cancel answer `.unknownOrder`). Books received before t + latency are what it meets;
///   `place` answers only once the order arrived (a venue's REST reply comes from its matching engine).
/// - On arrival: reduce-only that would open or increase a position ⇒ `.reduceOnlyRejected`; post-only that
///   would take ⇒ `.postOnlyWouldTake`; not enough margin (notional / leverage + taker fee) ⇒ `.insufficientMargin`;
///   market/IOC/FOK without a book ⇒ `.invalidOrder`. Otherwise it takes liquidity best level first within its
///   limit (partial fills per level, taker fee); FOK takes all or nothing; the rest of market/IOC/FOK expires
///   (Binance `expired`, OKX/Bybit `canceled`); a limit rest rests with a queue position equal to the quantity
///   displayed at its price on arrival. Liquidity we took stays used until the next book of the instrument.
/// - Resting: fills in full (maker) when the opposite side reaches its price; otherwise decreases of the displayed
///   quantity at its price count as executions ahead of it, and only the part exceeding the queue fills it.
/// - Fees maker/taker per venue, one-way net positions, wallet from `startingBalance`; duplicate client id ⇒
///   `.duplicateClientOrderId`; unknown order ⇒ `.unknownOrder`. Cancels and amends act at once (no latency).
/// - Per execution the stream carries `.fill`, `.order`, `.position`, `.balance`, in that order.
public actor PaperTradingVenue: VenueTradingAPI {
    public nonisolated let venue: Venue
    /// Settings it was created with.
    public nonisolated let settings: PaperSettings
    /// The private stream: `.connected` first, then order, fill, position and balance events as they happen.
    public nonisolated let events: AsyncStream<PrivateStreamEvent>
    private let sink: AsyncStream<PrivateStreamEvent>.Continuation
    private let time: (any TimeSource)?
    private var exchange: PaperExchange
    private var waiting: [String: CheckedContinuation<Result<OrderReport, VenueOrderError>, Never>] = [:]
    private var answered: [String: Result<OrderReport, VenueOrderError>] = [:]

    /// A paper venue. Without `time` it is driven only by `onBook` and `advance` (tests, replay); with it,
    /// calls also advance paper time to `time.wallMillis()` and `place` waits out the latency itself.
    public init(settings: PaperSettings, time: (any TimeSource)? = nil) {
        self.venue = settings.venue
        self.settings = settings
        self.time = time
        self.exchange = PaperExchange(settings: settings)
        (events, sink) = AsyncStream.makeStream(of: PrivateStreamEvent.self, bufferingPolicy: .unbounded)
        sink.yield(.connected(venue: settings.venue))
    }

    // MARK: - Driving

    /// A new state of `instrument`'s book (orders due before `book.receivedMs` arrive against the previous one).
    public func onBook(_ instrument: InstrumentId, _ book: PaperBook) {
        catchUpWithClock()
        exchange.apply(book, for: instrument)
        flush()
    }

    /// Moves paper time forward to `nowMs` (orders whose latency elapsed arrive; the dead-man switch may fire).
    public func advance(nowMs: Int64) {
        exchange.advance(to: nowMs)
        flush()
    }

    /// Current paper time (Unix ms).
    public var nowMs: Int64 { exchange.nowMs }

    /// Orders submitted but not yet at the matching engine.
    public var ordersInFlight: Int { exchange.pendingIds.count }

    /// Ends the private stream.
    public func close() { sink.finish() }

    // MARK: - VenueTradingAPI

    public func place(_ order: OrderRequest) async throws(VenueOrderError) -> OrderReport {
        catchUpWithClock()
        try exchange.submit(order).get()
        answered[order.clientOrderId] = nil   // a stale answer to an abandoned earlier use of this id
        exchange.advance(to: exchange.nowMs)
        flush()
        return try await answer(for: order.clientOrderId).get()
    }

    public func placeBatch(_ orders: [OrderRequest]) async throws(VenueOrderError) -> [Result<OrderReport, VenueOrderError>] {
        catchUpWithClock()
        let submitted = orders.map { exchange.submit($0) }
        for (order, submission) in zip(orders, submitted) where (try? submission.get()) != nil { answered[order.clientOrderId] = nil }
        exchange.advance(to: exchange.nowMs)
        flush()
        var results: [Result<OrderReport, VenueOrderError>] = []
        for (order, submission) in zip(orders, submitted) {
            switch submission {
            case .failure(let error): results.append(.failure(error))
            case .success: results.append(await answer(for: order.clientOrderId))
            }
        }
        return results
    }

    public func cancel(instrument: InstrumentId, clientOrderId: String) async throws(VenueOrderError) -> OrderReport {
        catchUpWithClock()
        let result = exchange.cancel(instrument: instrument, clientOrderId: clientOrderId)
        flush()
        return try result.get()
    }

    public func cancelBatch(instrument: InstrumentId, clientOrderIds: [String]) async throws(VenueOrderError)
        -> [Result<OrderReport, VenueOrderError>] {
        catchUpWithClock()
        let results = clientOrderIds.map { exchange.cancel(instrument: instrument, clientOrderId: $0) }
        flush()
        return results
    }

    public func cancelAll(instrument: InstrumentId?) async throws(VenueOrderError) {
        catchUpWithClock()
        exchange.cancelAll(instruments: instrument.map { [$0] })
        flush()
    }

    public func amend(instrument: InstrumentId, clientOrderId: String, newPrice: Price?, newQty: Qty?) async throws(VenueOrderError)
        -> OrderReport {
        catchUpWithClock()
        let result = exchange.amend(instrument: instrument, clientOrderId: clientOrderId, newPrice: newPrice, newQty: newQty)
        flush()
        return try result.get()
    }

    public func queryOrder(instrument: InstrumentId, clientOrderId: String) async throws(VenueOrderError) -> OrderReport {
        catchUpWithClock()
        return try exchange.query(instrument: instrument, clientOrderId: clientOrderId).get()
    }

    public func openOrders(instrument: InstrumentId?) async throws(VenueOrderError) -> [OrderReport] {
        catchUpWithClock()
        return exchange.openOrders(instrument: instrument)
    }

    public func fills(instrument: InstrumentId, sinceMs: Int64) async throws(VenueOrderError) -> [FillReport] {
        exchange.fills(instrument: instrument, sinceMs: sinceMs)
    }

    public func positions() async throws(VenueOrderError) -> [PositionReport] { exchange.positions() }

    public func balances() async throws(VenueOrderError) -> [BalanceReport] { [exchange.balanceReport()] }

    public func armDeadManSwitch(timeoutMs: Int64, instruments: [InstrumentId]) async throws(VenueOrderError) {
        catchUpWithClock()
        exchange.armDeadMan(timeoutMs: timeoutMs, instruments: instruments)
        flush()
    }

    /// Paper time is local time: the offset is 0.
    public func syncServerTime() async throws(VenueOrderError) -> Int64 { 0 }

    // MARK: - Internals

    private func catchUpWithClock() {
        if let time { exchange.advance(to: time.wallMillis()) }
    }

    /// Hands new events to the stream and answers to the `place` calls waiting for them.
    private func flush() {
        for event in exchange.outbox { sink.yield(event) }
        exchange.outbox.removeAll()
        for (id, result) in exchange.arrivals {
            if let waiter = waiting.removeValue(forKey: id) {
                waiter.resume(returning: result)
            } else {
                answered[id] = result
            }
        }
        exchange.arrivals.removeAll()
    }

    /// The matching engine's answer to a submitted order, once it arrived. Live: sleeps out the latency and
    /// advances the clock itself. Manual: suspends until `advance`/`onBook` brings paper time past the arrival.
    private func answer(for id: String) async -> Result<OrderReport, VenueOrderError> {
        if let ready = answered.removeValue(forKey: id) { return ready }
        if let time {
            while true {
                let due = exchange.orders[id]?.liveAtMs ?? exchange.nowMs
                do {
                    try await Task.sleep(for: .milliseconds(max(1, due - time.wallMillis())))
                } catch {
                    return .failure(.unresolved(venue: venue, path: "paper/place",
                                                detail: "ожидание ответа прервано; статус ордера \(id) выяснится запросом"))
                }
                exchange.advance(to: time.wallMillis())
                flush()
                if let ready = answered.removeValue(forKey: id) { return ready }
            }
        }
        // A cancelled caller gets "unresolved" (the order may still arrive) instead of waiting forever.
        return await withTaskCancellationHandler {
            await withCheckedContinuation { waiting[id] = $0 }
        } onCancel: {
            Task { await self.abandonWait(for: id) }
        }
    }

    /// Answers a cancelled `place` that is still waiting: its outcome is unknown to the caller.
    private func abandonWait(for id: String) {
        guard let waiter = waiting.removeValue(forKey: id) else { return }
        waiter.resume(returning: .failure(.unresolved(venue: venue, path: "paper/place",
                                                      detail: "ожидание ответа прервано; статус ордера \(id) выяснится запросом")))
    }
}
