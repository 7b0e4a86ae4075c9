import PropCore

extension PositionState {
    /// This position after one fill, or `nil` if any amount would leave the exact range — then the fill is refused
    /// whole, never half-booked. `notional` is |price × qty| at 8 decimals, `fee` the signed fee at 8 decimals.
    func booking(signedQty d: Qty, price: Price, notional n: Int64, fee: Int64, isMaker: Bool) -> PositionState? {
        typealias M = PortfolioMath
        guard let (p, dq, s) = FixedMath.aligned(qty, d), let newQ = M.add(p, dq), newQ != .min, dq != 0 else { return nil }
        let buy = dq > 0
        // A buy adds cost to the basis (+n), a sell takes proceeds (−n); the cash moves the opposite way.
        guard let f = buy ? n : M.neg(n) else { return nil }
        var next = self
        if p == 0 || (p > 0) == buy {
            guard let b = M.add(basisUnits, f) else { return nil }
            next.basisUnits = b
        } else if dq.magnitude <= p.magnitude {
            // Reduce: remove the closed share of the basis, rounded once; the remainder stays in the basis.
            guard let r = M.mulDivNearest(basisUnits, Int64(dq.magnitude), Int64(p.magnitude)),
                  let b = M.sub(basisUnits, r), let closed = M.add(f, r), let gain = M.neg(closed),
                  let realized = M.add(realizedUnits, gain) else { return nil }
            next.basisUnits = b
            next.realizedUnits = realized
        } else {
            // Flip through zero: the closing part realizes against the whole basis, the rest opens at the fill
            // price. The opening part's cost is the fill's remainder, so the two parts sum to the fill exactly.
            guard let n1 = M.notional(price, Qty(units: Int64(p.magnitude), scale: s)),
                  let f1 = buy ? n1 : M.neg(n1), let f2 = M.sub(f, f1),
                  let closed = M.add(f1, basisUnits), let gain = M.neg(closed),
                  let realized = M.add(realizedUnits, gain) else { return nil }
            next.basisUnits = f2
            next.realizedUnits = realized
        }
        next.qty = Qty(units: newQ, scale: s)
        if fee >= 0 {
            guard let m = M.add(isMaker ? makerFeeUnits : takerFeeUnits, fee) else { return nil }
            if isMaker { next.makerFeeUnits = m } else { next.takerFeeUnits = m }
        } else {
            guard let rebate = M.neg(fee), let r = M.add(rebateUnits, rebate) else { return nil }
            next.rebateUnits = r
        }
        guard let traded = M.add(tradedUnits, n) else { return nil }
        next.tradedUnits = traded
        next.fillCount += 1
        // The new size must still be valuable at the current mark, or unrealized PnL would saturate.
        if let mark, M.notional(mark, next.qty) == nil { return nil }
        return next
    }

    /// This position after a funding payment (`amount` > 0 received, < 0 paid), or `nil` out of range.
    func bookingFunding(_ amount: Int64) -> PositionState? {
        var next = self
        if amount >= 0 {
            guard let v = PortfolioMath.add(fundingInUnits, amount) else { return nil }
            next.fundingInUnits = v
        } else {
            guard let paid = PortfolioMath.neg(amount), let v = PortfolioMath.add(fundingOutUnits, paid) else { return nil }
            next.fundingOutUnits = v
        }
        return next
    }
}
