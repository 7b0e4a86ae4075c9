import PropCore

extension SimState {
    /// At each funding time (multiples of `fundingPeriodMillis` since the epoch) every open position pays
    /// (long, positive rate) or receives `mark notional × rate`. Several periods missed between two steps
    /// settle once, at the latest funding time.
    func settleFunding(nowMs: Int64) {
        let period = max(1, config.fundingPeriodMillis)
        let boundary = nowMs - ((nowMs % period) + period) % period
        guard boundary > exchange.lastFundingBoundaryMs else { return }
        exchange.lastFundingBoundaryMs = boundary
        for venue in Venue.allCases {
            guard var account = exchange.accounts[venue] else { continue }
            var events: [PrivateStreamEvent] = []
            for index in account.positions.keys.sorted() {
                guard let p = account.positions[index], p.qtyUnits != 0 else { continue }
                let state = market.instruments[index]
                let rate = Price(units: state.fundingRateE8, scale: 8)
                let payment = SimFixedMath.applyRate(rate, to: markValueE8(at: index, qtyUnits: p.qtyUnits))
                let amount = p.qtyUnits > 0 ? -payment : payment
                account.walletE8 += amount
                account.fundingE8 += amount
                let record = SimFundingPayment(instrument: state.spec.id, amount: SimFixedMath.usdt(amount), tsMs: boundary)
                account.funding.append(record)
                events.append(.funding(instrument: record.instrument, amount: record.amount, tsMs: boundary))
            }
            guard !events.isEmpty else { continue }
            exchange.accounts[venue] = account
            events.append(.balance(balanceReport(venue)))
            publishPrivate(venue: venue, events)
        }
    }
}
