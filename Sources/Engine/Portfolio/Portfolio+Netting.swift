public import PropCore

extension Portfolio {
    /// Base assets with an open position anywhere, sorted.
    public var assets: [String] { Set(positions.values.filter { !$0.isFlat }.map(\.instrument.base)).sorted() }

    /// Signed base quantity of one asset summed over every venue (a hedged arbitrage nets to zero).
    public func netBase(asset: String) -> Qty {
        positions.values.filter { $0.instrument.base == asset }.reduce(Qty(units: 0, scale: 0)) { PortfolioMath.satQty($0, $1.qty) }
    }

    /// Signed USDT value of one asset over every venue, at mark (at cost where unmarked).
    public func netNotional(asset: String) -> Qty {
        PortfolioMath.usdt(positions.values.filter { $0.instrument.base == asset && !$0.isFlat }
            .reduce(0) { PortfolioMath.sat($0, $1.valueUnits) })
    }

    /// Σ |position value| on one venue, USDT.
    public func grossNotional(venue: Venue) -> Qty {
        PortfolioMath.usdt(positions.values.filter { $0.instrument.venue == venue && !$0.isFlat }
            .reduce(0) { PortfolioMath.sat($0, Int64(clamping: $1.valueUnits.magnitude)) })
    }

    /// Σ |position value| over all venues, USDT.
    public var globalGross: Qty {
        PortfolioMath.usdt(Venue.allCases.reduce(0) { PortfolioMath.sat($0, grossNotional(venue: $1).units) })
    }

    /// Σ signed position value over all venues, USDT (what is left unhedged in money terms).
    public var globalNet: Qty {
        PortfolioMath.usdt(positions.values.filter { !$0.isFlat }.reduce(0) { PortfolioMath.sat($0, $1.valueUnits) })
    }

    /// Signed position notional per open instrument, ready for `RiskSnapshot.positions`: qty × mark, or the cost
    /// basis for an instrument that has no mark yet.
    public func riskPositions() -> [InstrumentId: Qty] {
        var out: [InstrumentId: Qty] = [:]
        for p in positions.values where !p.isFlat { out[p.instrument] = p.value }
        return out
    }
}
