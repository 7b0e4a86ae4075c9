extension Portfolio {
    /// The PnL page's snapshot: rows for booked positions (sorted by id), venues, the total and today's figures.
    public func snapshot() -> PortfolioSnapshot {
        let rows = bookedInstruments.compactMap { id in positions[id] }.map { p in
            PortfolioSnapshot.PositionRow(
                instrument: p.instrument.description, venue: p.instrument.venue.rawValue, base: p.instrument.base,
                qty: p.qty.description, avgEntryPrice: p.averageEntryPrice?.description,
                costBasis: p.costBasis.description, mark: p.mark?.description, markValue: p.markValue?.description,
                marked: p.mark != nil, pnl: .init(PnLRollup(p)))
        }
        let d = intraday
        return PortfolioSnapshot(
            positions: rows, venues: venues.map { .init(venue: $0.rawValue, pnl: .init(rollup(venue: $0))) },
            total: .init(total), pnlToday: d.pnlToday.description, dayStartEquity: d.dayStartEquity.description,
            peakEquityToday: d.peakEquity.description, currentDrawdown: d.currentDrawdown.description,
            maxDrawdown: d.maxDrawdown.description, dayStartMs: d.dayStartMs,
            violations: lastViolations.map(PortfolioSnapshot.ViolationRow.init))
    }

    /// The exposure page's snapshot: net per base asset, gross and net per venue, global gross and net.
    public func exposureSnapshot() -> ExposureSnapshot {
        let assetRows = assets.map {
            ExposureSnapshot.AssetRow(asset: $0, netBase: netBase(asset: $0).description,
                                      netNotional: netNotional(asset: $0).description)
        }
        let venueRows = venues.map { v in
            let net = positions.values.filter { $0.instrument.venue == v && !$0.isFlat }
                .reduce(Int64(0)) { PortfolioMath.sat($0, $1.valueUnits) }
            return ExposureSnapshot.VenueRow(venue: v.rawValue, grossNotional: grossNotional(venue: v).description,
                                             netNotional: PortfolioMath.usdt(net).description)
        }
        return ExposureSnapshot(assets: assetRows, venues: venueRows, globalGross: globalGross.description,
                                globalNet: globalNet.description)
    }
}
