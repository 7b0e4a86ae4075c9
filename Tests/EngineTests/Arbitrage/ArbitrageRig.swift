import Engine
import PropCore

/// What the test's venue does with one order the engine placed.
enum VenueAnswer: Equatable {
    /// Fills `qty` venue units (nil = all of it) at the order's limit, then the order is done.
    case fill(Qty? = nil)
    /// A definite no from the venue (nothing filled).
    case reject
    /// Done with nothing filled (an IOC that found no liquidity inside its limit).
    case expire
    /// No answer yet: the order rests or hangs until the test says more.
    case rest
}

/// Drives one `ArbitrageEngine` the way an adapter would: books as `DepthLevels`, a clock as plain numbers, and a
/// venue closure that answers every `.place` with fills and outcomes; the answers go straight back into the engine
/// (fills first, then the outcome), and everything the engine emits is logged in order.
struct ArbRig {
    var engine: ArbitrageEngine
    /// Wall clock in ms; the monotonic clock is the same number in ns (one clock, two units).
    var ms: Int64 = 1_000
    var depths: [Int: DepthLevels] = [:]
    /// Every command the engine emitted, in order.
    var log: [EngineCommand] = []
    /// The venue: how it answers each order. Default: fills everything.
    var venue: (LegOrder) -> VenueAnswer = { _ in .fill() }
    /// A cancel is confirmed by the venue at once as done (false: the cancel is ignored).
    var cancelsConfirm = true
    /// Orders the venue holds without a final answer.
    var resting: [LegKey: LegOrder] = [:]
    /// Every order placed, in order, with the time and the venue's book mid when it went out.
    var placements: [(order: LegOrder, ms: Int64, mid: Price?)] = []
    var trade = 0

    init(_ engine: ArbitrageEngine = ArbFx.engine(), margin: String? = "10000") {
        self.engine = engine
        if let margin { for venue in Venue.allCases { self.engine.setAvailableMargin(venue, ArbFx.q(margin)) } }
    }

    var nowNs: UInt64 { UInt64(ms) * 1_000_000 }
    func slot(_ venue: Venue) -> Int { engine.slot(of: ArbFx.rules(venue).id)! }

    // MARK: events

    /// A book update on `venue`; what the engine emits is answered by the venue.
    mutating func book(_ venue: Venue, bid: String, ask: String, baseQty: String = "5", valid: Bool = true) {
        let d = ArbFx.depth(venue, bid: bid, ask: ask, baseQty: baseQty)
        depths[slot(venue)] = d
        var out: [EngineCommand] = []
        let books = depths
        engine.onBook(slot: slot(venue), bid: d.bids.first?.price, ask: d.asks.first?.price, valid: valid, nowNs: nowNs,
                      wallMs: ms, depthOf: { s, n in
                          let b = books[s] ?? DepthLevels(bids: [], asks: [])
                          return DepthLevels(bids: Array(b.bids.prefix(n)), asks: Array(b.asks.prefix(n)))
                      },
                      into: &out)
        pump(out)
    }

    /// The usual three books: Binance 64 999.9 / 65 000.0, Bybit 65 000.0 / 65 000.1, OKX `okxBid` / +0.1 —
    /// with OKX at 65 200 the route buy Binance, sell OKX nets ≈ 19 bps after fees and buffer.
    mutating func books(okxBid: String = "65200.0", venues: [Venue] = [.binance, .bybit, .okx]) {
        for v in venues {
            switch v {
            case .binance: book(.binance, bid: "64999.9", ask: "65000.0")
            case .bybit: book(.bybit, bid: "65000.0", ask: "65000.1")
            case .okx: book(.okx, bid: okxBid, ask: (ArbFx.p(okxBid) + ArbFx.p("0.1")).description)
            }
        }
    }

    /// Moves the clock on and fires the engine's timer.
    mutating func tick(_ stepMs: Int64 = 100, times: Int = 1) {
        for _ in 0..<times {
            ms += stepMs
            var out: [EngineCommand] = []
            engine.onTimer(nowNs: nowNs, wallMs: ms, into: &out)
            pump(out)
        }
    }

