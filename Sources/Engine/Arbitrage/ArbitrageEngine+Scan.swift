import PropCore

extension ArbitrageEngine {
    /// Evaluates every route of `pair` through the changed book and opens the best tradeable one. `depthOf`
    /// reads a slot's depth when none is cached (nil: the caller cached it already).
    mutating func scan(pair: Int, changed: Int, nowNs: UInt64, depthOf: ((Int) -> DepthLevels)?, into out: inout [EngineCommand]) {
        let slots = pairs[pair].slots
        var best: (key: OpportunityBoard.RouteKey, opportunity: Opportunity)?
        // Both directions through the changed book; no arrays built per update (this runs on every book message).
        for other in slots where other != changed {
            for direction in 0..<2 {
                let buy = direction == 0 ? changed : other, sell = direction == 0 ? other : changed
                let key = OpportunityBoard.RouteKey(buy: buy, sell: sell, style: style(buy: buy, sell: sell))
                board.evaluations &+= 1
                guard let o = evaluate(key, nowNs: nowNs, depthOf: depthOf), o.isTradeable else { continue }
                if best.map({ o.netEdge > $0.opportunity.netEdge }) ?? true { best = (key, o) }
            }
        }
        if let best { open(best.key, best.opportunity, nowNs: nowNs, into: &out) }
    }

    /// The style tried on a route: taker/taker, or maker/taker with the post-only leg on the slower venue.
    func style(buy: Int, sell: Int) -> ExecutionStyle {
        switch settings.style {
        case .takerTaker: return .takerTaker
        case .makerTaker:
            let b = venueLatencyNs[markets[buy].id.venue] ?? 0, s = venueLatencyNs[markets[sell].id.venue] ?? 0
            // Equal latencies: rest on the buy side (a deterministic choice, not a guess about speed).
            return b >= s ? .makerBuy : .makerSell
        }
    }

    /// The route's opportunity: a cheap top-of-book bound first (a walk can only be worse than the top, so a
    /// bound below the threshold proves the route below it); the full walk when the bound passes or the
    /// board's refresh of this route is due. Nil when nothing was recorded.
    mutating func evaluate(_ key: OpportunityBoard.RouteKey, nowNs: UInt64, depthOf: ((Int) -> DepthLevels)?) -> Opportunity? {
        let b = markets[key.buy], s = markets[key.sell]
        guard b.isUsable, s.isUsable else { return nil }
        let pair = pairs[b.pairIndex].name
        let minBps = effectiveMinBps(pair)
        let bound = edgeBoundBps(key)
        let refreshDue = board.lastNs(key).map { elapsedNs($0, nowNs) >= UInt64(settings.boardRefreshMs) * 1_000_000 } ?? true
        guard bound >= minBps.doubleValue - 0.5 || refreshDue else { return nil }
        // Only a usable book is walked, so an empty cached side means "not read yet" (a live book has levels).
        if let depthOf, markets[key.buy].depth.bids.isEmpty { markets[key.buy].depth = depthOf(key.buy) }
        if let depthOf, markets[key.sell].depth.bids.isEmpty { markets[key.sell].depth = depthOf(key.sell) }
        let params = OpportunityParameters(sizeBase: sizeBase(pair, price: b.askD), slippageBufferBps: effectiveBufferBps(pair),
                                           minProfitabilityBps: minBps, holdingSeconds: settings.maxHoldingMs / 1000)
        let o = OpportunityCalculator.evaluate(buyOn: markets[key.buy].venueMarket, sellOn: markets[key.sell].venueMarket,
                                               style: key.style, parameters: params)
        board.record(key, .init(opportunity: o, buyBookAgeMs: b.ageMs(nowNs), sellBookAgeMs: s.ageMs(nowNs),
                                annotation: nil, walked: true,
                                evaluatedNs: nowNs, wallMs: wallMs))
        return o
    }

    /// Upper bound of the net edge in bps from the tops: prices at the touch, fees, buffer and funding.
    func edgeBoundBps(_ key: OpportunityBoard.RouteKey) -> Double {
        let b = markets[key.buy], s = markets[key.sell]
        let buffer = effectiveBufferBps(pairs[b.pairIndex].name).doubleValue
        let buyPrice = key.style == .makerBuy ? b.bidD : b.askD
        let sellPrice = key.style == .makerSell ? s.askD : s.bidD
        guard buyPrice > 0 else { return -.infinity }
        let buyFee = (key.style == .makerBuy ? b.fees.maker : b.fees.taker).doubleValue * 10_000
        let sellFee = (key.style == .makerSell ? s.fees.maker : s.fees.taker).doubleValue * 10_000
        let buffers = (key.style == .takerTaker ? 2 : 1) * buffer
        let holding = Double(settings.maxHoldingMs) / 1000
        let funding = (s.funding.rate.doubleValue * holding / Double(max(1, s.funding.intervalSeconds))
            - b.funding.rate.doubleValue * holding / Double(max(1, b.funding.intervalSeconds))) * 10_000
        return (sellPrice - buyPrice) / buyPrice * 10_000 - buyFee - sellFee - buffers + funding
    }

    /// Size in base coin for the pair's order amount at `price`, scaled by the risk level (the calculator
    /// rounds it down to both venues' lots).
    func sizeBase(_ pair: String, price: Double) -> Qty {
        guard price > 0 else { return .zero }
        let amount = risk.level.scale(settings.orderAmount(pair)).doubleValue
        return Qty(units: Int64((amount / price * 1e8).rounded(.down)), scale: 8)
    }

    /// `min_profitability` raised as the risk level falls: × (2 − level/100), so level 0 asks twice as much.
    func effectiveMinBps(_ pair: String) -> BasisPoints {
        let m = settings.minProfitability(pair)
        return BasisPoints(units: m.units * (200 - risk.level.percent), scale: m.scale + 2)
    }

    /// The slippage buffer grows the same way: a lower level assumes worse fills.
    func effectiveBufferBps(_ pair: String) -> BasisPoints {
        let m = settings.slippageBuffer(pair)
        return BasisPoints(units: m.units * (200 - risk.level.percent), scale: m.scale + 2)
    }
}
