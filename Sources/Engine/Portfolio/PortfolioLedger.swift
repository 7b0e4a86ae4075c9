import PropCore

/// The independent books the invariants check the positions against: Σ signed fill quantities per instrument and
/// cash per venue (start + Σ fill cash flows − fees + funding). It is updated from the same fills as the positions
/// but by plain sums, so a mistake in the cost-basis logic shows up as a mismatch instead of hiding itself.
struct PortfolioLedger: Sendable, Hashable {
    /// Σ signed fill quantity per instrument (buy +, sell −).
    var fillQty: [InstrumentId: Qty] = [:]
    /// USDT mantissas at 8 decimals per venue.
    var cash: [Venue: Int64] = [:]

    /// The ledger after one fill: `cashFlow` is +notional for a sell, −notional for a buy; `fee` is signed.
    func booking(_ id: InstrumentId, signedQty: Qty, cashFlow: Int64, fee: Int64) -> PortfolioLedger? {
        guard let q = PortfolioMath.addQty(fillQty[id] ?? Qty(units: 0, scale: 0), signedQty),
              let c1 = PortfolioMath.add(cash[id.venue] ?? 0, cashFlow),
              let c2 = PortfolioMath.sub(c1, fee) else { return nil }
        var next = self
        next.fillQty[id] = q
        next.cash[id.venue] = c2
        return next
    }

    /// The ledger after a funding payment on `venue` (`amount` > 0 received).
    func bookingFunding(_ venue: Venue, amount: Int64) -> PortfolioLedger? {
        guard let c = PortfolioMath.add(cash[venue] ?? 0, amount) else { return nil }
        var next = self
        next.cash[venue] = c
        return next
    }
}
