import PropCore

extension ArbitrageEngine {
    /// A fill of one of our legs (from the private stream or a query; duplicates by trade id are ignored).
    public mutating func onFill(_ key: LegKey, _ fill: LegFill, nowNs: UInt64, wallMs: Int64, into out: inout [EngineCommand]) {
        guard var a = arbitrages[key.arbitrageId], let i = a.legIndex(key) else { return }
        self.wallMs = wallMs
        let order = a.legs[i].order
        let base = Price(units: order.contractValue.units, scale: order.contractValue.scale).notional(fill.qty, scale: 12)
        let booked = portfolio.apply(PortfolioFill(instrument: order.instrument, side: order.side, qty: base,
                                                   price: fill.price, fee: fill.fee, isMaker: fill.isMaker,
                                                   tradeId: fill.tradeId, tsMs: fill.tsMs))
        guard booked else { return }
        if let slot = slotById[order.instrument] { markets[slot].position = portfolio.position(order.instrument)?.qty ?? markets[slot].position }
        a.legs[i].filledQty += fill.qty
        a.legs[i].filledBase += base
        a.legs[i].filledNotional += fill.price.notional(base, scale: 8)
        a.legs[i].fees += fill.fee
        arbitrages.store(a)
        progress(a.id, nowNs: nowNs, into: &out)
    }

    /// A leg reached its end on the venue (or was refused before it). Fills must have been delivered first.
    /// `venueFilledQty` is the venue's cumulative fill at the end, when known: the leg keeps waiting for fills
    /// up to it.
    public mutating func onLegFinal(_ key: LegKey, _ outcome: LegOutcome, venueFilledQty: Qty? = nil, nowNs: UInt64,
                                    wallMs: Int64, into out: inout [EngineCommand]) {
        guard var a = arbitrages[key.arbitrageId], let i = a.legIndex(key), a.legs[i].outcome == nil else { return }
        self.wallMs = wallMs
        a.legs[i].outcome = outcome
        a.legs[i].venueFilledQty = venueFilledQty
        // A refused order, or an entry that ended with nothing filled (an IOC that found nothing inside its limit,
        // a follower that keeps missing), rules its venue out for this arbitrage's hedges and follow orders.
        let leg = a.legs[i]
        let nothingFilled = leg.filledBase.isZero && (venueFilledQty ?? .zero).isZero
        if nothingFilled, leg.order.purpose != .exit, outcome != .done || leg.order.purpose == .entry {
            a.failedInstruments.insert(leg.order.instrument)
        }
        arbitrages.store(a)
        progress(a.id, nowNs: nowNs, into: &out)
    }

    /// Moves one arbitrage forward: leg deadlines, the sequential follower, and once nothing is working,
    /// hedge / unwind of any imbalance, or the next phase.
    mutating func progress(_ id: String, nowNs: UInt64, into out: inout [EngineCommand]) {
        guard var a = arbitrages[id], a.isActive else { return }
        for i in a.legs.indices where a.legs[i].outcome == nil && !a.legs[i].cancelRequested {
            let limit = a.legs[i].order.timeInForce == .postOnly ? settings.makerRestMs : settings.legTimeoutMs
            if elapsedNs(a.legs[i].sentNs, nowNs) >= UInt64(limit) * 1_000_000 {
                requestCancel(&a, leg: i, nowNs: nowNs, into: &out)
            }
        }
        if a.phase == .entering, let follow = a.follow, !a.legs.contains(where: { $0.isWorking && $0.order.instrument == follow }) {
            if let slot = slotById[follow], !a.failedInstruments.contains(follow), tradable(a.imbalance.magnitude, slot) {
                sendResidual(&a, slot: slot, purpose: .entry, reduceOnly: false, nowNs: nowNs, into: &out)
            }
        }
        if !a.hasWorkingLegs { settle(&a, nowNs: nowNs, into: &out) }
        arbitrages.store(a)
        if !a.isActive { finish(a, nowNs: nowNs) }
        trackExposure(pair: markets[a.buySlot].pairIndex, nowNs: nowNs, into: &out)
    }

