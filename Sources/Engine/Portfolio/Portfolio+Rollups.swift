public import PropCore

extension Portfolio {
    /// Venues with starting cash or any booked instrument, in `Venue.allCases` order.
    public var venues: [Venue] {
        let used = Set(startingCash.keys).union(positions.keys.map(\.venue))
        return Venue.allCases.filter(used.contains)
    }

    /// Instruments with a fill or a funding payment (mark-only entries are left out), sorted by id.
    public var bookedInstruments: [InstrumentId] {
        positions.values.filter { $0.fillCount > 0 || $0.fundingInUnits != 0 || $0.fundingOutUnits != 0 }
            .map(\.instrument).sorted()
    }

    /// One instrument's PnL (empty if nothing was booked on it).
    public func rollup(instrument: InstrumentId) -> PnLRollup {
        positions[instrument].map(PnLRollup.init) ?? PnLRollup()
    }

    /// One venue's PnL; cash and equity come from the venue's cash ledger, as the venue's own account would.
    public func rollup(venue: Venue) -> PnLRollup {
        var r = PnLRollup()
        for p in positions.values where p.instrument.venue == venue { r.addFlows(PnLRollup(p)) }
        r.startingCash = startingCash[venue] ?? PortfolioMath.usdt(0)
        r.cash = cash(venue: venue)
        r.equity = equity(venue: venue)
        return r
    }

    /// Everything: the venue rollups added up.
    public var total: PnLRollup {
        var r = PnLRollup()
        var start: Int64 = 0, cash: Int64 = 0, equity: Int64 = 0
        for v in venues {
            let vr = rollup(venue: v)
            r.addFlows(vr)
            start = PortfolioMath.sat(start, vr.startingCash.units)
            cash = PortfolioMath.sat(cash, vr.cash.units)
            equity = PortfolioMath.sat(equity, vr.equity.units)
        }
        r.startingCash = PortfolioMath.usdt(start); r.cash = PortfolioMath.usdt(cash); r.equity = PortfolioMath.usdt(equity)
        return r
    }

    /// Cash on one venue: starting cash + Σ fill cash flows (sell +, buy −) − fees + funding, USDT.
    public func cash(venue: Venue) -> Qty { PortfolioMath.usdt(ledger.cash[venue] ?? 0) }

    /// Cash + Σ position value on one venue, USDT; positions are valued at mark, or at cost until marked.
    public func equity(venue: Venue) -> Qty { PortfolioMath.usdt(equityUnits(venue)) }

    /// Total equity over all venues, USDT.
    public var equity: Qty { PortfolioMath.usdt(totalEquityUnits) }

    /// `equity` as recorded after the last change (every fill, funding payment and mark records it), without
    /// walking the positions: for the per-attempt risk snapshot.
    var recordedEquity: Qty {
        assert(intraday.lastUnits == totalEquityUnits, "equity changed without being recorded")
        return intraday.lastEquity
    }

    /// Today's realized + unrealized PnL net of fees and funding: equity now − equity at `startDay` (or at start).
    public var pnlToday: Qty { intraday.pnlToday }
    /// Highest equity since the day started.
    public var peakEquityToday: Qty { intraday.peakEquity }
    /// Largest peak-to-trough equity fall since the day started (≥ 0).
    public var maxDrawdown: Qty { intraday.maxDrawdown }

    /// Equity mantissa of one venue. Positions are valued on the ledger's fill sums, not the position state, so
    /// the equity identity in `checkInvariants` compares two independently kept books.
    func equityUnits(_ venue: Venue) -> Int64 {
        var e = ledger.cash[venue] ?? 0
        for p in positions.values where p.instrument.venue == venue {
            let q = ledger.fillQty[p.instrument] ?? Qty(units: 0, scale: 0)
            e = PortfolioMath.sat(e, PositionState.value(q, mark: p.mark, basis: p.basisUnits))
        }
        return e
    }

    /// Σ over venues of `equityUnits`, in one pass (it runs after every fill and mark): every venue's cash plus
    /// every position's value, without building the venue list.
    var totalEquityUnits: Int64 {
        var e: Int64 = 0
        for (_, cash) in ledger.cash { e = PortfolioMath.sat(e, cash) }
        for (id, p) in positions {
            let q = ledger.fillQty[id] ?? Qty(units: 0, scale: 0)
            e = PortfolioMath.sat(e, PositionState.value(q, mark: p.mark, basis: p.basisUnits))
        }
        return e
    }
}
