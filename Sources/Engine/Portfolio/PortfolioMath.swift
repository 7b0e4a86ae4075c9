import PropCore

/// Exact USDT arithmetic for the portfolio. Amounts are `Int64` mantissas at 8 decimals; a product is formed in
/// 128 bits and rounded half away from zero exactly once, and every step is checked. `nil` means "outside the exact
/// range": fills come from outside, so the portfolio refuses and reports instead of trapping.
enum PortfolioMath {
    /// USDT amounts carry 8 decimals.
    static let scale = 8

    /// `a × b / c` rounded half away from zero (`c > 0`), or `nil` if it does not fit in `Int64`.
    static func mulDivNearest(_ a: Int64, _ b: Int64, _ c: Int64) -> Int64? {
        guard c > 0 else { return nil }
        let negative = (a < 0) != (b < 0)
        let (high, low) = a.magnitude.multipliedFullWidth(by: b.magnitude)
        let d = UInt64(c)
        guard high < d else { return nil }
        var (q, r) = d.dividingFullWidth((high, low))
        if r >= d - r {
            guard q < UInt64(Int64.max) else { return nil }
            q += 1
        }
        guard q <= UInt64(Int64.max) else { return nil }
        return negative ? -Int64(q) : Int64(q)
    }

    /// Whether a decimal's scale is one we can align (0...18).
    static func validScale(_ s: Int) -> Bool { (0...fixedPointMaxScale).contains(s) }

    /// Any decimal at 8 decimals, rounded half away from zero when it has more.
    static func money<F: FixedPoint>(_ v: F) -> Int64? {
        guard validScale(v.scale) else { return nil }
        if v.scale <= scale { return FixedMath.scaleUp(v.units, from: v.scale, to: scale) }
        return mulDivNearest(v.units, 1, FixedMath.pow10[v.scale - scale])
    }

    /// `price × qty` in USDT at 8 decimals, rounded half away from zero.
    static func notional(_ price: Price, _ qty: Qty) -> Int64? {
        guard validScale(price.scale), validScale(qty.scale) else { return nil }
        let excess = price.scale + qty.scale - scale
        if excess <= 0 {
            guard let m = FixedMath.mul(price.units, qty.units) else { return nil }
            return FixedMath.scaleUp(m, from: 0, to: -excess)
        }
        guard excess <= fixedPointMaxScale else { return nil }
        return mulDivNearest(price.units, qty.units, FixedMath.pow10[excess])
    }

    /// A USDT mantissa as a `Qty` at 8 decimals.
    static func usdt(_ units: Int64) -> Qty { Qty(units: units, scale: scale) }

    /// Checked `a + b`.
    static func add(_ a: Int64, _ b: Int64) -> Int64? { FixedMath.add(a, b) }

    /// Checked `a − b`.
    static func sub(_ a: Int64, _ b: Int64) -> Int64? {
        let (r, o) = a.subtractingReportingOverflow(b)
        return o ? nil : r
    }

    /// Checked `−a` (`Int64.min` has no negation).
    static func neg(_ a: Int64) -> Int64? { a == .min ? nil : -a }

    /// Saturating sum for rollups: a saturated total cannot satisfy the exact identities, so the invariant check
    /// reports it and the caller HOLDs — the safe direction.
    static func sat(_ a: Int64, _ b: Int64) -> Int64 {
        let (r, o) = a.addingReportingOverflow(b)
        return o ? (b < 0 ? -Int64.max : Int64.max) : max(r, -Int64.max)
    }

    /// Saturating `a − b`.
    static func satSub(_ a: Int64, _ b: Int64) -> Int64 { sat(a, b == .min ? Int64.max : -b) }

    /// Checked sum of two quantities at the larger of their scales.
    static func addQty(_ a: Qty, _ b: Qty) -> Qty? {
        guard validScale(a.scale), validScale(b.scale), let (x, y, s) = FixedMath.aligned(a, b),
              let r = add(x, y), r != .min else { return nil }
        return Qty(units: r, scale: s)
    }

    /// Saturating quantity sum for netting displays (same fail-closed reasoning as `sat`).
    static func satQty(_ a: Qty, _ b: Qty) -> Qty {
        if let r = addQty(a, b) { return r }
        let s = max(a.scale, b.scale)
        return Qty(units: (b.isNegative ? -Int64.max : Int64.max), scale: validScale(s) ? s : 0)
    }

    /// Exact equality of two quantities regardless of scale, without trapping.
    static func same(_ a: Qty, _ b: Qty) -> Bool {
        guard validScale(a.scale), validScale(b.scale), let (x, y, _) = FixedMath.aligned(a, b) else {
            return a.units == b.units && a.scale == b.scale
        }
        return x == y
    }
}
