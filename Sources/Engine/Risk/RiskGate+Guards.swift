import PropCore

extension RiskGate {
    /// Market-data guards: any one blocks new risk on the instrument.
    static func dataGuard(_ id: InstrumentId, _ m: RiskMarket, _ caps: RiskLimits) -> RiskDenial? {
        guard let bid = m.bestBid, let ask = m.bestAsk, let age = m.bookAgeMs else { return .noBook(id) }
        if age > caps.maxBookAgeMs { return .staleBook(id, ageMs: age, maxMs: caps.maxBookAgeMs) }
        if bid >= ask { return .crossedBook(id, bid: bid, ask: ask) }
        if let mid = m.mid, let mark = m.mark,
           Bps.exceeds(mid, mark, ref: mark, bps: caps.maxMidMarkDivergenceBps) ?? true {
            return .midMarkDivergence(id, mid: mid, mark: mark, capBps: caps.maxMidMarkDivergenceBps)
        }
        if let f = m.funding, Bps.exceeds(fraction: f, bps: caps.maxFundingBps) {
            return .fundingCap(id, rate: f, capBps: caps.maxFundingBps)
        }
        if let mark = m.mark, let index = m.index,
           Bps.exceeds(mark, index, ref: index, bps: caps.maxBasisBps) ?? true {
            return .basisCap(id, mark: mark, index: index, capBps: caps.maxBasisBps)
        }
        return nil
    }

    /// Exposure caps for an order that adds risk, against the caps in force at the current level.
    static func exposure(_ order: RiskOrder, notional: Qty, after: Qty, snapshot s: RiskSnapshot,
                         caps: RiskLimits) -> RiskDenial? {
        let id = order.instrument
        if notional > caps.maxOrderNotional { return .orderNotionalCap(id, notional: notional, cap: caps.maxOrderNotional) }
        if after.magnitude > caps.maxInstrumentNotional {
            return .instrumentNotionalCap(id, after: after, cap: caps.maxInstrumentNotional)
        }
        if !after.isNegative, after > caps.maxLongNotional { return .longCap(id, after: after, cap: caps.maxLongNotional) }
        if after.isNegative, after.magnitude > caps.maxShortNotional {
            return .shortCap(id, after: after, cap: caps.maxShortNotional)
        }
        let grossDelta = Qty.satMinus(after.magnitude, s.position(id).magnitude)
        let venueAfter = Qty.sat(s.venueGross(id.venue), grossDelta)
        if venueAfter > caps.maxVenueGross { return .venueGrossCap(id.venue, after: venueAfter, cap: caps.maxVenueGross) }
        let globalAfter = Qty.sat(s.globalGross, grossDelta)
        if globalAfter > caps.maxGlobalGross { return .globalGrossCap(after: globalAfter, cap: caps.maxGlobalGross) }
        let signed = Qty.satMinus(after, s.position(id))
        let netAfter = Qty.sat(s.net(base: id.base), signed)
        if netAfter.magnitude > caps.maxNetPerAsset {
            return .netAssetCap(base: id.base, after: netAfter, cap: caps.maxNetPerAsset)
        }
        let leverageRoom = Price(units: caps.maxLeverage.units, scale: caps.maxLeverage.scale).notional(s.equity, scale: 8)
        if s.equity.isNegative || s.equity.isZero || globalAfter > leverageRoom {
            return .leverageCap(grossAfter: globalAfter, equity: s.equity, maxLeverage: caps.maxLeverage)
        }
        if order.opensArbitrage, s.openArbitrages >= caps.maxOpenArbitrages {
            return .openArbitragesCap(open: s.openArbitrages, cap: caps.maxOpenArbitrages)
        }
        return nil
    }
}
