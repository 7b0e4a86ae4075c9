import PropCore

extension ArbitrageEngine {
    /// Evaluates every route of `pair` through the changed book and opens the best tradeable one. `depthOf`
    /// reads a slot's depth when none is cached.
    mutating func scan(pair: Int, changed: Int, nowNs: UInt64, depthOf: (Int) -> DepthLevels, into out: inout [EngineCommand]) {
        let slots = pairs[pair].slots
        // A pair that cannot open now (busy, cooling down, HOLD) is only walked for the board's refresh.
        let blocked = engineBlock(pair: pair, nowNs: nowNs)
        var best: (key: OpportunityBoard.RouteKey, netEdge: Qty)?
        // Both directions through the changed book; no arrays built per update (this runs on every book message).
        for other in slots where other != changed {
            for direction in 0..<2 {
                let buy = direction == 0 ? changed : other, sell = direction == 0 ? other : changed
                let key = OpportunityBoard.RouteKey(buy: buy, sell: sell, style: style(buy: buy, sell: sell))
                board.evaluations &+= 1
                guard let edge = evaluate(key, nowNs: nowNs, blocked: blocked, depthOf: depthOf) else { continue }
                if let blocked {
                    skip(key, blocked)
                    continue
                }
                if best.map({ edge > $0.netEdge }) ?? true { best = (key, edge) }
            }
        }
        // The opportunity is read back from the board: a large value, copied once instead of per route.
        if let best, let o = board.entry(best.key)?.opportunity { open(best.key, o, nowNs: nowNs, into: &out) }
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
    /// board's refresh of this route is due. Returns the net edge of a tradeable opportunity (recorded on the
    /// board), nil otherwise.
    /// A `blocked` pair is walked only for the board's refresh; between walks a route that would pass just
    /// shows the block.
    mutating func evaluate(_ key: OpportunityBoard.RouteKey, nowNs: UInt64, blocked: PairBlock? = nil,
                           depthOf: (Int) -> DepthLevels) -> Qty? {
        // Fields are read in place: copying a whole `MarketSlot` per route costs more than the bound itself.
        guard markets[key.buy].isUsable, markets[key.sell].isUsable else { return nil }
        let t = thresholds(markets[key.buy].pairIndex)
        let route = key.buy * markets.count + key.sell
        let passes = edgeBoundBps(key, bufferBps: t.bufferD) >= t.minD - 0.5
        if blocked != nil || !passes {
            let last = lastWalkNs[route]
            guard last == 0 || elapsedNs(last, nowNs) >= UInt64(settings.boardRefreshMs) * 1_000_000 else {
                if passes, let blocked { board.annotate(key, .block(blocked)) }
                return nil
            }
        }
        lastWalkNs[route] = nowNs
        // Only a usable book is walked, so an empty cached side means "not read yet" (a live book has levels).
        if markets[key.buy].depth.bids.isEmpty { markets[key.buy].depth = depthOf(key.buy) }
        if markets[key.sell].depth.bids.isEmpty { markets[key.sell].depth = depthOf(key.sell) }
        let params = OpportunityParameters(sizeBase: sizeBase(amount: t.orderAmountD, price: markets[key.buy].askD),
                                           slippageBufferBps: t.buffer, minProfitabilityBps: t.minBps,
                                           holdingSeconds: settings.maxHoldingMs / 1000)
        let o = OpportunityCalculator.evaluate(buyOn: markets[key.buy].market, sellOn: markets[key.sell].market,
                                               style: key.style, parameters: params)
        board.record(key, .init(opportunity: o, buyBookAgeMs: markets[key.buy].ageMs(nowNs),
                                sellBookAgeMs: markets[key.sell].ageMs(nowNs), annotation: nil, walked: true,
                                evaluatedNs: nowNs, wallMs: wallMs))
        return o.isTradeable ? o.netEdge : nil
    }

    /// Upper bound of the net edge in bps from the tops: prices at the touch, fees, buffer and funding.
    func edgeBoundBps(_ key: OpportunityBoard.RouteKey) -> Double {
        edgeBoundBps(key, bufferBps: effectiveBufferBps(pairs[markets[key.buy].pairIndex].name).doubleValue)
    }

    /// The bound with the pair's slippage buffer already in bps.
    func edgeBoundBps(_ key: OpportunityBoard.RouteKey, bufferBps buffer: Double) -> Double {
        let buyPrice = key.style == .makerBuy ? markets[key.buy].bidD : markets[key.buy].askD
        let sellPrice = key.style == .makerSell ? markets[key.sell].askD : markets[key.sell].bidD
        guard buyPrice > 0 else { return -.infinity }
        let buyFee = key.style == .makerBuy ? markets[key.buy].feeBps.maker : markets[key.buy].feeBps.taker
        let sellFee = key.style == .makerSell ? markets[key.sell].feeBps.maker : markets[key.sell].feeBps.taker
        let buffers = (key.style == .takerTaker ? 2 : 1) * buffer
        let holding = Double(settings.maxHoldingMs) / 1000
        let funding = (markets[key.sell].fundingPerSecond - markets[key.buy].fundingPerSecond) * holding * 10_000
        return (sellPrice - buyPrice) / buyPrice * 10_000 - buyFee - sellFee - buffers + funding
    }

    /// The pair's thresholds at the current risk level, computed once per level and settings change.
    mutating func thresholds(_ pair: Int) -> PairThresholds {
        if thresholdLevel != risk.level.percent || thresholdCache.count != pairs.count {
            thresholdCache = pairs.map { p in
                let minBps = effectiveMinBps(p.name), buffer = effectiveBufferBps(p.name)
                return PairThresholds(minBps: minBps, minD: minBps.doubleValue, buffer: buffer, bufferD: buffer.doubleValue,
                                      orderAmountD: risk.level.scale(settings.orderAmount(p.name)).doubleValue)
            }
            thresholdLevel = risk.level.percent
        }
        return thresholdCache[pair]
    }

    /// Size in base coin for the pair's order amount at `price`, scaled by the risk level (the calculator
    /// rounds it down to both venues' lots).
    func sizeBase(amount: Double, price: Double) -> Qty {
        guard price > 0 else { return .zero }
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

/// One pair's strategy thresholds at a risk level, exact and as doubles for the bound.
struct PairThresholds: Sendable {
    var minBps: BasisPoints
    var minD: Double
    var buffer: BasisPoints
    var bufferD: Double
    /// `order_amount` × level, USDT.
    var orderAmountD: Double
}
