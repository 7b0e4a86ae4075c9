/// Exact arithmetic on fixed-point values: operands are aligned to the larger scale first.
/// Overflow traps — values here are prices and quantities from validated venue rules, far from `Int64` limits.
extension FixedPoint {
    /// Both operands at the larger of their scales.
    @inlinable
    static func aligned(_ a: Self, _ b: Self) -> (Int64, Int64, Int) {
        let s = max(a.scale, b.scale)
        let ua = a.units * powersOfTen[s - a.scale]
        let ub = b.units * powersOfTen[s - b.scale]
        return (ua, ub, s)
    }

    public static func + (a: Self, b: Self) -> Self {
        let (x, y, s) = aligned(a, b)
        return Self(units: x + y, scale: s)
    }

    public static func - (a: Self, b: Self) -> Self {
        let (x, y, s) = aligned(a, b)
        return Self(units: x - y, scale: s)
    }

    public static func += (a: inout Self, b: Self) { a = a + b }
    public static func -= (a: inout Self, b: Self) { a = a - b }

    public static prefix func - (a: Self) -> Self { Self(units: -a.units, scale: a.scale) }

    /// Zero at scale 0.
    public static var zero: Self { Self(units: 0, scale: 0) }

    /// Absolute value.
    public var magnitude: Self { Self(units: Swift.abs(units), scale: scale) }

    /// Whether the value is below zero.
    public var isNegative: Bool { units < 0 }

    /// The value rounded towards zero to `newScale` decimals (`rescaled(to:)` refuses to drop digits; this truncates).
    public func truncated(to newScale: Int) -> Self {
        if newScale >= scale { return rescaled(to: newScale) ?? self }
        return Self(units: units / powersOfTen[scale - newScale], scale: newScale)
    }
}

extension Price {
    /// `price × qty` in quote currency, truncated towards zero to `scale` decimals (8 by default: USDT amounts).
    /// The product is formed in 128 bits so large notionals do not overflow before the final rescale.
    public func notional(_ qty: Qty, scale outScale: Int = 8) -> Qty {
        let negative = (units < 0) != (qty.units < 0)
        var (high, low) = units.magnitude.multipliedFullWidth(by: qty.units.magnitude)
        var excess = scale + qty.scale - outScale
        var result: UInt64 = 0
        if excess <= 0 {
            result = low &* UInt64(powersOfTen[-excess])
        } else {
            while excess > 0 {
                let step = min(excess, 18)
                let divisor = UInt64(powersOfTen[step])
                // Divide the 128-bit (high, low) by divisor in two 64-bit long-division steps.
                let (qHigh, rHigh) = high.quotientAndRemainder(dividingBy: divisor)
                let (qLow, _) = divisor.dividingFullWidth((rHigh, low))
                high = qHigh; low = qLow
                excess -= step
            }
            result = high == 0 ? low : UInt64.max
        }
        let magnitude = Int64(clamping: result)
        return Qty(units: negative ? -magnitude : magnitude, scale: outScale)
    }
}
