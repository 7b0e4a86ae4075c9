public import PropCore

/// Positions, PnL, fees and funding across venues, in exact USDT integer arithmetic. Pure and deterministic: the
/// engine feeds it fills, funding payments and marks; it never does I/O and never "fixes" numbers — a mismatch is
/// reported by `checkInvariants` and the caller HOLDs.
public struct Portfolio: Sendable {
    /// Starting cash per venue, USDT at 8 decimals.
    public let startingCash: [Venue: Qty]
    /// Every instrument that has seen a fill, a funding payment or a mark.
    public internal(set) var positions: [InstrumentId: PositionState] = [:]
    /// Today's equity reference, peak and drawdown.
    public internal(set) var intraday: IntradayStats
    /// Violations found by the latest `checkInvariants` (for the API and the UI).
    public internal(set) var lastViolations: [PortfolioViolation] = []
    var ledger = PortfolioLedger()
    var seenFills: Set<String> = []
    var seenFunding: Set<String> = []
    /// Inputs that could not be booked exactly; reported by every invariant check until the operator intervenes.
    var refused: [PortfolioViolation] = []

    /// A portfolio holding only cash. Amounts with more than 8 decimals are rounded half away from zero.
    public init(startingCash: [Venue: Qty]) {
        var start: [Venue: Qty] = [:], refused: [PortfolioViolation] = [], ledger = PortfolioLedger()
        for (venue, amount) in startingCash {
            if let u = PortfolioMath.money(amount) {
                start[venue] = PortfolioMath.usdt(u)
                ledger.cash[venue] = u
            } else {
                refused.append(.init(.startingCashRefused, venue: venue, expected: amount.description, actual: "0"))
            }
        }
        self.startingCash = start
        self.refused = refused
        self.ledger = ledger
        intraday = IntradayStats(equity: start.values.reduce(0) { PortfolioMath.sat($0, $1.units) }, atMs: nil)
    }

    /// Books one fill. Returns `false` if it was not booked: a duplicate (same `dedupKey`, booked only once) or a fill
    /// that cannot be booked exactly (non-positive size or price, amounts out of range) — the latter is also reported
    /// as a `portfolio_fill_refused` violation.
    @discardableResult
    public mutating func apply(_ fill: PortfolioFill) -> Bool {
        let key = fill.dedupKey
        guard seenFills.insert(key).inserted else { return false }
        let id = fill.instrument
        let position = positions[id] ?? PositionState(instrument: id)
        guard fill.qty.units > 0, fill.price.units > 0,
              let n = PortfolioMath.notional(fill.price, fill.qty), let fee = PortfolioMath.money(fill.fee),
              let booked = position.booking(signedQty: fill.signedQty, price: fill.price, notional: n, fee: fee,
                                            isMaker: fill.isMaker),
              let ledger = ledger.booking(id, signedQty: fill.signedQty, cashFlow: fill.side == .buy ? -n : n, fee: fee)
        else {
            refused.append(.init(.fillRefused, instrument: id, expected: fill.signedQty.description, actual: "0", detail: key))
            return false
        }
        positions[id] = booked
        self.ledger = ledger
        intraday.observe(totalEquityUnits)
        return true
    }

    /// Books a funding payment on an instrument: `amount` > 0 received, < 0 paid (USDT). Returns `false` for a
    /// repeated `id` (booked once per instrument) or an amount out of range (then also reported as a violation).
    @discardableResult
    public mutating func applyFunding(instrument: InstrumentId, amount: Qty, id: String) -> Bool {
        let key = "\(instrument)|\(id)"
        guard seenFunding.insert(key).inserted else { return false }
        let position = positions[instrument] ?? PositionState(instrument: instrument)
        guard let u = PortfolioMath.money(amount), let booked = position.bookingFunding(u),
              let ledger = ledger.bookingFunding(instrument.venue, amount: u) else {
            refused.append(.init(.fundingRefused, instrument: instrument, expected: amount.description, actual: "0", detail: id))
            return false
        }
        positions[instrument] = booked
        self.ledger = ledger
        intraday.observe(totalEquityUnits)
        return true
    }

    /// Sets the mark price used for unrealized PnL and exposure. Returns `false` (and keeps the old mark) for a
    /// non-positive price or one at which the position's value would not fit.
    @discardableResult
    public mutating func mark(_ instrument: InstrumentId, price: Price) -> Bool {
        guard let moved = setMark(instrument, price) else { return false }
        // Equity is recorded after every change, so when no term of its sum moved (a flat instrument, the same
        // mark) recording it again would store the same figure: skipped, it walked every position per mark.
        if moved { intraday.observe(totalEquityUnits) }
        assert(moved || intraday.lastUnits == totalEquityUnits, "equity changed without being recorded")
        return true
    }

    /// Stores a valid mark without recording equity; nil for an invalid price, else whether the instrument's term
    /// of the equity sum may have moved (always for a new entry: inserting one may reorder the saturating sum).
    mutating func setMark(_ instrument: InstrumentId, _ price: Price) -> Bool? {
        let existing = positions[instrument]
        var position = existing ?? PositionState(instrument: instrument)
        let ledgerQty = ledger.fillQty[instrument] ?? Qty(units: 0, scale: 0)
        guard price.units > 0, PortfolioMath.notional(price, position.qty) != nil,
              PortfolioMath.notional(price, ledgerQty) != nil else { return nil }
        let before = PositionState.value(ledgerQty, mark: position.mark, basis: position.basisUnits)
        position.mark = price
        positions[instrument] = position
        return existing == nil || PositionState.value(ledgerQty, mark: price, basis: position.basisUnits) != before
    }

    /// Sets several marks, then records equity once (what a periodic mark-to-market needs). Invalid prices are
    /// skipped as in `mark(_:price:)`.
    public mutating func mark(_ marks: [(InstrumentId, Price)]) {
        for (instrument, price) in marks { _ = setMark(instrument, price) }
        intraday.observe(totalEquityUnits)
    }

    /// Starts a new trading day at the current equity: today's PnL, peak and drawdown are measured from here.
    public mutating func startDay(atMs: Int64) {
        intraday = IntradayStats(equity: totalEquityUnits, atMs: atMs)
    }

    /// One instrument's position, `nil` if nothing was ever booked or marked on it.
    public func position(_ id: InstrumentId) -> PositionState? { positions[id] }
}
