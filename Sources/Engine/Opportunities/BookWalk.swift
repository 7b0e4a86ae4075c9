import PropCore

/// Walking one side of a book for a base-coin size, exactly: every level's price × base quantity is summed
/// as integers at one common scale, so VWAP and cost carry no rounding until the final, conservative one.
struct BookWalk {
    /// Exact cost (buy) or proceeds (sell): mantissa at `costScale` = price scale + base scale.
    var cost: Int64
    var costScale: Int
    /// The common price scale of the levels walked.
    var priceScale: Int
    /// Best and deepest level prices.
    var top: Price
    var worst: Price
    /// Levels touched.
    var levelsUsed: Int

    enum Outcome {
        case filled(BookWalk)
        case insufficient(available: Qty)
        case outOfRange
    }

    /// Takes `size` base coin from `levels` (best first; quantities in venue units of `contractValue` base each).
    static func walk(_ levels: [DepthLevel], contractValue: Qty, size: Qty) -> Outcome {
        guard let first = levels.first else { return .insufficient(available: .zero) }
        // Common scales: prices at the finest level scale, base quantities at the finest of size and levels.
        let priceScale = levels.reduce(0) { max($0, $1.price.scale) }
        let baseScale = levels.reduce(size.scale) { max($0, $1.qty.scale + contractValue.scale) }
        let costScale = priceScale + baseScale
        guard costScale <= 26, let need = FixedMath.scaleUp(size.units, from: size.scale, to: baseScale) else { return .outOfRange }
        var remaining = need
        var cost: Int64 = 0
        var available: Int64 = 0
        var used = 0
        var worst = first.price
        for level in levels where level.qty.units > 0 {
            guard let venueUnits = FixedMath.mul(level.qty.units, contractValue.units),
                  let levelBase = FixedMath.scaleUp(venueUnits, from: level.qty.scale + contractValue.scale, to: baseScale),
                  let price = FixedMath.scaleUp(level.price.units, from: level.price.scale, to: priceScale),
                  let total = FixedMath.add(available, levelBase)
            else { return .outOfRange }
            available = total
            guard remaining > 0 else { continue }
            let take = min(levelBase, remaining)
            guard let part = FixedMath.mul(price, take), let sum = FixedMath.add(cost, part) else { return .outOfRange }
            cost = sum
            remaining -= take
            used += 1
            worst = level.price
            if remaining == 0 { break }
        }
        guard remaining == 0 else { return .insufficient(available: Qty(units: available, scale: baseScale)) }
        return .filled(BookWalk(cost: cost, costScale: costScale, priceScale: priceScale, top: first.price, worst: worst, levelsUsed: used))
    }

    /// The cost as a quote amount at 8 decimals, rounded `rounding` (up for what we pay, down for what we receive).
    func quote(_ rounding: FixedMath.Rounding) -> Qty? {
        FixedMath.rescale(cost, from: costScale, to: 8, rounding).map { Qty(units: $0, scale: 8) }
    }

    /// Average price for `size` at max(price scale, 8) decimals, rounded `rounding`.
    func vwap(size: Qty, _ rounding: FixedMath.Rounding) -> Price? {
        // cost / 10^costScale ÷ (size / 10^size.scale), expressed at `outScale` decimals.
        let outScale = max(priceScale, 8)
        let shift = outScale + size.scale - costScale
        if shift >= 0 {
            guard shift <= 18 else { return nil }
            return FixedMath.mulDiv(cost, FixedMath.pow10[shift], size.units, rounding).map { Price(units: $0, scale: outScale) }
        }
        guard -shift <= 18, let d = FixedMath.mul(size.units, FixedMath.pow10[-shift]) else { return nil }
        return FixedMath.mulDiv(cost, 1, d, rounding).map { Price(units: $0, scale: outScale) }
    }
}
