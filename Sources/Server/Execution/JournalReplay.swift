import Engine
import Journal
import PropCore

/// Rebuilds what the journal knows after a restart: every order with its last journalled state and booked
/// fills, and the net position those fills imply per instrument.
struct JournalReplay {
    /// Orders in journal order.
    private(set) var orders: [TrackedOrder] = []
    /// Rows that could not be understood (a `place` row with unreadable details): reported, never guessed.
    private(set) var problems: [String] = []
    /// Σ signed fill quantity per instrument.
    private(set) var netPosition: [InstrumentId: Qty] = [:]
    /// Trade ids already booked, per `FillReport.dedupKey`.
    private(set) var fillKeys: Set<String> = []
    /// Latest journalled venue-fill wall time per venue (where to resume fetching fills from).
    private(set) var lastFillMs: [Venue: Int64] = [:]
    /// Earliest place time of an order that was not final per venue.
    private(set) var earliestOpenMs: [Venue: Int64] = [:]
    /// Largest sequence seen (the next intent's id is derived from a larger one).
    private(set) var lastSeq: Int64 = 0

    init(records: [JournalRecord]) {
        var index: [String: Int] = [:]
        var placedMs: [String: Int64] = [:]
        for record in records {
            lastSeq = max(lastSeq, record.seq)
            let e = record.entry
            if e.kind == .place {
                guard let details = e.reason.flatMap(IntentDetails.init(decoding:)), let instrument = e.instrument else {
                    problems.append("seq \(record.seq): строка place без параметров заказа (reason «\(e.reason ?? "")»)")
                    continue
                }
                let request = OrderRequest(clientOrderId: e.clientOrderId, instrument: instrument, side: details.side,
                                           type: details.type, timeInForce: details.timeInForce, price: e.price,
                                           qty: e.qty ?? .zero, reduceOnly: details.reduceOnly)
                index[e.clientOrderId] = orders.count
                placedMs[e.clientOrderId] = e.wallMs
                orders.append(TrackedOrder(request: request, parentId: e.parentId, state: .sent))
                continue
            }
            guard let i = index[e.clientOrderId] else {
                if e.kind == .partial || e.kind == .fill { bookForeignFill(e) }
                continue
            }
            var order = orders[i]
            apply(e, to: &order)
            orders[i] = order
        }
        for o in orders where !o.state.isFinal {
            let ms = placedMs[o.clientOrderId] ?? 0
            earliestOpenMs[o.instrument.venue] = min(earliestOpenMs[o.instrument.venue] ?? ms, ms)
        }
    }

    private mutating func apply(_ e: JournalEntry, to o: inout TrackedOrder) {
        if let v = e.venueOrderId { o.venueOrderId = v }
        switch e.kind {
        case .place: break
        case .ack:
            if !o.state.isFinal, o.state != .partiallyFilled { o.state = .acked }
        case .partial, .fill:
            guard let qty = e.qty, let price = e.price else { return }
            let key = Self.dedupKey(e)
            if let key {
                guard !o.fillKeys.contains(key) else { return }
                o.fillKeys.insert(key)
                fillKeys.insert(key)
            }
            o.bookedFillQty += qty
            o.bookedNotional += price.notional(qty)
            if o.filledQty < o.bookedFillQty { o.filledQty = o.bookedFillQty }
            if !o.state.isFinal { o.state = o.filledQty < o.request.qty ? .partiallyFilled : .filled }
            book(instrument: o.instrument, side: o.request.side, qty: qty, wallMs: e.wallMs)
        case .cancelRequest:
            o.cancelRequested = true
        case .canceled:
            o.state = .canceled
        case .reject:
            o.state = .rejected
            o.lastReasonCode = e.reason
        case .expire:
            o.state = .expired
        }
    }

    /// A fill of an order the journal has no intent for (an orphan that traded before it was cancelled).
    private mutating func bookForeignFill(_ e: JournalEntry) {
        guard let instrument = e.instrument, let qty = e.qty, let key = Self.dedupKey(e) else { return }
        guard !fillKeys.contains(key) else { return }
        fillKeys.insert(key)
        let side = e.reason.flatMap { OrderSide(rawValue: $0) } ?? .buy
        book(instrument: instrument, side: side, qty: qty, wallMs: e.wallMs)
    }

    private mutating func book(instrument: InstrumentId, side: OrderSide, qty: Qty, wallMs: Int64) {
        netPosition[instrument, default: .zero] += side == .buy ? qty : -qty
        lastFillMs[instrument.venue] = max(lastFillMs[instrument.venue] ?? 0, wallMs)
    }

    static func dedupKey(_ e: JournalEntry) -> String? {
        guard let tradeId = e.tradeId, let instrument = e.instrument else { return nil }
        return "\(instrument.venue.rawValue)|\(instrument)|\(tradeId)"
    }
}
