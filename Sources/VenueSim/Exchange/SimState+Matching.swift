import PropCore

// The matching engine: validation, taker matching on placement and maker fills of resting orders on
// later market steps.
extension SimState {
    /// A validated order, ready to match: instrument index and mantissas on the instrument's grid.
    struct ValidatedOrder {
        var index: Int
        var priceUnits: Int64?
        var qtyUnits: Int64
    }

    /// Checks symbol, lot, tick and minimum notional (in that order, like the venues).
    func validate(_ r: OrderRequest) -> Result<ValidatedOrder, SimRejectReason> {
        guard let index = market.index(of: r.instrument) else { return .failure(.unknownSymbol) }
        let s = spec(at: index)
        guard let q = r.qty.rescaled(to: s.qtyScale), q.units > 0, q.units % s.lotUnits == 0 else {
            return .failure(.invalidQuantity)
        }
        var priceUnits: Int64?
        if r.type == .limit {
            guard let p = r.price?.rescaled(to: s.priceScale), p.units > 0, p.units % s.tickUnits == 0 else {
                return .failure(.invalidPrice)
            }
            priceUnits = p.units
        }
        if let min = s.minNotional, !r.reduceOnly {
            let reference = priceUnits ?? referencePrice(at: index, side: r.side)
            let value = SimFixedMath.notionalE8(spec: s, priceUnits: reference, qtyUnits: q.units)
            let minE8 = min.rescaled(to: SimFixedMath.usdtScale)?.units ?? 0
            if value < minE8 { return .failure(.belowMinNotional) }
        }
        return .success(ValidatedOrder(index: index, priceUnits: priceUnits, qtyUnits: q.units))
    }

    /// The price a market order is checked at: the best opposite level (the last trade when empty).
    func referencePrice(at index: Int, side: OrderSide) -> Int64 {
        let s = market.instruments[index]
        return (side == .buy ? s.book.bestAsk : s.book.bestBid) ?? s.lastPrice
    }

    /// Takes liquidity for `order` from the opposite side of the true book up to its limit, one fill per
    /// level; a reduce-only order stops at the position size. Returns the events (fill, order update).
    func matchAsTaker(_ order: inout SimOrder, nowMs: Int64) -> [PrivateStreamEvent] {
        let venue = order.report.instrument.venue
        let book = market.instruments[order.instrumentIndex].book
        let levels = SimMatcher.reachable(book, side: order.side, limit: order.priceUnits)
        var want = order.remainingUnits
        if order.report.reduceOnly { want = min(want, reduceOnlyCap(venue, at: order.instrumentIndex, side: order.side)) }
        if order.report.timeInForce == .fok, SimMatcher.depth(levels) < order.remainingUnits || want < order.remainingUnits {
            return []
        }
        var events: [PrivateStreamEvent] = []
        for e in SimMatcher.walk(levels, qty: want) {
            let fill = bookFill(&order, priceUnits: e.priceUnits, qtyUnits: e.qtyUnits, isMaker: false, nowMs: nowMs)
            events.append(.fill(fill))
            events.append(.order(order.report))
        }
        return events
    }

    /// What happens to an order's unfilled rest after taker matching: market/IOC/FOK remainders and
    /// reduce-only orders with nothing left to reduce expire; GTC and post-only rest.
    func settleRemainder(_ order: inout SimOrder, nowMs: Int64) -> [PrivateStreamEvent] {
        guard order.remainingUnits > 0 else { return [] }
        let venue = order.report.instrument.venue
        let nothingToReduce = order.report.reduceOnly && reduceOnlyCap(venue, at: order.instrumentIndex, side: order.side) == 0
        let immediate = order.priceUnits == nil || order.report.timeInForce == .ioc || order.report.timeInForce == .fok
        guard immediate || nothingToReduce else { return [] }
        order.report.status = .expired
        order.report.updateMs = nowMs
        return [.order(order.report)]
    }

    /// Maker fills of resting orders after a market step: a resting buy fills when the asks reach its
    /// price (a sell: the bids), at its own price, up to the opposite quantity at or beyond that price.
    /// Orders are served best price first, then time; one level's quantity is shared, not reused.
    /// A `frozen` book is a market holding still: nothing trades against resting orders there (our fills do not
    /// consume the synthetic book, so a resting order through a still book would otherwise fill again every tick).
    func matchRestingOrders(nowMs: Int64, frozen: Set<InstrumentId>) {
        for venue in Venue.allCases {
            guard let account = exchange.accounts[venue], !account.open.isEmpty else { continue }
            let ordered = account.open.values.sorted { a, b in
                if a.instrumentIndex != b.instrumentIndex { return a.instrumentIndex < b.instrumentIndex }
                if a.side != b.side { return a.side == .buy }
                if a.priceUnits != b.priceUnits {
                    return a.side == .buy ? (a.priceUnits ?? 0) > (b.priceUnits ?? 0) : (a.priceUnits ?? 0) < (b.priceUnits ?? 0)
                }
                return a.sequence < b.sequence
            }
            var consumed: [String: Int64] = [:]
            var events: [PrivateStreamEvent] = []
            var touched: Set<Int> = []
            for snapshot in ordered {
                guard let price = snapshot.priceUnits,
                      frozen.isEmpty || !frozen.contains(market.instruments[snapshot.instrumentIndex].spec.id) else { continue }
                let book = market.instruments[snapshot.instrumentIndex].book
                guard SimMatcher.crosses(book, side: snapshot.side, price: price) else { continue }
                var order = snapshot
                let key = "\(order.instrumentIndex)|\(order.side.rawValue)"
                let levels = SimMatcher.reachable(book, side: order.side, limit: price)
                var qty = min(order.remainingUnits, SimMatcher.depth(levels) - consumed[key, default: 0])
                if order.report.reduceOnly { qty = min(qty, reduceOnlyCap(venue, at: order.instrumentIndex, side: order.side)) }
                if qty > 0 {
                    consumed[key, default: 0] += qty
                    let fill = bookFill(&order, priceUnits: price, qtyUnits: qty, isMaker: true, nowMs: nowMs)
                    events.append(.fill(fill))
                    events.append(.order(order.report))
                    touched.insert(order.instrumentIndex)
                }
                if order.report.reduceOnly { events += settleRemainder(&order, nowMs: nowMs) }
                exchange.accounts[venue]?.store(order)
            }
            guard !events.isEmpty else { continue }
            for index in touched.sorted() { events.append(.position(positionReport(venue, at: index))) }
            if !touched.isEmpty { events.append(.balance(balanceReport(venue))) }
            publishPrivate(venue: venue, events)
        }
    }
}
