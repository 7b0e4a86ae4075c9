import PropCore

extension ArbitrageEngine {
    /// Opens an arbitrage on a tradeable opportunity if the engine, the risk gate and both venues' margin
    /// allow both legs; otherwise records why on the board. Both legs are checked before either is sent.
    mutating func open(_ key: OpportunityBoard.RouteKey, _ o: Opportunity, nowNs: UInt64, into out: inout [EngineCommand]) {
        let pair = markets[key.buy].pairIndex
        if let block = engineBlock(pair: pair, nowNs: nowNs) { return skip(key, block) }
        guard let buyQuote = o.buyLeg, let sellQuote = o.sellLeg else { return }
        if markets[key.buy].excluded || markets[key.sell].excluded {
            return skip(key, code: "universe_excluded", ru: "Инструмент исключён оператором из торгуемого набора")
        }
        let id = arbitrages.nextId
        let buy = legOrder(LegKey(arbitrageId: id, index: 0), .entry, slot: key.buy, quote: buyQuote)
        let sell = legOrder(LegKey(arbitrageId: id, index: 1), .entry, slot: key.sell, quote: sellQuote)
        guard let buy, let sell else {
            return skip(key, code: "leg_rules", ru: "Нога не проходит правила биржи по шагу цены или объёма")
        }
        var first: [LegOrder]
        switch (key.style, settings.concurrentOrdersSubmission) {
        case (.takerTaker, true): first = [buy, sell]
        case (.makerBuy, _): first = [buy]
        case (.makerSell, _): first = [sell]
        // Sequential taker/taker: the slower venue first, the faster one follows for what filled.
        case (.takerTaker, false): first = [slower(buy, sell)]
        }
        // Both legs are decided before either is recorded: the second sees the first one's throttle slot, and
        // the gate counts the sent ones only when every leg passed (no trial copy of its tables per attempt).
        let snapshot = riskSnapshot(nowNs)
        risk.prune(nowNs: nowNs)
        risk.observe(snapshot)
        let buySent = first.contains { $0.instrument == buy.instrument }
        if let (code, ru) = entryDenial(buy, slot: key.buy, snapshot, nowNs: nowNs, alsoPlacing: nil)
            ?? entryDenial(sell, slot: key.sell, snapshot, nowNs: nowNs, alsoPlacing: buySent ? buy.instrument : nil) {
            return skip(key, code: code, ru: ru)
        }
        for leg in first { risk.recordPlace(on: leg.instrument, nowNs: nowNs) }
        var a = Arbitrage(id: id, plan: o, buy: markets[key.buy].id, buySlot: key.buy, sell: markets[key.sell].id, sellSlot: key.sell,
                          nowNs: nowNs, wallMs: wallMs)
        if first.count == 1 {
            first[0].key.index = 0
            a.follow = first[0].instrument == buy.instrument ? sell.instrument : buy.instrument
        }
        // Only what is sent was checked in: the follower passes the gate again when it goes out.
        a.legs = first.map { LegRecord(order: $0, sentNs: nowNs) }
        store(a, pair: pair)
        board.annotate(key, .traded(arbitrageId: id))
        out.append(.place(first))
    }

    /// Engine-level reasons not to open a new arbitrage on a pair (checked on every book update: no text is
    /// built until the reason is shown).
    func engineBlock(pair: Int, nowNs: UInt64) -> PairBlock? {
        if let held = risk.holdReason { return .hold(held) }
        if let reason = orderPathBlock { return .orderPath(reason) }
        if let active = activeByPair[pair] { return .busy(active) }
        if let done = pairFinishedNs[pair], elapsedNs(done, nowNs) < UInt64(settings.pairCooldownMs) * 1_000_000 {
            return .cooldown
        }
        return nil
    }

    mutating func skip(_ key: OpportunityBoard.RouteKey, code: String, ru: String) {
        skipsByCode[code, default: 0] += 1
        board.annotate(key, .text(code: code, ru: ru))
    }

    /// A walked route of a blocked pair: counted and shown with the block's reason.
    mutating func skip(_ key: OpportunityBoard.RouteKey, _ block: PairBlock) {
        skipsByCode[block.code, default: 0] += 1
        board.annotate(key, .block(block))
    }

    /// An entry leg from the calculator's quote: IOC at the deepest walked level (aggressive tick rounding) or
    /// post-only at its own best level (passive rounding).
    func legOrder(_ key: LegKey, _ purpose: LegPurpose, slot: Int, quote: LegQuote) -> LegOrder? {
        let rules = markets[slot].rules
        let maker = quote.role == .maker
        guard let price = try? OrderQuantizer(rules: rules).roundPrice(quote.worstPrice, side: quote.side,
                                                                         rounding: maker ? .passive : .aggressive)
        else { return nil }
        return LegOrder(key: key, purpose: purpose, instrument: rules.id, side: quote.side,
                        timeInForce: maker ? .postOnly : .ioc, price: price, qty: quote.venueQty,
                        contractValue: rules.contractValue, reduceOnly: false, expectedPrice: quote.vwap)
    }

