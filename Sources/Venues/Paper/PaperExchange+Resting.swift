import PropCore

extension PaperExchange {
    /// What a new book means for one resting order at price p:
    /// 1. the opposite side reached p (best ask ≤ p for a buy): every order at p traded, ours fills in full as maker;
    /// 2. otherwise a decrease of the displayed quantity at p (both books showing p) counts as executions ahead of
    ///    us: the queue ahead shrinks, and only what exceeds it fills us;
    /// 3. the queue ahead never exceeds what is displayed at p (quantity that vanished unseen was ahead of us);
    ///    an order whose price was beyond the visible depth takes the displayed quantity as its queue when p appears.
    mutating func updateResting(_ id: String, previous: PaperBook?, book: PaperBook) {
        guard var order = orders[id], order.isResting, let price = order.request.price else { return }
        let side = order.request.side
        if book.crosses(side, at: price) {
            execute(id, price: price, qty: order.remaining, isMaker: true)
            return
        }
        let before = previous?.displayedQty(side, at: price)
        let after = book.displayedQty(side, at: price)
        guard var queue = order.queueAhead else {
            order.queueAhead = after
            store(order)
            return
        }
        var executedForUs = Qty.zero
        if let before, let after, after < before {
            let traded = before - after
            if traded > queue {
                executedForUs = traded - queue
                queue = .zero
            } else {
                queue -= traded
            }
        }
        if let after, after < queue { queue = after }
        order.queueAhead = queue
        store(order)
        if executedForUs > .zero { execute(id, price: price, qty: executedForUs, isMaker: true) }
    }

    /// Changes price and/or quantity of a resting limit order. A new price or a larger quantity loses the queue
    /// position; a new price that crosses takes liquidity (post-only: refused, order unchanged).
    mutating func amend(instrument: InstrumentId, clientOrderId id: String, newPrice: Price?, newQty: Qty?)
        -> Result<OrderReport, VenueOrderError> {
        guard var order = orders[id], order.request.instrument == instrument, order.isResting,
              let oldPrice = order.request.price else {
            return .failure(.unknownOrder(venue: venue, clientOrderId: id))
        }
        let price = newPrice ?? oldPrice
        let qty = newQty ?? order.request.qty
        guard qty > order.filledQty, price > .zero else {
            return .failure(.invalidOrder(venue: venue, code: "paper_amend",
                                          message: "новое qty \(qty) должно быть больше исполненного \(order.filledQty), цена больше нуля"))
        }
        let side = order.request.side
        let book = books[instrument]
        if order.request.timeInForce == .postOnly, let book, book.crosses(side, at: price) {
            return .failure(.postOnlyWouldTake(venue: venue, clientOrderId: id))
        }
        let losesPriority = price != oldPrice || qty > order.request.qty
        order.request.price = price
        order.request.qty = qty
        order.updateMs = nowMs
        if losesPriority { order.queueAhead = book?.displayedQty(side, at: price) }
        store(order)
        outbox.append(.order(order.report))
        if let book, book.crosses(side, at: price) {
            takerWalk(id)
            if var rest = orders[id], rest.isOpen {
                rest.queueAhead = books[instrument]?.displayedQty(side, at: price)
                store(rest)
            }
        }
        return .success(orders[id]?.report ?? order.report)
    }
}
