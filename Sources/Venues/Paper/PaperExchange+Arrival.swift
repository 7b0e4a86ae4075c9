import PropCore

extension PaperExchange {
    /// An order reaches the matching engine: venue checks (reduce-only, post-only, margin), then it takes what
    /// the book offers within its limit, then its rest expires (market/IOC/FOK) or rests with a queue position.
    mutating func arrive(_ id: String) {
        guard var order = orders[id] else { return }
        let r = order.request
        let book = books[r.instrument]
        let immediate = r.type == .market || r.timeInForce == .ioc || r.timeInForce == .fok

        if r.reduceOnly {
            let held = account.positionQty(r.instrument)
            let reduces = r.side == .buy ? held.isNegative : held > .zero
            if !reduces || r.qty > held.magnitude {
                return drop(id, because: .reduceOnlyRejected(venue: venue, clientOrderId: id))
            }
        }
        if immediate, book == nil {
            return drop(id, because: .invalidOrder(
                venue: venue, code: "paper_no_book",
                message: "нет действующего стакана \(r.instrument) для бумажного исполнения; ордер не принят"))
        }
        if r.timeInForce == .postOnly, let price = r.price, let book, book.crosses(r.side, at: price) {
            return drop(id, because: .postOnlyWouldTake(venue: venue, clientOrderId: id))
        }
        if !r.reduceOnly, marginShortfall(r) {
            return drop(id, because: .insufficientMargin(venue: venue, clientOrderId: id))
        }

        order.isLive = true
        order.status = .new
        order.updateMs = nowMs
        store(order)
        outbox.append(.order(order.report))

        if r.timeInForce == .fok, takeable(r) < r.qty {
            finish(id, settings.remainderStatus)
        } else {
            takerWalk(id)
        }
        if let after = orders[id], after.isOpen {
            if immediate {
                finish(id, settings.remainderStatus)
            } else if var resting = orders[id], let price = r.price {
                resting.queueAhead = books[r.instrument]?.displayedQty(r.side, at: price)
                store(resting)
            }
        }
        if let final = orders[id] { arrivals.append((id, .success(final.report))) }
    }

    /// Quantity the opposite side offers within the order's limit, minus what our earlier taker fills used.
    func takeable(_ r: OrderRequest) -> Qty {
        guard let book = books[r.instrument] else { return .zero }
        var total = Qty.zero
        for level in book.oppositeSide(r.side) {
            if !withinLimit(r, level.price) { break }
            let used = consumed[r.instrument]?[ConsumedKey(side: r.side, price: level.price)] ?? .zero
            if level.qty > used { total += level.qty - used }
        }
        return total
    }

    /// Whether a level at `price` is acceptable to `r` (a market order accepts any).
    func withinLimit(_ r: OrderRequest, _ price: Price) -> Bool {
        guard r.type == .limit, let limit = r.price else { return true }
        return r.side == .buy ? price <= limit : price >= limit
    }

    /// Fills the order as taker level by level (best first) against the current book, within its limit.
    /// Liquidity it takes is remembered until the next book of the instrument, so two paper orders never take
    /// the same displayed quantity twice.
    mutating func takerWalk(_ id: String) {
        guard let start = orders[id], let book = books[start.request.instrument] else { return }
        let r = start.request
        for level in book.oppositeSide(r.side) {
            guard withinLimit(r, level.price), let order = orders[id], order.isOpen, order.remaining > .zero else { break }
            let key = ConsumedKey(side: r.side, price: level.price)
            let used = consumed[r.instrument]?[key] ?? .zero
            guard level.qty > used else { continue }
            let wanted = min(order.remaining, level.qty - used)
            let done = execute(id, price: level.price, qty: wanted, isMaker: false)
            consumed[r.instrument, default: [:]][key] = used + done
            if done < wanted { break }
        }
    }

    /// Books one execution of `qty` (trimmed for reduce-only) at `price`: fill, order, position and balance
    /// events in that order. Returns the quantity actually executed.
    @discardableResult
    mutating func execute(_ id: String, price: Price, qty wanted: Qty, isMaker: Bool) -> Qty {
        guard var order = orders[id], order.isOpen else { return .zero }
        let r = order.request
        var qty = min(wanted, order.remaining)
        if r.reduceOnly {
            let held = account.positionQty(r.instrument)
            let reducible = (r.side == .buy ? held.isNegative : held > .zero) ? held.magnitude : .zero
            qty = min(qty, reducible)
            if qty <= .zero {
                // The position it was meant to reduce is gone: the venue cancels the reduce-only rest.
                finish(id, .canceled)
                return .zero
            }
        }
        guard qty > .zero else { return .zero }
        let notional = PaperMath.notional(price, settings.baseQuantity(qty, of: r.instrument))
        let fee = PaperMath.times(notional, rate: isMaker ? settings.fees.maker : settings.fees.taker)
        let fill = FillReport(instrument: r.instrument, clientOrderId: id, venueOrderId: order.venueOrderId,
                              tradeId: makeTradeId(), side: r.side, price: price, qty: qty, fee: fee, feeAsset: "USDT",
                              isMaker: isMaker, tsMs: nowMs)
        fills.append(fill)
        account.apply(instrument: r.instrument, side: r.side, price: price, qty: qty, fee: fee, settings: settings)
        order.filledQty += qty
        order.filledValue += price.notional(qty, scale: min(fixedPointMaxScale, price.scale + qty.scale))
        order.status = order.remaining > .zero ? .partiallyFilled : .filled
        order.updateMs = nowMs
        store(order)
        outbox.append(.fill(fill))
        outbox.append(.order(order.report))
        outbox.append(.position(positionReport(r.instrument)))
        outbox.append(.balance(balanceReport()))
        return qty
    }
}
