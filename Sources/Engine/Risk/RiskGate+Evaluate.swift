import PropCore

extension RiskGate {
    /// The decision for one order without recording anything (pure; the same inputs give the same answer).
    /// `alsoPlacing`: an order decided just before in the same batch (both legs of an arbitrage), not yet recorded,
    /// whose throttle slot this one must see.
    public func evaluate(_ order: RiskOrder, snapshot: RiskSnapshot, nowNs: UInt64, alsoPlacing: InstrumentId? = nil) -> RiskDecision {
        evaluate(order, snapshot: snapshot, market: snapshot.markets[order.instrument] ?? RiskMarket(), nowNs: nowNs,
                 alsoPlacing: alsoPlacing)
    }

    /// The same with the order's own market given directly (the snapshot's `markets` are not read): the engine
    /// knows the slot and skips building and hashing a table per decision.
    public func evaluate(_ order: RiskOrder, snapshot: RiskSnapshot, market: RiskMarket, nowNs: UInt64,
                         alsoPlacing: InstrumentId? = nil) -> RiskDecision {
        let caps = limits.scaled(to: level)
        let id = order.instrument
        let req = order.request
        guard req.qty.units > 0, order.contractValue.units > 0 else { return .deny(.invalidOrder(id, qty: req.qty)) }
        guard let notional = Self.notional(order, market) else { return .deny(.noReferencePrice(id)) }
        let position = snapshot.position(id)
        let signed = req.side == .buy ? notional : -notional
        let after = Qty.sat(position, signed)
        let reducing = Self.isReduction(position: position, after: after)
        if req.reduceOnly, !reducing {
            return .deny(.reduceOnlyWouldIncrease(id, position: position, orderNotional: signed))
        }
        // Loop and fat-finger protection: applies to every order.
        if stoppedRoutes.contains(id) { return .deny(.routeStopped(id)) }
        if let d = throttle(id, nowNs: nowNs, alsoPlacing: alsoPlacing) { return .deny(d) }
        if snapshot.inFlightOrders >= limits.maxInFlightOrders {
            return .deny(.inFlightCap(inFlight: snapshot.inFlightOrders, cap: limits.maxInFlightOrders))
        }
        if let d = Self.priceBand(req, market, caps) { return .deny(d) }
        if reducing { return .allow }
        // New risk from here on.
        if let h = holdReason ?? Self.lossBreach(snapshot, limits) { return .deny(h) }
        if let d = Self.dataGuard(id, market, caps) { return .deny(d) }
        if let d = Self.exposure(order, notional: notional, after: after, snapshot: snapshot, caps: caps) {
            return .deny(d)
        }
        return .allow
    }

    /// Whether going from `position` to `after` shrinks the position without flipping it.
    static func isReduction(position: Qty, after: Qty) -> Bool {
        guard !position.isZero else { return false }
        return after.magnitude < position.magnitude && (after.isZero || after.isNegative == position.isNegative)
    }

    /// USDT notional of the order: its limit price, else the side of the book it would take, else the mark.
    static func notional(_ order: RiskOrder, _ market: RiskMarket) -> Qty? {
        let touch = order.request.side == .buy ? market.bestAsk : market.bestBid
        guard let price = order.request.price ?? touch ?? market.mark, price.units > 0 else { return nil }
        let cv = order.contractValue
        let baseQty = Price(units: cv.units, scale: cv.scale).notional(order.request.qty, scale: 12)
        return price.notional(baseQty, scale: 8)
    }

    /// Daily loss or drawdown beyond the hard limits (these are not scaled: HOLD thresholds stay fixed).
    static func lossBreach(_ s: RiskSnapshot, _ limits: RiskLimits) -> RiskDenial? {
        let pnl = RiskSnapshot.sane(s.pnlToday)
        if pnl.isNegative, pnl.magnitude > limits.dailyLossCap {
            return .dailyLossCap(pnlToday: s.pnlToday, cap: limits.dailyLossCap)
        }
        let drawdown = Qty.satMinus(s.peakEquityToday, s.equity)
        if drawdown > limits.maxIntradayDrawdown { return .drawdownCap(drawdown: drawdown, cap: limits.maxIntradayDrawdown) }
        return nil
    }

    /// Orders/second, orders/minute and the per-route runaway breaker for one more place (after `alsoPlacing`).
    func throttle(_ id: InstrumentId, nowNs: UInt64, alsoPlacing: InstrumentId? = nil) -> RiskDenial? {
        let secondFloor = nowNs >= Self.secondNs ? nowNs - Self.secondNs : 0
        let minuteFloor = nowNs >= Self.minuteNs ? nowNs - Self.minuteNs : 0
        let pending = alsoPlacing == nil ? 0 : 1
        let lastSecond = placeTimesNs.lazy.filter { $0 > secondFloor && $0 <= nowNs }.count + pending
        if lastSecond + 1 > limits.maxOrdersPerSecond {
            return .ordersPerSecond(count: lastSecond, cap: limits.maxOrdersPerSecond)
        }
        let lastMinute = placeTimesNs.lazy.filter { $0 > minuteFloor && $0 <= nowNs }.count + pending
        if lastMinute + 1 > limits.maxOrdersPerMinute {
            return .ordersPerMinute(count: lastMinute, cap: limits.maxOrdersPerMinute)
        }
        let routeActions = (routeActionsNs[id] ?? []).lazy.filter { $0 > minuteFloor && $0 <= nowNs }.count
            + (alsoPlacing == id ? 1 : 0)
        if routeActions + 1 > limits.runawayActionsPerMinute {
            return .runawayBreaker(id, actions: routeActions + 1, cap: limits.runawayActionsPerMinute)
        }
        return nil
    }

    /// Limit price within ± band of the reference (mid, else mark). Market orders have no price to check.
    static func priceBand(_ req: OrderRequest, _ market: RiskMarket, _ caps: RiskLimits) -> RiskDenial? {
        guard let price = req.price else { return nil }
        guard let reference = market.mid ?? market.mark else { return .noReferencePrice(req.instrument) }
        if Bps.exceeds(price, reference, ref: reference, bps: caps.priceBandBps) ?? true {
            return .priceBand(req.instrument, price: price, reference: reference, bandBps: caps.priceBandBps)
        }
        return nil
    }
}