    /// Nothing is working: either the legs offset each other (open, closed or exit again) or the excess is
    /// hedged on another venue / unwound on its own, within the deadline.
    mutating func settle(_ a: inout Arbitrage, nowNs: UInt64, into out: inout [EngineCommand]) {
        let pair = markets[a.buySlot].pairIndex
        if !isDust(a.imbalance.magnitude, pair: pair) { adoptClosedDust(&a) }
        let imbalance = a.imbalance
        if isDust(imbalance.magnitude, pair: pair) {
            a.imbalanceSinceNs = nil
            let gross = a.grossHeld
            if isDust(gross, pair: pair) { a.phase = .closed; a.closedNs = nowNs; return }
            switch a.phase {
            case .entering, .balancing: a.phase = .open; a.openedNs = a.openedNs ?? nowNs
            case .exiting: if nowNs >= a.nextRetryNs { sendExit(&a, nowNs: nowNs, into: &out) }
            case .open, .closed: break
            }
            return
        }
        let since = a.imbalanceSinceNs ?? nowNs
        a.imbalanceSinceNs = since
        if a.phase != .exiting { a.phase = .balancing }
        if !a.deadlineBreached, elapsedNs(since, nowNs) > UInt64(settings.hedgeDeadlineMs) * 1_000_000 {
            a.deadlineBreached = true
            let text = "Арбитраж \(a.id) (\(a.pair)): непокрытая нога \(imbalance.trimmedDescription) не закрыта за \(settings.hedgeDeadlineMs) мс"
            risk.hold(text)
            out.append(.hold(reason: text))
            out.append(.alert(code: "leg_risk_deadline", messageRu: text + "; торговля остановлена (HOLD), продолжаем сворачивать ногу"))
        }
        guard nowNs >= a.nextRetryNs else { return }
        let side: OrderSide = imbalance.isNegative ? .buy : .sell
        if a.phase != .exiting, a.hedgeAttempts < settings.maxHedgeAttempts, !risk.isHeld,
           let slot = hedgeVenue(a, side: side, qty: imbalance.magnitude, pair: pair) {
            a.hedgeAttempts += 1
            sendResidual(&a, slot: slot, purpose: .hedge, reduceOnly: false, nowNs: nowNs, into: &out)
        } else if let slot = unwindVenue(a, sign: imbalance.isNegative) {
            sendResidual(&a, slot: slot, purpose: .unwind, reduceOnly: true, nowNs: nowNs, into: &out)
        }
        a.nextRetryNs = nowNs + UInt64(settings.retryMs) * 1_000_000
    }

    /// The best venue to take the other side of `qty` now: not one that failed, and not one where the excess
    /// itself sits (taking it back there is an unwind, which is reduce-only).
    func hedgeVenue(_ a: Arbitrage, side: OrderSide, qty: Qty, pair: Int) -> Int? {
        let held = a.held
        return pairs[pair].slots
            .filter { slot in
                let id = markets[slot].id
                let excessHere = held[id].map { !$0.isZero && $0.isNegative == (side == .buy) } ?? false
                return !excessHere && !a.failedInstruments.contains(id) && markets[slot].isUsable && tradable(qty, slot)
            }
            .max { side == .sell ? markets[$0].bidD < markets[$1].bidD : markets[$0].askD > markets[$1].askD }
    }

    /// Asks the venue to cancel a working leg, once; the cancel counts towards the route's runaway breaker.
    mutating func requestCancel(_ a: inout Arbitrage, leg i: Int, nowNs: UInt64, into out: inout [EngineCommand]) {
        guard a.legs[i].isWorking, !a.legs[i].cancelRequested else { return }
        a.legs[i].cancelRequested = true
        risk.recordCancel(on: a.legs[i].order.instrument, nowNs: nowNs)
        out.append(.cancel(a.legs[i].order.key))
    }

    /// The instrument holding the largest excess of the imbalance's sign (its own venue takes it back).
    func unwindVenue(_ a: Arbitrage, sign negative: Bool) -> Int? {
        // Sorted first: a tie must not be broken by the dictionary's per-process hash order (replays must match).
        a.held.sorted { $0.key < $1.key }.filter { !$0.value.isZero && $0.value.isNegative == negative }
            .max { $0.value.magnitude < $1.value.magnitude }
            .flatMap { slotById[$0.key] }
    }

    /// A closed arbitrage frees its pair (after the cooldown) and is kept for the record.
    mutating func finish(_ a: Arbitrage, nowNs: UInt64) {
        guard let slot = slotById[a.buyInstrument] else { return }
        let pair = markets[slot].pairIndex
        if activeByPair[pair] == a.id { activeByPair[pair] = nil }
        pairFinishedNs[pair] = nowNs
        for (id, q) in a.held where !q.isZero { if let s = slotById[id] { dustSlots.insert(s) } }
        arbitrages.trim(keeping: Self.historyLimit)
    }
}
