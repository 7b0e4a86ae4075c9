import Engine
import PropCore

extension BacktestRunner {
    /// Performs the engine's commands (and whatever they lead to) until none are left.
    mutating func performCommands() {
        while !commands.isEmpty {
            let batch = commands
            commands.removeAll(keepingCapacity: true)
            for command in batch {
                switch command {
                case .place(let legs): for leg in legs { place(leg) }
                case .cancel(let key): cancel(key)
                case .hold(let reason): if holds.count < 50, !holds.contains(reason) { holds.append(reason) }
                case .alert(let code, _): alertsByCode[code, default: 0] += 1
                }
            }
        }
    }

    /// One leg: a deterministic client id, then submit → sent → the venue, as the live executor does after the
    /// journal (the backtest journals nothing).
    mutating func place(_ leg: LegOrder) {
        nextClientId += 1
        let id = "bt\(nextClientId)"
        let request = leg.request(clientOrderId: id)
        legByClientId[id] = leg
        clientIdByKey[leg.key] = id
        ledger.noteArbitrage(leg.key.arbitrageId)
        if case .alert(let code, _) = manager.submit(request, parentId: leg.key.arbitrageId, nowNs: nowNs) {
            alertsByCode[code, default: 0] += 1
            engine.onLegFinal(leg.key, .denied(code: code), nowNs: nowNs, wallMs: nowMs, into: &commands)
            return
        }
        absorb(manager.markSent(id, nowNs: nowNs))
        guard let slot = engine.slot(of: leg.instrument) else { return }
        venue.submit(request, slot: slot, nowNs: nowNs)
    }

    /// A cancel through the order manager (nothing when the order is final or a cancel is already in flight).
    mutating func cancel(_ key: LegKey) {
        guard let id = clientIdByKey[key], let command = manager.requestCancel(id, nowNs: nowNs) else { return }
        execute(command)
    }

    /// Performs one order-manager command against the simulated venue and feeds the answer back.
    mutating func execute(_ command: OrderCommand) {
        switch command {
        case .place(let r), .resend(let r):
            guard let slot = engine.slot(of: r.instrument) else { return }
            venue.submit(r, slot: slot, nowNs: nowNs)
        case .cancel(let instrument, let id):
            venue.cancel(id, venue: instrument.venue, nowNs: nowNs)
        case .query(_, let id):
            absorb(manager.reconcile(id, venueAnswer: venue.query(id), nowNs: nowNs))
        case .alert(let code, _):
            alertsByCode[code, default: 0] += 1
        }
    }

    /// Passes the venues' answers and stream events to the order manager, oldest first.
    mutating func drainVenue() {
        while !venue.outbox.isEmpty {
            let batch = venue.outbox
            venue.outbox.removeAll(keepingCapacity: true)
            for event in batch {
                switch event {
                case .placeAnswer(let id, let result):
                    if case .failure(.rejected(let code)) = result { rejectsByCode[code, default: 0] += 1 }
                    absorb(manager.placeResult(id, result, nowNs: nowNs))
                case .cancelAnswer(let id, let result): absorb(manager.cancelResult(id, result, nowNs: nowNs))
                case .fill(let fill): absorb(manager.apply(.fill(fill), nowNs: nowNs))
                case .order(let report): absorb(manager.apply(.order(report), nowNs: nowNs))
                }
            }
        }
        if !commands.isEmpty { performCommands() }
    }

    /// Turns what the order manager concluded into engine events: each new fill, then each final state
    /// (fills always before the final state they lead to), then the manager's own commands.
    mutating func absorb(_ outcome: ApplyOutcome) {
        for fill in outcome.newFills {
            guard let leg = legByClientId[fill.clientOrderId], let slot = engine.slot(of: leg.instrument) else { continue }
            ledger.record(fill, leg: leg, slot: slot)
            engine.onFill(leg.key, LegFill(price: fill.price, qty: fill.qty, fee: fill.fee, isMaker: fill.isMaker,
                                           tradeId: fill.tradeId, tsMs: fill.tsMs),
                          nowNs: nowNs, wallMs: nowMs, into: &commands)
            refreshMargin(leg.instrument.venue)
        }
        for t in outcome.transitions where t.to.isFinal && !t.from.isFinal {
            guard let leg = legByClientId[t.clientOrderId] else { continue }
            let code = manager.order(t.clientOrderId)?.lastReasonCode ?? t.to.rawValue
            let result: LegOutcome = t.to == .rejected ? .rejected(code: code) : .done
            engine.onLegFinal(leg.key, result, nowNs: nowNs, wallMs: nowMs, into: &commands)
        }
        if !outcome.illegal.isEmpty { alertsByCode["order_illegal_transition", default: 0] += outcome.illegal.count }
        for command in outcome.commands { execute(command) }
    }

    /// Available margin on a venue: equity less the initial margin of its positions at the engine's leverage.
    mutating func refreshMargin(_ v: Venue) {
        var used = 0.0
        for slot in engine.markets.indices where engine.markets[slot].id.venue == v {
            guard let price = markPrice(slot) else { continue }
            used += abs(ledger.held[slot].doubleValue) * price.doubleValue
        }
        let free = engine.portfolio.equity(venue: v).doubleValue - used / Double(max(1, engine.settings.marginLeverage))
        engine.setAvailableMargin(v, Qty(units: Int64((max(0, free) * 100).rounded(.down)), scale: 2))
    }
}
