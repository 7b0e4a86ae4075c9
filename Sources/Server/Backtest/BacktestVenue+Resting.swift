import MarketData
import PropCore

extension BacktestVenue {
    /// A new state of `slot`'s book: the liquidity we took is back, and every resting order there learns what
    /// changed at its price. Costs nothing when no order rests on the instrument (the usual case).
    mutating func onBook(slot: Int, book: OrderBook, nowMs: Int64) {
        if !consumed[slot].isEmpty { consumed[slot].removeAll(keepingCapacity: true) }
        guard !resting[slot].isEmpty else { return }
        for id in resting[slot] { updateResting(id, book: book, nowMs: nowMs) }
    }

    /// One resting order against a new book:
    /// 1. the opposite side reached its price: it fills in full as maker;
    /// 2. a decrease of the displayed quantity at its price counts as executions ahead of it: the queue shrinks
    ///    and only what exceeds the queue fills it;
    /// 3. the queue never exceeds what is displayed (quantity that vanished unseen was ahead of us); a price
    ///    beyond the visible depth takes the displayed quantity as its queue when it comes into view.
    mutating func updateResting(_ id: String, book: OrderBook, nowMs: Int64) {
        guard var o = orders[id], o.isOpen else { return }
        if crosses(o, book) {
            execute(id, priceUnits: o.priceUnits, qtyUnits: o.remainingUnits, isMaker: true, nowMs: nowMs)
            return
        }
        let before = o.lastDisplayed
        let after = displayed(o, book)
        o.lastDisplayed = after
        guard var queue = o.queueAhead else {
            o.queueAhead = after
            store(o)
            return
        }
        var forUs: Int64 = 0
        if let before, let after, after < before {
            let traded = before - after
            if traded > queue { forUs = traded - queue; queue = 0 } else { queue -= traded }
        }
        if let after, after < queue { queue = after }
        o.queueAhead = queue
        store(o)
        if forUs > 0 { execute(id, priceUnits: o.priceUnits, qtyUnits: forUs, isMaker: true, nowMs: nowMs) }
    }

    /// A public trade on `slot`: one that printed through a resting order's price (a sell below our bid, a buy
    /// above our ask) filled it in full.
    mutating func onTrade(slot: Int, _ t: TradeTick, nowMs: Int64) {
        guard !resting[slot].isEmpty else { return }
        let inst = instruments[slot]
        let price = BacktestInstrument.units(t.price, scale: inst.priceScale)
        for id in resting[slot] {
            guard let o = orders[id], o.isOpen else { continue }
            let through = o.isBuy ? (t.takerSide == .sell && price < o.priceUnits) : (t.takerSide == .buy && price > o.priceUnits)
            if through { execute(id, priceUnits: o.priceUnits, qtyUnits: o.remainingUnits, isMaker: true, nowMs: nowMs) }
        }
    }
}