    /// A fill of a resting order (venue units, at its limit unless `price`).
    mutating func fill(_ key: LegKey, _ qty: String, price: String? = nil) {
        guard let order = resting[key] ?? orders.first(where: { $0.key == key }) else { return }
        var out: [EngineCommand] = []
        deliverFill(order, ArbFx.q(qty), price: price.map(ArbFx.p), into: &out)
        pump(out)
    }

    /// The final answer for a resting order.
    mutating func final(_ key: LegKey, _ outcome: LegOutcome = .done) {
        resting[key] = nil
        var out: [EngineCommand] = []
        engine.onLegFinal(key, outcome, nowNs: nowNs, wallMs: ms, into: &out)
        pump(out)
    }

    // MARK: the venue

    /// Logs the commands and answers them, breadth first, until the engine is quiet.
    mutating func pump(_ first: [EngineCommand]) {
        var queue = first
        while !queue.isEmpty {
            let command = queue.removeFirst()
            log.append(command)
            var out: [EngineCommand] = []
            switch command {
            case .place(let legs):
                for leg in legs {
                    let top = depths[slot(leg.instrument.venue)]
                    let mid = RiskMarket(bestBid: top?.bids.first?.price, bestAsk: top?.asks.first?.price).mid
                    placements.append((leg, ms, mid))
                }
                for leg in legs { answer(leg, into: &out) }
            case .cancel(let key):
                if cancelsConfirm, resting[key] != nil {
                    resting[key] = nil
                    engine.onLegFinal(key, .done, nowNs: nowNs, wallMs: ms, into: &out)
                }
            case .hold, .alert: break
            }
            queue.append(contentsOf: out)
        }
    }

    mutating func answer(_ leg: LegOrder, into out: inout [EngineCommand]) {
        switch venue(leg) {
        case .fill(let qty):
            let q = min(qty ?? leg.qty, leg.qty)
            if !q.isZero { deliverFill(leg, q, price: nil, into: &out) }
            engine.onLegFinal(leg.key, .done, nowNs: nowNs, wallMs: ms, into: &out)
        case .reject: engine.onLegFinal(leg.key, .rejected(code: "venue_reject"), nowNs: nowNs, wallMs: ms, into: &out)
        case .expire: engine.onLegFinal(leg.key, .done, nowNs: nowNs, wallMs: ms, into: &out)
        case .rest: resting[leg.key] = leg
        }
    }

    mutating func deliverFill(_ leg: LegOrder, _ qty: Qty, price: Price?, into out: inout [EngineCommand]) {
        trade += 1
        let px = price ?? leg.price
        let base = ArbFx.rules(leg.instrument.venue).baseQuantity(qty)
        let notional = px.notional(base, scale: 8)
        let fee = Qty(units: notional.units / (leg.timeInForce == .postOnly ? 5_000 : 2_000), scale: 8)
        let fill = LegFill(price: px, qty: qty, fee: fee, isMaker: leg.timeInForce == .postOnly, tradeId: "t\(trade)", tsMs: ms)
        engine.onFill(leg.key, fill, nowNs: nowNs, wallMs: ms, into: &out)
    }

    // MARK: reading the result

    var places: [[LegOrder]] { log.compactMap(\.placed) }
    var orders: [LegOrder] { placements.map(\.order) }
    var alerts: [String] { log.compactMap(\.alertCode) }
    var holds: Int { log.filter(\.isHold).count }
    var arbitrages: [Arbitrage] { engine.allArbitrages }
    var last: Arbitrage? { engine.allArbitrages.last }

    /// Signed base position on a venue's BTC-USDT (zero when none).
    func position(_ venue: Venue) -> Qty { engine.portfolio.position(ArbFx.rules(venue).id)?.qty ?? .zero }
    /// Σ position over the venues.
    var net: Qty { Venue.allCases.map(position).reduce(Qty.zero, +) }
    var isFlat: Bool { Venue.allCases.allSatisfy { position($0).isZero } }

    /// The board entry for buying on `buy` and selling on `sell`.
    func board(buy: Venue, sell: Venue) -> OpportunityBoard.Entry? {
        engine.board.all.first { $0.opportunity.buyVenue == buy && $0.opportunity.sellVenue == sell }
    }
}
