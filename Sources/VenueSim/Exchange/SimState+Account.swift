import PropCore

// Account arithmetic: positions, PnL, margin and the reports built from them. USDT amounts are Int64
// mantissas at scale 8 (`…E8`); prices and sizes are mantissas at the instrument's scales.
extension SimState {
    /// The spec of the instrument at `index`.
    func spec(at index: Int) -> SimInstrumentSpec { market.instruments[index].spec }

    /// The venue mark used for unrealised PnL, margin and funding: the book mid, at `priceScale + 1`
    /// (the mid of two ticks can fall between them), or the last trade when a side is empty.
    func markPrice(at index: Int) -> (units: Int64, scale: Int) {
        let s = market.instruments[index]
        if let b = s.book.bestBid, let a = s.book.bestAsk { return ((a + b) * 5, s.spec.priceScale + 1) }
        return (s.lastPrice * 10, s.spec.priceScale + 1)
    }

    /// Value of `qtyUnits` (unsigned) at the mark, USDT E8.
    func markValueE8(at index: Int, qtyUnits: Int64) -> Int64 {
        let m = markPrice(at: index)
        return SimFixedMath.notionalE8(spec: spec(at: index), priceUnits: m.units, priceScale: m.scale, qtyUnits: abs(qtyUnits))
    }

    /// Unrealised PnL of a position at the mark, USDT E8.
    func unrealisedE8(at index: Int, _ p: SimPosition) -> Int64 {
        guard p.qtyUnits != 0 else { return 0 }
        let value = markValueE8(at: index, qtyUnits: p.qtyUnits)
        return p.qtyUnits > 0 ? value - p.costE8 : p.costE8 - value
    }

    /// Margin an open order ties up: remaining notional at its price / leverage (reduce-only: none).
    func orderMarginE8(_ o: SimOrder) -> Int64 {
        guard !o.report.reduceOnly, let price = o.priceUnits else { return 0 }
        return SimFixedMath.notionalE8(spec: spec(at: o.instrumentIndex), priceUnits: price, qtyUnits: o.remainingUnits) / SimExchange.leverage
    }

    /// `wallet + unrealised − position margin − open-order margin`, USDT E8.
    func availableE8(_ venue: Venue) -> Int64 {
        guard let a = exchange.accounts[venue] else { return 0 }
        var available = a.walletE8
        for (index, p) in a.positions where p.qtyUnits != 0 {
            available += unrealisedE8(at: index, p) - markValueE8(at: index, qtyUnits: p.qtyUnits) / SimExchange.leverage
        }
        for o in a.open.values { available -= orderMarginE8(o) }
        return available
    }

    /// The position report of one instrument (flat: zero size, no entry price).
    func positionReport(_ venue: Venue, at index: Int) -> PositionReport {
        let s = spec(at: index)
        let p = exchange.accounts[venue]?.positions[index] ?? SimPosition()
        guard p.qtyUnits != 0 else {
            return PositionReport(instrument: s.id, qty: Qty(units: 0, scale: s.qtyScale), entryPrice: nil, unrealizedPnl: .zero)
        }
        // Entry = cost / (|size| × contract value), at 8 decimals.
        let baseUnits = abs(p.qtyUnits) * s.contractValue.units
        let baseScale = s.qtyScale + s.contractValue.scale
        let entry = SimFixedMath.mulDiv(p.costE8, Int64(pow10(baseScale)), baseUnits)
        return PositionReport(instrument: s.id, qty: Qty(units: p.qtyUnits, scale: s.qtyScale),
                              entryPrice: Price(units: entry, scale: SimFixedMath.usdtScale),
                              unrealizedPnl: SimFixedMath.usdt(unrealisedE8(at: index, p)))
    }

    /// The USDT balance report of a venue.
    func balanceReport(_ venue: Venue) -> BalanceReport {
        BalanceReport(venue: venue, asset: "USDT", wallet: SimFixedMath.usdt(exchange.accounts[venue]?.walletE8 ?? 0),
                      available: SimFixedMath.usdt(availableE8(venue)))
    }

    /// How much of a `side` fill a reduce-only order may still take: the opposite position's size.
    func reduceOnlyCap(_ venue: Venue, at index: Int, side: OrderSide) -> Int64 {
        let q = exchange.accounts[venue]?.positions[index]?.qtyUnits ?? 0
        return side == .buy ? max(0, -q) : max(0, q)
    }

    /// Books one execution of `order`: fee, position, realised PnL into the wallet, the order's progress
    /// and the fill record. The caller stores the order and publishes the events.
    func bookFill(_ order: inout SimOrder, priceUnits: Int64, qtyUnits: Int64, isMaker: Bool, nowMs: Int64) -> FillReport {
        let venue = order.report.instrument.venue
        let index = order.instrumentIndex
        let s = spec(at: index)
        var account = exchange.accounts[venue]!
        let rates = SimExchange.feeRates(venue)
        let value = SimFixedMath.notionalE8(spec: s, priceUnits: priceUnits, qtyUnits: qtyUnits)
        let fee = SimFixedMath.applyRate(isMaker ? rates.maker : rates.taker, to: value)

        var p = account.positions[index] ?? SimPosition()
        let signed = order.side == .buy ? qtyUnits : -qtyUnits
        var realised: Int64 = 0
        if p.qtyUnits == 0 || (p.qtyUnits > 0) == (signed > 0) {
            p.qtyUnits += signed
            p.costE8 += value
        } else {
            let size = abs(p.qtyUnits)
            let closing = min(qtyUnits, size)
            let closedCost = closing == size ? p.costE8 : SimFixedMath.mulDiv(p.costE8, closing, size)
            let closeValue = SimFixedMath.notionalE8(spec: s, priceUnits: priceUnits, qtyUnits: closing)
            realised = p.qtyUnits > 0 ? closeValue - closedCost : closedCost - closeValue
            p.costE8 -= closedCost
            p.qtyUnits += p.qtyUnits > 0 ? -closing : closing
            if qtyUnits > closing {
                // Flip: the rest opens a new position at this price.
                p.qtyUnits = order.side == .buy ? qtyUnits - closing : -(qtyUnits - closing)
                p.costE8 = SimFixedMath.notionalE8(spec: s, priceUnits: priceUnits, qtyUnits: qtyUnits - closing)
            }
        }
        if p.qtyUnits == 0 { p.costE8 = 0 }
        account.positions[index] = p
        account.walletE8 += realised - fee
        account.realisedE8 += realised
        account.feesE8 += fee

        order.filledUnits += qtyUnits
        order.sumPriceQty += priceUnits * qtyUnits
        order.report.filledQty = Qty(units: order.filledUnits, scale: s.qtyScale)
        // Average price with 4 extra decimals (a VWAP rarely sits on the tick grid).
        let avg = SimFixedMath.mulDiv(order.sumPriceQty, 10_000, order.filledUnits)
        order.report.averagePrice = Price(units: avg, scale: s.priceScale + 4)
        order.report.status = order.filledUnits >= order.qtyUnits ? .filled : .partiallyFilled
        order.report.updateMs = nowMs

        let fill = FillReport(instrument: s.id, clientOrderId: order.report.clientOrderId,
                              venueOrderId: order.report.venueOrderId, tradeId: account.newTradeId(), side: order.side,
                              price: Price(units: priceUnits, scale: s.priceScale), qty: Qty(units: qtyUnits, scale: s.qtyScale),
                              fee: SimFixedMath.usdt(fee), feeAsset: "USDT", isMaker: isMaker, tsMs: nowMs)
        account.record(fill)
        exchange.accounts[venue] = account
        return fill
    }
}
