import PropCore

extension ArbitrageEngine {
    /// Exit rules of the pair's open arbitrage (converged spread, age, costly funding ahead) and the
    /// cancel of a resting maker leg whose opportunity is gone.
    mutating func checkExits(pair: Int, nowNs: UInt64, into out: inout [EngineCommand]) {
        // Runs on every book update of the pair: decided on the stored arbitrage in place, copied out only to act.
        guard let id = activeByPair[pair], let i = arbitrages.index(of: id) else { return }
        switch arbitrages.items[i].phase {
        case .entering:
            guard arbitrages.items[i].legs.contains(where: { $0.order.timeInForce == .postOnly }) else { return }
            var m = arbitrages.items[i]
            cancelStaleMaker(&m, nowNs: nowNs, into: &out)
            arbitrages.store(m)
        case .open:
            guard let reason = exitReason(arbitrages.items[i], nowNs: nowNs) else { return }
            var m = arbitrages.items[i]
            m.phase = .exiting
            m.exitReason = reason
            sendExit(&m, nowNs: nowNs, into: &out)
            arbitrages.store(m)
        case .balancing, .exiting, .closed:
            break
        }
    }

    /// KILL: every arbitrage exits as soon as it is hedged (open ones now; entering or balancing ones once their
    /// legs settle), and a resting maker entry is cancelled. New ones are blocked by the caller (`orderPathBlock`).
    public mutating func exitAll(nowNs: UInt64, wallMs: Int64, into out: inout [EngineCommand]) {
        self.wallMs = wallMs
        flattenRequested = true
        for id in activeIds {
            guard var a = arbitrages[id] else { continue }
            for i in a.legs.indices where a.legs[i].isWorking && !a.legs[i].cancelRequested && a.legs[i].order.purpose == .entry {
                requestCancel(&a, leg: i, nowNs: nowNs, into: &out)
            }
            arbitrages.store(a)
        }
        for pair in pairs.indices { checkExits(pair: pair, nowNs: nowNs, into: &out) }
    }

    /// Operator `hedge`: every entry still working is cancelled and every open imbalance is hedged (or unwound)
    /// at once instead of at its leg deadline; balanced arbitrages stay open. Returns how many were unbalanced
    /// or still entering.
    @discardableResult
    public mutating func hedgeAll(nowNs: UInt64, wallMs: Int64, into out: inout [EngineCommand]) -> Int {
        self.wallMs = wallMs
        var touched = 0
        for id in activeIds {
            guard var a = arbitrages[id] else { continue }
            let pair = markets[slotById[a.buyInstrument] ?? 0].pairIndex
            let entering = a.legs.contains { $0.isWorking && $0.order.purpose == .entry }
            guard entering || !isDust(a.imbalance.magnitude, pair: pair) else { continue }
            touched += 1
            for i in a.legs.indices where a.legs[i].isWorking && a.legs[i].order.purpose == .entry {
                requestCancel(&a, leg: i, nowNs: nowNs, into: &out)
            }
            a.nextRetryNs = 0
            arbitrages.store(a)
            progress(id, nowNs: nowNs, into: &out)
        }
        return touched
    }

    /// Back to normal exits after a KILL finished (the operator resumed).
    public mutating func endFlatten() { flattenRequested = false }

    /// Why the open arbitrage should close now, in Russian; nil to keep it.
    func exitReason(_ a: Arbitrage, nowNs: UInt64) -> String? {
        if flattenRequested { return "аварийная остановка (KILL): позиции закрываются" }
        let long = a.buySlot, short = a.sellSlot
        let age = elapsedNs((a.openedNs ?? a.createdNs), nowNs)
        if age >= UInt64(settings.holdLimitMs) * 1_000_000 { return "истёк срок удержания \(settings.holdLimitMs) мс" }
        // Fields are read in place: copying two `MarketSlot`s (depth arrays and all) per book update cost more.
        if markets[long].isUsable, markets[short].isUsable {
            // We bought where it was cheap and sold where it was dear: closed when the dear side is back.
            let longMid = markets[long].midD
            let spread = (markets[short].midD - longMid) / longMid * 10_000
            if spread <= settings.exitConvergeBps {
                return "спред сошёлся: \(Self.decimals(spread, 2)) б.п. ≤ \(settings.exitConvergeBps) б.п."
            }
        }
        if settings.exitOnFunding {
            // The short receives its rate, the long pays its rate: a net cost within a minute of settlement.
            let carry = markets[short].funding.rate.doubleValue - markets[long].funding.rate.doubleValue
            let next = Self.earliest(markets[long].nextFundingMs, markets[short].nextFundingMs)
            if carry < 0, let next, next - wallMs <= 60_000, next >= wallMs {
                return "перед выплатой фандинга, которая стоит позиции \(Self.decimals(carry * 10_000, 2)) б.п."
            }
        }
        return nil
    }

