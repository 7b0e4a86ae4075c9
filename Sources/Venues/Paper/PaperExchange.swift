import PropCore

/// The deterministic core of the paper venue: orders, books, account and the event outbox, changed only by
/// explicit calls (`submit`, `advance`, `apply`, `cancel`…). Same settings + same call sequence ⇒ same events
/// and ids. `PaperTradingVenue` owns one and turns its outbox into the private stream.
struct PaperExchange: Sendable {
    /// Taker liquidity used on one level since the instrument's last book (side of the taking order, level price).
    struct ConsumedKey: Hashable, Sendable {
        var side: OrderSide
        var price: Price
    }

    let settings: PaperSettings
    /// Paper time (Unix ms): the latest of every book receive time and `advance` seen; never goes back.
    private(set) var nowMs: Int64 = 0
    private(set) var books: [InstrumentId: PaperBook] = [:]
    var consumed: [InstrumentId: [ConsumedKey: Qty]] = [:]
    /// Every order the venue knows (open and final) plus submitted ones still in flight, by client id.
    private(set) var orders: [String: PaperOrder] = [:]
    /// Client ids of open live orders.
    private(set) var openIds: Set<String> = []
    /// Client ids submitted but not yet live, in arrival order (latency is constant and time monotonic).
    private(set) var pendingIds: [String] = []
    var fills: [FillReport] = []
    var account: PaperAccount
    private var nextSeq: Int64 = 0
    private var nextTrade: Int64 = 0
    private var deadMan: (deadlineMs: Int64, instruments: Set<InstrumentId>)?
    /// Private-stream events not yet delivered, oldest first.
    var outbox: [PrivateStreamEvent] = []
    /// Answers to placements that reached the matching engine, oldest first.
    var arrivals: [(clientOrderId: String, result: Result<OrderReport, VenueOrderError>)] = []

    init(settings: PaperSettings) {
        self.settings = settings
        self.account = PaperAccount(startingBalance: settings.startingBalance)
    }

    var venue: Venue { settings.venue }
    private var idPrefix: String { "P\(settings.seed)" }

    // MARK: - Time and books

    /// Moves paper time to `t`: orders whose latency has elapsed arrive (in arrival order, each at its own
    /// arrival time), and an expired dead-man switch cancels its orders.
    mutating func advance(to t: Int64) {
        while true {
            let arrival = pendingIds.first.flatMap { orders[$0] }.map(\.liveAtMs)
            let deadline = deadMan?.deadlineMs
            let next = [arrival, deadline].compactMap { $0 }.min()
            guard let next, next <= t else { break }
            nowMs = max(nowMs, next)
            if let arrival, arrival == next {
                arrive(pendingIds.removeFirst())
            } else if let d = deadMan {
                deadMan = nil
                cancelAll(instruments: d.instruments.isEmpty ? nil : d.instruments)
            }
        }
        nowMs = max(nowMs, t)
    }

    /// A new state of `instrument`'s book received at `book.receivedMs`. Orders due before then arrive against
    /// the previous book first; then resting orders learn what changed at their price (see `updateResting`).
    mutating func apply(_ book: PaperBook, for instrument: InstrumentId) {
        advance(to: book.receivedMs)
        let previous = books[instrument]
        books[instrument] = book
        consumed[instrument] = nil
        let resting = openIds.compactMap { orders[$0] }
            .filter { $0.request.instrument == instrument && $0.isResting }
            .sorted { $0.seq < $1.seq }
        for order in resting { updateResting(order.request.clientOrderId, previous: previous, book: book) }
    }

    // MARK: - Order entry

    /// Accepts an order for arrival `latencyMs` from now, or refuses it at once (malformed, duplicate client id).
    mutating func submit(_ r: OrderRequest) -> Result<Void, VenueOrderError> {
        if let problem = validate(r) { return .failure(problem) }
        guard orders[r.clientOrderId] == nil else {
            return .failure(.duplicateClientOrderId(venue: venue, clientOrderId: r.clientOrderId))
        }
        nextSeq += 1
        let order = PaperOrder(request: r, venueOrderId: "\(idPrefix)O\(nextSeq)", seq: nextSeq,
                               liveAtMs: nowMs + settings.latencyMs, nowMs: nowMs)
        orders[r.clientOrderId] = order
        pendingIds.append(r.clientOrderId)
        return .success(())
    }

    private func validate(_ r: OrderRequest) -> VenueOrderError? {
        func invalid(_ code: String, _ text: String) -> VenueOrderError { .invalidOrder(venue: venue, code: code, message: text) }
        if r.instrument.venue != venue {
            return invalid("paper_wrong_venue", "инструмент \(r.instrument) не относится к бумажной бирже \(venue.canonicalName)")
        }
        if r.qty <= .zero { return invalid("paper_qty", "поле qty должно быть больше нуля, получено \(r.qty)") }
        if r.type == .limit, (r.price ?? .zero) <= .zero {
            return invalid("paper_price", "лимитному ордеру нужно поле price больше нуля")
        }
        if r.type == .market, r.timeInForce == .postOnly {
            return invalid("paper_post_only_market", "рыночный ордер не может быть post-only (поле timeInForce)")
        }
        if r.clientOrderId.isEmpty { return invalid("paper_client_id", "пустое поле clientOrderId") }
        return nil
    }

    /// Writes `order` back and keeps the open-order index in step with its state.
    mutating func store(_ order: PaperOrder) {
        let id = order.request.clientOrderId
        orders[id] = order
        if order.isOpen { openIds.insert(id) } else { openIds.remove(id) }
    }

    /// Forgets an order the matching engine refused (the venue keeps no record; the id may be used again).
    mutating func drop(_ id: String, because error: VenueOrderError) {
        orders[id] = nil
        openIds.remove(id)
        arrivals.append((id, .failure(error)))
    }

    /// Moves an open order to a final `status` and reports it on the stream.
    mutating func finish(_ id: String, _ status: VenueOrderStatus) {
        guard var order = orders[id], order.isOpen else { return }
        order.status = status
        order.updateMs = nowMs
        store(order)
        outbox.append(.order(order.report))
    }

    /// Next unique trade id.
    mutating func makeTradeId() -> String {
        nextTrade += 1
        return "\(idPrefix)T\(nextTrade)"
    }

    // MARK: - Cancel, amend, dead-man switch

    /// Cancels one open order; `.unknownOrder` if it is not open on the venue (final, unknown or still in flight).
    mutating func cancel(instrument: InstrumentId, clientOrderId id: String) -> Result<OrderReport, VenueOrderError> {
        guard let order = orders[id], order.request.instrument == instrument, order.isOpen else {
            return .failure(.unknownOrder(venue: venue, clientOrderId: id))
        }
        finish(id, .canceled)
        return .success(orders[id]?.report ?? order.report)
    }

    /// Cancels every open order on `instruments` (all when nil), oldest first.
    mutating func cancelAll(instruments: Set<InstrumentId>?) {
        let ids = openIds.compactMap { orders[$0] }
            .filter { instruments?.contains($0.request.instrument) ?? true }
            .sorted { $0.seq < $1.seq }
            .map(\.request.clientOrderId)
        for id in ids { finish(id, .canceled) }
    }

    /// Arms the dead-man switch for `timeoutMs` from now (0 disarms); empty `instruments` covers all.
    mutating func armDeadMan(timeoutMs: Int64, instruments: [InstrumentId]) {
        deadMan = timeoutMs > 0 ? (nowMs + timeoutMs, Set(instruments)) : nil
    }
}
