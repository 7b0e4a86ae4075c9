import PropCore

/// Overflow-checked integer helpers for exact money arithmetic; `nil` means "out of range", never a trap,
/// because book levels and rules come from outside.
enum FixedMath {
    /// 10^0 … 10^18.
    static let pow10: [Int64] = (0...18).map { e in (0..<e).reduce(Int64(1)) { acc, _ in acc * 10 } }

    /// `units` moved from `from` decimals to `to` (≥ from) decimals, or `nil` on overflow.
    static func scaleUp(_ units: Int64, from: Int, to: Int) -> Int64? {
        guard to >= from, to - from <= 18 else { return nil }
        let (r, o) = units.multipliedReportingOverflow(by: pow10[to - from])
        return o ? nil : r
    }

    /// Both values' mantissas at the larger of their scales, or `nil` on overflow.
    static func aligned<A: FixedPoint, B: FixedPoint>(_ a: A, _ b: B) -> (Int64, Int64, Int)? {
        let s = max(a.scale, b.scale)
        guard let x = scaleUp(a.units, from: a.scale, to: s), let y = scaleUp(b.units, from: b.scale, to: s) else { return nil }
        return (x, y, s)
    }

    /// Which way a division rounds.
    enum Rounding { case down, up }

    /// `a × b / c` with a 128-bit intermediate, rounded towards -∞ (`.down`) or +∞ (`.up`); `c` must be positive.
    static func mulDiv(_ a: Int64, _ b: Int64, _ c: Int64, _ rounding: Rounding) -> Int64? {
        guard c > 0 else { return nil }
        let negative = (a < 0) != (b < 0)
        let (high, low) = a.magnitude.multipliedFullWidth(by: b.magnitude)
        let divisor = UInt64(c)
        guard high < divisor else { return nil }
        let (q, r) = divisor.dividingFullWidth((high, low))
        // Magnitude rounding: away from zero when the signed result must move that way.
        let bump: UInt64 = r != 0 && ((rounding == .up) != negative) ? 1 : 0
        let (m, o) = q.addingReportingOverflow(bump)
        guard !o, m <= UInt64(Int64.max) else { return nil }
        return negative ? -Int64(m) : Int64(m)
    }

    /// Checked sum of mantissas.
    static func add(_ a: Int64, _ b: Int64) -> Int64? {
        let (r, o) = a.addingReportingOverflow(b)
        return o ? nil : r
    }

    /// Checked product of mantissas.
    static func mul(_ a: Int64, _ b: Int64) -> Int64? {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        return o ? nil : r
    }

    /// Hashes a decimal by its value (trailing zeros stripped), so equal values at different scales hash alike.
    static func hashNormalized(_ units: Int64, _ scale: Int, into h: inout Hasher) {
        var u = units, s = scale
        while s > 0, u % 10 == 0 { u /= 10; s -= 1 }
        h.combine(u); h.combine(s)
    }

    /// `units` at `from` decimals re-expressed at `to` decimals, rounding when decimals are dropped; `nil` on overflow.
    static func rescale(_ units: Int64, from: Int, to: Int, _ rounding: Rounding) -> Int64? {
        if to >= from { return scaleUp(units, from: from, to: to) }
        guard from - to <= 18 else { return nil }
        return mulDiv(units, 1, pow10[from - to], rounding)
    }

    /// Greatest common divisor of two positive numbers.
    static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