    /// Reduce-only IOC on every instrument the arbitrage holds, sent together.
    mutating func sendExit(_ a: inout Arbitrage, nowNs: UInt64, into out: inout [EngineCommand]) {
        var legs: [LegOrder] = []
        for (instrument, held) in a.held.sorted(by: { $0.key < $1.key }) where !held.isZero {
            guard let slot = slotById[instrument] else { continue }
            let key = LegKey(arbitrageId: a.id, index: a.legs.count + legs.count)
            guard let leg = takerLeg(key, .exit, slot: slot, side: held.isNegative ? .buy : .sell,
                                     base: reducible(held, on: slot), reduceOnly: true) else { continue }
            if case .deny(let d) = risk.check(riskOrder(leg, opens: false), snapshot: riskSnapshot(nowNs, for: leg), nowNs: nowNs) {
                out.append(.alert(code: "exit_denied", messageRu: "Арбитраж \(a.id): выход на \(instrument) отклонён риском: \(d.messageRu)"))
                continue
            }
            legs.append(leg)
        }
        a.nextRetryNs = nowNs + UInt64(settings.retryMs) * 1_000_000
        guard !legs.isEmpty else { return }
        a.legs.append(contentsOf: legs.map { LegRecord(order: $0, sentNs: nowNs) })
        out.append(.place(legs))
    }

    /// A post-only entry leg is cancelled as soon as the taker side no longer pays.
    mutating func cancelStaleMaker(_ a: inout Arbitrage, nowNs: UInt64, into out: inout [EngineCommand]) {
        guard let i = a.legs.firstIndex(where: { $0.isWorking && !$0.cancelRequested && $0.order.timeInForce == .postOnly })
        else { return }
        let buy = a.buySlot, sell = a.sellSlot
        let key = OpportunityBoard.RouteKey(buy: buy, sell: sell, style: a.style)
        guard markets[buy].isUsable, markets[sell].isUsable,
              edgeBoundBps(key) >= effectiveMinBps(a.pair).doubleValue - 0.5 else {
            return requestCancel(&a, leg: i, nowNs: nowNs, into: &out)
        }
    }

    /// Unhedged exposure of a pair: |Σ position over its venues| at mid; its bound HOLDs and alerts.
    mutating func trackExposure(pair: Int, nowNs: UInt64, into out: inout [EngineCommand]) {
        var net = 0.0, mid = 0.0
        var netQty = Qty(units: 0, scale: 12)
        for slot in pairs[pair].slots {
            let q = markets[slot].position
            net += q.doubleValue
            netQty += q
            if mid == 0, markets[slot].isUsable { mid = markets[slot].midD }
        }
        // Flat and already recorded as flat: nothing to update (the common case, on every timer tick).
        if netQty.isZero, exposureRecordedFlat[pair] { return }
        let usd = abs(net) * mid
        let uncovered = max(0, abs(net) - offsetInFlight(pair: pair, longExcess: net > 0)) * mid
        let name = pairs[pair].name
        let crossed = exposure.update(name, usd: usd, uncoveredUsd: uncovered, isDust: isDust(netQty.magnitude, pair: pair),
                                      nowNs: nowNs, maxUsd: settings.maxUnhedgedUsd, maxMs: settings.maxUnhedgedMs)
        exposureRecordedFlat[pair] = exposure.pairs[name].map { $0.sinceNs == nil && $0.usd == 0 } ?? false
        guard crossed else { return }
        let text = "Непокрытая позиция \(name): \(Int(usd.rounded())) USDT в течение \(Self.decimals(exposure.pairs[name]?.seconds(nowNs) ?? 0, 1)) с превышает предел (\(Int(settings.maxUnhedgedUsd)) USDT / \(settings.maxUnhedgedMs) мс)"
        risk.hold(text)
        out.append(.hold(reason: text))
        out.append(.alert(code: "unhedged_exposure", messageRu: text + "; торговля остановлена (HOLD)"))
    }
}

extension ArbitrageEngine {
    /// Base coin still to come from the pair's working orders on the side that offsets the excess (sells for a
    /// long excess, buys for a short one).
    func offsetInFlight(pair: Int, longExcess: Bool) -> Double {
        guard let id = activeByPair[pair], let a = arbitrages[id] else { return 0 }
        return a.legs.filter { $0.isWorking && ($0.order.side == .sell) == longExcess }
            .reduce(0) { $0 + max(0, $1.order.baseQty.doubleValue - $1.filledBase.doubleValue) }
    }

    /// The earlier of two optional times (no array built: this runs on every book update of an open pair).
    static func earliest(_ a: Int64?, _ b: Int64?) -> Int64? {
        guard let a else { return b }
        guard let b else { return a }
        return Swift.min(a, b)
    }

    /// `value` with `places` decimals for the operator's text (no Foundation in the engine).
    static func decimals(_ value: Double, _ places: Int) -> String {
        guard value.isFinite else { return "—" }
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let units = Int64((value * Double(scale)).rounded())
        return Qty(units: units, scale: places).description
    }
}
