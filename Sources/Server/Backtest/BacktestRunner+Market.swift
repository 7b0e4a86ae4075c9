import Engine
import MarketData
import PropCore

extension BacktestRunner {
    /// A book changed: resting simulated orders learn it first (they trade against the venue, not our view),
    /// then the engine sees the new top, with depth on demand.
    mutating func onBook(_ slot: Int) {
        guard slot >= 0, let (book, valid) = books.book(slot) else { return }
        venue.onBook(slot: slot, book: book, nowMs: nowMs)
        if !venue.outbox.isEmpty { drainVenue() }
        let bid = book.bestBid.map { Price(units: $0.price, scale: book.priceScale) }
        let ask = book.bestAsk.map { Price(units: $0.price, scale: book.priceScale) }
        let books = self.books
        engine.onBook(slot: slot, bid: bid, ask: ask, valid: valid, nowNs: nowNs, wallMs: nowMs,
                      depthOf: { books.depth($0, levels: $1) }, into: &commands)
        if !commands.isEmpty { performCommands() }
    }

    /// Mark, index and funding from the venue's mark / ticker / funding frames.
    mutating func onMark(_ slot: Int, _ tick: MarkPriceTick) {
        guard slot >= 0 else { return }
        if tick.markPrice != nil || tick.indexPrice != nil {
            engine.onMark(slot: slot, mark: tick.markPrice ?? engine.markets[slot].mark, index: tick.indexPrice ?? engine.markets[slot].index)
        }
        if let rate = tick.fundingRate {
            let at = tick.nextFundingTimeMs > 0 ? tick.nextFundingTimeMs : nil
            engine.onFunding(slot: slot, terms: FundingTerms(rate: rate), nextFundingMs: at)
            if let at { fundingTerms[slot] = (rate, at) }
        }
    }

    /// A public trade: resting orders it printed through fill.
    mutating func onTrade(_ slot: Int, _ tick: TradeTick) {
        guard slot >= 0 else { return }
        venue.onTrade(slot: slot, tick, nowMs: nowMs)
        if !venue.outbox.isEmpty { drainVenue() }
    }

    /// Every `timerMs` of simulated time: funding settlements, order-manager deadlines, the engine's timers, and an
    /// equity sample for the drawdown.
    mutating func timer() {
        settleFunding()
        // Final orders leave the manager once a second (nothing can change them any more), so its deadline sweep
        // stays as short as the working set instead of growing with every order of the run.
        timerTicks &+= 1
        if timerTicks % 20 == 0 { _ = manager.removeFinalOrders() }
        for command in manager.onTimer(nowNs: nowNs) { execute(command) }
        engine.onTimer(nowNs: nowNs, wallMs: nowMs, into: &commands)
        if !commands.isEmpty { performCommands() }
        // The portfolio records its equity after every change (fill, mark, funding), so the last one is the
        // equity now; recomputing it walks every position through dictionaries keyed by instrument.
        let equity = engine.portfolio.intraday.lastEquity
        assert(equity == engine.portfolio.equity, "portfolio changed without recording its equity")
        ledger.sample(equity: equity)
    }

    /// Charges funding on open positions once the announced settlement time has passed: longs pay a positive
    /// rate, shorts receive it, on position × mark (mid when no mark came).
    mutating func settleFunding() {
        for slot in fundingTerms.indices {
            guard let (rate, atMs) = fundingTerms[slot], atMs <= nowMs, fundingCharged[slot] < atMs else { continue }
            fundingCharged[slot] = atMs
            let held = ledger.held[slot]
            guard !held.isZero, let price = markPrice(slot) else { continue }
            let value = price.notional(held, scale: 8)
            let amount = -Price(units: value.units, scale: value.scale).notional(Qty(units: rate.units, scale: rate.scale), scale: 8)
            guard !amount.isZero else { continue }
            ledger.funding += amount
            engine.onFundingPayment(slot: slot, amount: amount, id: "funding-\(slot)-\(atMs)")
        }
    }

    /// The slot's mark, else its mid.
    func markPrice(_ slot: Int) -> Price? {
        let m = engine.markets[slot]
        if let mark = m.mark { return mark }
        guard let b = m.bid, let a = m.ask else { return nil }
        let sum = b + a
        return Price(units: sum.units * 5, scale: sum.scale + 1)
    }
}
