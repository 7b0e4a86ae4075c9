import PropCore

extension PaperExchange {
    /// Whether opening `r` needs more initial margin (plus the taker fee) than is available.
    func marginShortfall(_ r: OrderRequest) -> Bool {
        let held = account.positionQty(r.instrument)
        let reduces = r.side == .buy ? held.isNegative : held > .zero
        let opening = reduces ? max(.zero, r.qty - held.magnitude) : r.qty
        guard opening > .zero else { return false }
        let reference = r.type == .limit ? r.price : books[r.instrument]?.oppositeSide(r.side).first?.price
        guard let reference else { return false }
        let notional = PaperMath.notional(reference, settings.baseQuantity(opening, of: r.instrument))
        let need = PaperMath.divided(notional, by: settings.leverage) + PaperMath.times(notional, rate: settings.fees.taker)
        return need > available
    }

    /// Wallet + unrealised PnL − position margin − margin of open non-reduce-only orders.
    var available: Qty {
        var free = account.wallet
        for (instrument, pos) in account.positions where !pos.qty.isZero {
            free += account.unrealizedPnl(instrument, mark: books[instrument]?.mid, settings: settings)
            free -= PaperMath.divided(pos.entryCost, by: settings.leverage)
        }
        for id in openIds {
            guard let o = orders[id], !o.request.reduceOnly, let price = o.request.price else { continue }
            let notional = PaperMath.notional(price, settings.baseQuantity(o.remaining, of: o.request.instrument))
            free -= PaperMath.divided(notional, by: settings.leverage)
        }
        return free
    }

    /// The position report of `instrument` marked at the book's mid.
    func positionReport(_ instrument: InstrumentId) -> PositionReport {
        account.report(instrument, mark: books[instrument]?.mid, settings: settings)
    }

    /// The USDT balance report.
    func balanceReport() -> BalanceReport {
        BalanceReport(venue: venue, asset: "USDT", wallet: account.wallet, available: available)
    }

    /// A live order by client id; `.unknownOrder` when the venue has not seen it (unknown or still in flight).
    func query(instrument: InstrumentId, clientOrderId id: String) -> Result<OrderReport, VenueOrderError> {
        guard let o = orders[id], o.isLive, o.request.instrument == instrument else {
            return .failure(.unknownOrder(venue: venue, clientOrderId: id))
        }
        return .success(o.report)
    }

    /// Open orders, oldest first.
    func openOrders(instrument: InstrumentId?) -> [OrderReport] {
        openIds.compactMap { orders[$0] }
            .filter { instrument == nil || $0.request.instrument == instrument }
            .sorted { $0.seq < $1.seq }
            .map(\.report)
    }

    /// Our fills on `instrument` at or after `sinceMs`, oldest first.
    func fills(instrument: InstrumentId, sinceMs: Int64) -> [FillReport] {
        fills.filter { $0.instrument == instrument && $0.tsMs >= sinceMs }
    }

    /// Non-zero positions, by instrument id.
    func positions() -> [PositionReport] {
        account.positions.filter { !$0.value.qty.isZero }.keys.sorted().map(positionReport)
    }
}
