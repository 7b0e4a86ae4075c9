import PropCore

extension ArbitrageEngine {
    /// Sends a taker IOC on `slot` for the arbitrage's current imbalance (or, reduce-only, at most what the
    /// arbitrage holds there), through the risk gate.
    mutating func sendResidual(_ a: inout Arbitrage, slot: Int, purpose: LegPurpose, reduceOnly: Bool, nowNs: UInt64,
                               into out: inout [EngineCommand]) {
        let imbalance = a.imbalance
        let side: OrderSide = imbalance.isNegative ? .buy : .sell
        var base = imbalance.magnitude
        if reduceOnly, let mine = a.held[markets[slot].id] {
            let held = reducible(mine, on: slot)
            base = min(base, held)
            // Below one order here (whole OKX contracts, a minimum notional): take back the smallest order that is,
            // if it fits in what is held; the overshoot is a smaller residual of the other sign, which the venue on
            // the other side takes back in turn (or which is dust).
            if !tradable(base, slot, reduceOnly: true), let up = smallestOrder(atLeast: base, slot: slot, atMost: held) {
                base = up
            }
        }
        guard let leg = takerLeg(LegKey(arbitrageId: a.id, index: a.legs.count), purpose, slot: slot, side: side,
                                 base: base, reduceOnly: reduceOnly)
        else { return }
        guard send(leg, &a, nowNs: nowNs, into: &out) else { return }
    }

    /// Risk-checks and emits one order; false (with an alert) when the gate denies it.
    @discardableResult
    mutating func send(_ leg: LegOrder, _ a: inout Arbitrage, nowNs: UInt64, into out: inout [EngineCommand]) -> Bool {
        if case .deny(let d) = risk.check(riskOrder(leg, opens: false), snapshot: riskSnapshot(nowNs, for: leg), nowNs: nowNs) {
            out.append(.alert(code: "leg_denied", messageRu: "Арбитраж \(a.id): ордер \(leg.purpose.rawValue) на \(leg.instrument) отклонён риском: \(d.messageRu)"))
            return false
        }
        a.legs.append(LegRecord(order: leg, sentNs: nowNs))
        out.append(.place([leg]))
        return true
    }

    /// A taker IOC for `base` coin on `slot`: quantity rounded down to the venue's step, limit through the
    /// touch by `hedgeSlippageBps` (inside the price band), nil when the size is below one lot.
    func takerLeg(_ key: LegKey, _ purpose: LegPurpose, slot: Int, side: OrderSide, base: Qty, reduceOnly: Bool) -> LegOrder? {
        let m = markets[slot]
        guard let touch = side == .buy ? m.ask : m.bid else { return nil }
        let factor = Double(side == .buy ? 10_000 + settings.hedgeSlippageBps : 10_000 - settings.hedgeSlippageBps) / 10_000
        let raw = Price(units: Int64((touch.doubleValue * factor * 1e8).rounded()), scale: 8)
        let q = OrderQuantizer(rules: orderRules(slot, reduceOnly: reduceOnly))
        guard let order = try? q.quantize(side: side, baseQty: base, price: raw, rounding: .passive) else { return nil }
        return LegOrder(key: key, purpose: purpose, instrument: m.id, side: side, timeInForce: .ioc, price: order.price,
                        qty: order.qty, contractValue: m.rules.contractValue, reduceOnly: reduceOnly, expectedPrice: touch)
    }

    /// Whether `base` is at least one tradable order on `slot` (a reduce-only one when `reduceOnly`).
    /// A venue without a book yet is judged at another venue's price for the same pair: whether a size is one
    /// order is a question of its rules, and a residual must not pass for dust only because a book is missing.
    func tradable(_ base: Qty, _ slot: Int, reduceOnly: Bool = false) -> Bool {
        let pair = markets[slot].pairIndex
        guard let price = markets[slot].bid ?? markets[slot].ask
            ?? pairs[pair].slots.lazy.compactMap({ self.markets[$0].bid ?? self.markets[$0].ask }).first
        else { return false }
        let q = OrderQuantizer(rules: orderRules(slot, reduceOnly: reduceOnly))
        return (try? q.quantize(side: .buy, baseQty: base, price: price, rounding: .passive)) != nil
    }

    /// The rules an order on `slot` must meet. Binance USDⓈ-M does not apply its minimum notional to reduce-only
    /// orders ("Order's notional must be no smaller than … (unless you choose reduce only)", error -4164), so a
    /// residual below it can still be taken back there.
    func orderRules(_ slot: Int, reduceOnly: Bool) -> InstrumentRules {
        var rules = markets[slot].rules
        if reduceOnly, rules.id.venue == .binance { rules.minNotional = nil }
        return rules
    }

    /// Below one tradable order on every venue of the pair: nothing more can be done about it.
    func isDust(_ base: Qty, pair: Int) -> Bool {
        base.isZero || !pairs[pair].slots.contains { tradable(base, $0) }
    }

    /// How much of `held` (this arbitrage's position on `slot`) a reduce-only order can take back: no more than
    /// the account's position there on the same side (dust left by an earlier arbitrage can make it smaller),
    /// or the venue would read the order as a flip and the gate refuses it.
    func reducible(_ held: Qty, on slot: Int) -> Qty {
        let position = portfolio.position(markets[slot].id)?.qty ?? .zero
        guard !position.isZero, position.isNegative == held.isNegative else { return Qty(units: 0, scale: held.scale) }
        return min(held.magnitude, position.magnitude)
    }

    /// The smallest base size ≥ `base` and ≤ `limit` that is one tradable reduce-only order on `slot` (whole
    /// lots, over the minimums); nil when there is none.
    func smallestOrder(atLeast base: Qty, slot: Int, atMost limit: Qty) -> Qty? {
        let rules = markets[slot].rules
        guard let lotUnits = FixedMath.mul(rules.stepSize.units, rules.contractValue.units), lotUnits > 0,
              let (b, lot, scale) = FixedMath.aligned(base, Qty(units: lotUnits, scale: rules.stepSize.scale + rules.contractValue.scale))
        else { return nil }
        var n = (b + lot - 1) / lot
        while let units = FixedMath.mul(n, lot), Qty(units: units, scale: scale) <= limit {
            if tradable(Qty(units: units, scale: scale), slot, reduceOnly: true) { return Qty(units: units, scale: scale) }
            n += 1
        }
        return nil
    }
}
