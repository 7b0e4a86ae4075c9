import PropCore

extension ArbitrageEngine {
    /// A closed arbitrage may leave dust (below one order everywhere) on an instrument; dust of both signs from
    /// several arbitrages can add up to a real holding in one arbitrage's books that the account does not have —
    /// the venue's position is already flat, so a reduce-only order to take it back would be refused as a flip and
    /// the arbitrage would wait forever. Where `a` holds more on an instrument than the account does, it takes over
    /// opposite-sign dust of closed arbitrages there, up to the difference: its books then match what the venue
    /// holds for it. Returns whether anything was adopted.
    @discardableResult
    mutating func adoptClosedDust(_ a: inout Arbitrage) -> Bool {
        var changed = false
        for (id, mine) in a.held.sorted(by: { $0.key < $1.key }) where !mine.isZero {
            guard slotById[id] != nil else { continue }
            let position = portfolio.position(id)?.qty ?? .zero
            // What the account holds on our side of this instrument; the rest of ours is offset by others.
            let backed = position.isNegative == mine.isNegative ? min(position.magnitude, mine.magnitude) : .zero
            var missing = mine.magnitude - backed
            guard !missing.isZero else { continue }
            for other in arbitrages.items where other.phase == .closed && other.id != a.id {
                guard !missing.isZero, let dust = other.held[id], !dust.isZero, dust.isNegative != mine.isNegative else { continue }
                let take = min(missing, dust.magnitude)
                let signed = mine.isNegative ? take : -take
                var donor = other
                donor.adopted[id] = (donor.adopted[id] ?? .zero) - signed
                arbitrages.store(donor)
                a.adopted[id] = (a.adopted[id] ?? .zero) + signed
                missing = missing - take
                changed = true
            }
        }
        return changed
    }

    /// Dust of several closed arbitrages on one instrument can add up to a real position (two −0.001 BTC leftovers
    /// are one 0.002 BTC order). When it does and nothing else trades the pair, the newest of them takes the others'
    /// dust over and reopens to unwind it reduce-only; otherwise the slot is checked again after the next close.
    mutating func sweepClosedDust(nowNs: UInt64, into out: inout [EngineCommand]) {
        for slot in dustSlots.sorted() {
            let id = markets[slot].id, pair = markets[slot].pairIndex
            guard activeByPair[pair] == nil else { continue }
            dustSlots.remove(slot)
            let holders = arbitrages.items.filter { $0.phase == .closed && !($0.held[id]?.isZero ?? true) }
            let sum = holders.reduce(Qty(units: 0, scale: 12)) { $0 + ($1.held[id] ?? .zero) }
            guard holders.count >= 2, !sum.isZero, tradable(sum.magnitude, slot, reduceOnly: true),
                  reducible(sum, on: slot) == sum.magnitude, var keeper = holders.last else { continue }
            for donor in holders.dropLast() {
                var d = donor
                let q = d.held[id] ?? .zero
                d.adopted[id] = (d.adopted[id] ?? .zero) - q
                keeper.adopted[id] = (keeper.adopted[id] ?? .zero) + q
                arbitrages.store(d)
            }
            keeper.phase = .exiting
            keeper.closedNs = nil
            keeper.exitReason = "остатки закрытых арбитражей по \(id) вместе дают объём ордера: сворачиваем"
            keeper.nextRetryNs = 0
            arbitrages.store(keeper)
            activeByPair[pair] = keeper.id
            progress(keeper.id, nowNs: nowNs, into: &out)
        }
    }
}
