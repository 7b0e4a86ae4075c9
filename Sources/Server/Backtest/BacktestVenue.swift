import Engine
import MarketData
import PropCore
import Venues

/// The three simulated venues of a backtest: deterministic for a seed, driven only by explicit calls.
///
/// Model (after the paper venue's): an order or cancel reaches the matching engine after its venue's latency
/// (a seeded base of 2–8 ms per venue plus up to 1 ms seeded jitter per message; first in, first out per venue,
/// so a cancel never overtakes its order). On arrival an IOC walks the book as it is then, one fill per level
/// within its limit, and the rest is cancelled (Binance: expired); liquidity we took stays used until the
/// instrument's next book. A post-only order that would take is rejected; otherwise it rests with the displayed
/// quantity at its price ahead of it. A resting order fills in full when the opposite side reaches its price or a
/// trade prints through it; decreases of the displayed quantity at its price move it up the queue and what exceeds
/// the queue fills it (maker). Reduce-only orders that would not reduce are rejected, and fill at most the
/// position. Fees per venue maker/taker on price × quantity × contract value.
struct BacktestVenue: Sendable {
    /// A message on its way to a matching engine.
    struct Pending: Sendable {
        var dueNs: UInt64
        var seq: Int
        var clientOrderId: String
        var isCancel: Bool
    }

    let instruments: [BacktestInstrument]
    /// Base latency per venue (`Venue.allCases` order), ns.
    let latencyNs: [UInt64]
    var rng: SeededGenerator
    var orders: [String: BacktestOrder] = [:]
    /// Client ids of live resting orders per slot, oldest first.
    var resting: [[String]]
    /// Taker quantity we took per (side, price) since the slot's last book.
    var consumed: [[(buy: Bool, price: Int64, qty: Int64)]]
    /// Net position per slot in venue units at the book's qty scale (long > 0).
    var position: [Int64]
    /// In flight, in due order.
    var pending: [Pending] = []
    var lastDueNs: [UInt64]
    var nextSeq = 0
    var nextTrade = 0
    /// Answers and stream events not yet taken by the runner.
    var outbox: [BacktestVenueEvent] = []
    /// Executions made, by the venue's own count.
    var fillCount = 0
    var scratch: [BookLevel] = []

    /// Venues for `instruments` (engine slot order) with latencies drawn from `seed`.
    init(instruments: [BacktestInstrument], seed: UInt64) {
        self.instruments = instruments
        var rng = SeededGenerator(seed: seed ^ 0xB4C7_7E57_0000_0001)
        latencyNs = Venue.allCases.map { _ in 2_000_000 + rng.next() % 6_000_001 }
        self.rng = rng
        resting = Array(repeating: [], count: instruments.count)
        consumed = Array(repeating: [], count: instruments.count)
        position = Array(repeating: 0, count: instruments.count)
        lastDueNs = Array(repeating: 0, count: Venue.allCases.count)
    }

    /// Base latency of a venue, ns (the engine uses it to pick the slower venue for a resting leg).
    func latency(_ venue: Venue) -> UInt64 { latencyNs[Venue.allCases.firstIndex(of: venue) ?? 0] }

    /// Time the next in-flight message reaches its venue.
    var nextDueNs: UInt64? { pending.first?.dueNs }

    // MARK: order entry

    /// Sends a new order at `nowNs`; it reaches the venue after the latency.
    mutating func submit(_ r: OrderRequest, slot: Int, nowNs: UInt64) {
        let inst = instruments[slot]
        nextSeq += 1
        let price = r.price.map { BacktestInstrument.units($0, scale: inst.priceScale) } ?? 0
        orders[r.clientOrderId] = BacktestOrder(request: r, venueOrderId: "BT\(nextSeq)", slot: slot,
                                                priceScale: inst.priceScale, qtyScale: inst.qtyScale, priceUnits: price,
                                                qtyUnits: BacktestInstrument.units(r.qty, scale: inst.qtyScale),
                                                updateMs: Int64(nowNs / 1_000_000))
        schedule(r.clientOrderId, venue: r.venue, isCancel: false, nowNs: nowNs)
    }

    /// Sends a cancel at `nowNs`.
    mutating func cancel(_ clientOrderId: String, venue: Venue, nowNs: UInt64) {
        schedule(clientOrderId, venue: venue, isCancel: true, nowNs: nowNs)
    }

    /// The venue's answer to a query by client id: nil when it does not know the order (not arrived, refused).
    func query(_ clientOrderId: String) -> OrderReport? {
        guard let o = orders[clientOrderId], o.isLive else { return nil }
        return o.report
    }

    mutating func schedule(_ id: String, venue: Venue, isCancel: Bool, nowNs: UInt64) {
        let v = Venue.allCases.firstIndex(of: venue) ?? 0
        let due = max(nowNs + latencyNs[v] + rng.next() % 1_000_001, lastDueNs[v])
        lastDueNs[v] = due
        nextSeq += 1
        let p = Pending(dueNs: due, seq: nextSeq, clientOrderId: id, isCancel: isCancel)
        let at = pending.firstIndex { $0.dueNs > due } ?? pending.endIndex
        pending.insert(p, at: at)
    }

    /// Delivers the next in-flight message against `book` (the instrument's book as it is now).
    mutating func deliverNext(book: (Int) -> OrderBook?) {
        guard !pending.isEmpty else { return }
        let p = pending.removeFirst()
        guard let order = orders[p.clientOrderId] else { return }
        let nowMs = Int64(p.dueNs / 1_000_000)
        if p.isCancel { arriveCancel(p.clientOrderId, nowMs: nowMs) } else { arrive(p.clientOrderId, book: book(order.slot), nowMs: nowMs) }
    }

    mutating func arriveCancel(_ id: String, nowMs: Int64) {
        guard var o = orders[id], o.isOpen else {
            outbox.append(.cancelAnswer(clientOrderId: id, .failure(.unknownOrder)))
            return
        }
        o.status = .canceled
        o.updateMs = nowMs
        store(o)
        outbox.append(.cancelAnswer(clientOrderId: id, .success(o.report)))
    }

    /// Writes an order back and keeps the resting index in step.
    mutating func store(_ o: BacktestOrder) {
        let id = o.request.clientOrderId
        orders[id] = o
        if !o.isOpen, let i = resting[o.slot].firstIndex(of: id) { resting[o.slot].remove(at: i) }
    }

    mutating func makeTradeId() -> String {
        nextTrade += 1
        return "BTT\(nextTrade)"
    }
}
