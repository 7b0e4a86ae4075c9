import Engine
import MarketData
import PropCore

extension BacktestVenue {
    /// Visible levels the taker walk and the queue model look at.
    static let visibleDepth = 50

    /// An order reaches the matching engine: reduce-only and post-only checks, the taker walk, then the IOC rest
    /// is cancelled or the post-only rests with its queue position.
    mutating func arrive(_ id: String, book: OrderBook?, nowMs: Int64) {
        guard var o = orders[id] else { return }
        let r = o.request
        if r.reduceOnly, !reduces(o) { return refuse(id, code: "reduce_only_rejected") }
        guard let book, book.bestBid != nil || book.bestAsk != nil else { return refuse(id, code: "no_book") }
        if r.timeInForce == .postOnly, crosses(o, book) { return refuse(id, code: "post_only_would_take") }
        o.isLive = true
        o.updateMs = nowMs
        store(o)
        outbox.append(.placeAnswer(clientOrderId: id, .success(o.report)))
        if r.timeInForce != .postOnly { takerWalk(id, book: book, nowMs: nowMs) }
        guard var after = orders[id], after.isOpen else { return }
        if r.timeInForce == .postOnly || r.timeInForce == .gtc {
            let shown = displayed(after, book)
            after.queueAhead = shown; after.lastDisplayed = shown
            store(after)
            resting[after.slot].append(id)
        } else {
            finish(id, r.venue == .binance ? .expired : .canceled, nowMs: nowMs)
        }
    }

    /// A definite refusal: the venue keeps no record of the order.
    mutating func refuse(_ id: String, code: String) {
        orders[id] = nil
        outbox.append(.placeAnswer(clientOrderId: id, .failure(.rejected(code: code))))
    }

    /// Whether a reduce-only order reduces the slot's position.
    func reduces(_ o: BacktestOrder) -> Bool { o.isBuy ? position[o.slot] < 0 : position[o.slot] > 0 }

    /// Whether a limit order at its price would take from `book` now.
    func crosses(_ o: BacktestOrder, _ book: OrderBook) -> Bool {
        if o.isBuy { return book.bestAsk.map { $0.price <= o.priceUnits } ?? false }
        return book.bestBid.map { $0.price >= o.priceUnits } ?? false
    }

    /// Takes liquidity best level first within the limit, one fill per level, minus what we already took.
    mutating func takerWalk(_ id: String, book: OrderBook, nowMs: Int64) {
        guard let start = orders[id] else { return }
        let buy = start.isBuy
        (buy ? book.askSide : book.bidSide).copyTop(Self.visibleDepth, into: &scratch)
        for level in scratch {
            guard let o = orders[id], o.isOpen, o.remainingUnits > 0 else { break }
            if buy ? level.price > o.priceUnits : level.price < o.priceUnits { break }
            let ci = consumed[o.slot].firstIndex { $0.buy == buy && $0.price == level.price }
            let used = ci.map { consumed[o.slot][$0].qty } ?? 0
            guard level.qty > used else { continue }
            let done = execute(id, priceUnits: level.price, qtyUnits: min(o.remainingUnits, level.qty - used), isMaker: false, nowMs: nowMs)
            if let ci { consumed[o.slot][ci].qty += done } else { consumed[o.slot].append((buy, level.price, done)) }
            if done == 0 { break }
        }
    }

    /// Books one execution (reduce-only: at most the position); returns the quantity executed.
    @discardableResult
    mutating func execute(_ id: String, priceUnits: Int64, qtyUnits wanted: Int64, isMaker: Bool, nowMs: Int64) -> Int64 {
        guard var o = orders[id], o.isOpen else { return 0 }
        var qty = min(wanted, o.remainingUnits)
        if o.request.reduceOnly {
            qty = min(qty, reduces(o) ? abs(position[o.slot]) : 0)
            if qty <= 0 { finish(id, .canceled, nowMs: nowMs); return 0 }
        }
        guard qty > 0 else { return 0 }
        let inst = instruments[o.slot]
        let notional = inst.notional(priceUnits: priceUnits, qtyUnits: qty)
        let fill = FillReport(instrument: inst.id, clientOrderId: id, venueOrderId: o.venueOrderId, tradeId: makeTradeId(),
                              side: o.request.side, price: Price(units: priceUnits, scale: inst.priceScale),
                              qty: Qty(units: qty, scale: inst.qtyScale), fee: inst.fee(notional, isMaker: isMaker),
                              feeAsset: "USDT", isMaker: isMaker, tsMs: nowMs)
        position[o.slot] += o.isBuy ? qty : -qty
        o.filledUnits += qty
        o.filledValue += notional
        o.status = o.remainingUnits > 0 ? .partiallyFilled : .filled
        o.updateMs = nowMs
        store(o)
        fillCount += 1
        outbox.append(.fill(fill))
        outbox.append(.order(o.report))
        return qty
    }

    /// Moves an open order to a final status and reports it.
    mutating func finish(_ id: String, _ status: VenueOrderStatus, nowMs: Int64) {
        guard var o = orders[id], o.isOpen else { return }
        o.status = status
        o.updateMs = nowMs
        store(o)
        outbox.append(.order(o.report))
    }

    /// Quantity displayed at the order's price on its own side: 0 inside the visible range without a level,
    /// nil beyond the visible depth.
    mutating func displayed(_ o: BacktestOrder, _ book: OrderBook) -> Int64? {
        (o.isBuy ? book.bidSide : book.askSide).copyTop(Self.visibleDepth, into: &scratch)
        guard let worst = scratch.last else { return 0 }
        if let level = scratch.first(where: { $0.price == o.priceUnits }) { return level.qty }
        let beyond = o.isBuy ? o.priceUnits < worst.price : o.priceUnits > worst.price
        return beyond && scratch.count >= Self.visibleDepth ? nil : 0
    }
}