    /// Why an entry leg may not go out (the risk gate on the slot's market, then the venue's margin), if it may not.
    func entryDenial(_ leg: LegOrder, slot: Int, _ snapshot: RiskSnapshot, nowNs: UInt64,
                     alsoPlacing: InstrumentId?) -> (code: String, ru: String)? {
        let decision = risk.evaluate(riskOrder(leg, opens: true), snapshot: snapshot, market: markets[slot].riskMarket(nowNs),
                                     nowNs: nowNs, alsoPlacing: alsoPlacing)
        if case .deny(let d) = decision { return (d.code, "Риск: \(d.messageRu)") }
        return marginShortfall(leg).map { ("margin", $0) }
    }

    func slower(_ a: LegOrder, _ b: LegOrder) -> LegOrder {
        (venueLatencyNs[a.instrument.venue] ?? 0) >= (venueLatencyNs[b.instrument.venue] ?? 0) ? a : b
    }

    func riskOrder(_ leg: LegOrder, opens: Bool) -> RiskOrder {
        RiskOrder(leg.request(clientOrderId: ""), contractValue: leg.contractValue, opensArbitrage: opens)
    }

    /// The exposure and market state for the risk gate.
    /// Only the markets of `instruments` are filled in: the gate reads the market of the order's own instrument
    /// (entry legs pass their market directly and ask for none).
    func riskSnapshot(_ nowNs: UInt64, only instruments: [InstrumentId] = []) -> RiskSnapshot {
        var marketsById: [InstrumentId: RiskMarket] = [:]
        if !instruments.isEmpty { marketsById.reserveCapacity(instruments.count) }
        for id in instruments { if let slot = slotById[id] { marketsById[id] = markets[slot].riskMarket(nowNs) } }
        var open = 0, inFlight = 0
        for case let id? in activeByPair {
            open += 1
            inFlight += arbitrages[id]?.legs.reduce(0) { $0 + ($1.isWorking ? 1 : 0) } ?? 0
        }
        return RiskSnapshot(positions: portfolio.riskPositions(), openArbitrages: open, inFlightOrders: inFlight,
                            equity: portfolio.recordedEquity, pnlToday: portfolio.pnlToday,
                            peakEquityToday: portfolio.peakEquityToday, markets: marketsById)
    }

    /// The snapshot for one residual or exit order. A reduce-only order's own position is valued at the order's
    /// limit price: the gate compares the order's notional with the position's, and at the mark a closing buy
    /// limited through the touch reads as larger than the short it closes (denied as "does not reduce").
    func riskSnapshot(_ nowNs: UInt64, for leg: LegOrder) -> RiskSnapshot {
        var snapshot = riskSnapshot(nowNs, only: [leg.instrument])
        if leg.reduceOnly, let held = portfolio.position(leg.instrument)?.qty, !held.isZero {
            snapshot.positions[leg.instrument] = leg.price.notional(held, scale: 8)
        }
        return snapshot
    }

    /// Initial margin the leg needs beyond what the venue has available, in Russian; nil when it fits.
    func marginShortfall(_ leg: LegOrder) -> String? {
        let venue = leg.instrument.venue
        guard let available = availableMargin[venue] else {
            return "Нет данных о марже на \(venue.canonicalName): новые арбитражи не открываются, пока баланс не прочитан"
        }
        let need = leg.price.notional(leg.baseQty).doubleValue / Double(max(1, settings.marginLeverage))
        guard available.doubleValue >= need else {
            return "Недостаточно маржи на \(venue.canonicalName): нужно \(Int(need.rounded(.up))) USDT, доступно \(available.trimmedDescription)"
        }
        return nil
    }

    mutating func store(_ a: Arbitrage, pair: Int) {
        arbitrages.store(a)
        if a.isActive { activeByPair[pair] = a.id }
    }
}

/// Why a pair cannot open a new arbitrage now.
enum PairBlock: Sendable {
    case hold(RiskDenial)
    case orderPath(String)
    case busy(String)
    case cooldown

    var code: String {
        switch self {
        case .hold: "hold"
        case .orderPath: "order_path_blocked"
        case .busy: "pair_busy"
        case .cooldown: "cooldown"
        }
    }

    var ru: String {
        switch self {
        case .hold(let d): "HOLD: \(d.messageRu)"
        case .orderPath(let why): "Ордера не принимаются: \(why)"
        case .busy(let id): "По этой паре уже идёт арбитраж \(id)"
        case .cooldown: "Пауза после предыдущего арбитража по паре"
        }
    }
}
