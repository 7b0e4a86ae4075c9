public import PropCore

/// Integer helpers for the account model: USDT amounts are `Int64` mantissas at scale 8.
enum SimFixedMath {
    /// USDT amounts carry 8 decimals.
    static let usdtScale = 8

    /// `a × b / c` without intermediate overflow (a, b ≥ 0, c > 0; the result must fit, as it does for
    /// every proportion of an existing amount).
    static func mulDiv(_ a: Int64, _ b: Int64, _ c: Int64) -> Int64 {
        precondition(a >= 0 && b >= 0 && c > 0)
        let (high, low) = UInt64(a).multipliedFullWidth(by: UInt64(b))
        let (q, _) = UInt64(c).dividingFullWidth((high, low))
        return Int64(clamping: q)
    }

    /// `price × qty × contractValue` in USDT at scale 8 (truncated), all given as mantissas of `spec`.
    static func notionalE8(spec: SimInstrumentSpec, priceUnits: Int64, priceScale: Int? = nil, qtyUnits: Int64) -> Int64 {
        let cv = spec.contractValue
        let qty = Qty(units: qtyUnits * cv.units, scale: spec.qtyScale + cv.scale)
        return Price(units: priceUnits, scale: priceScale ?? spec.priceScale).notional(qty, scale: usdtScale).units
    }

    /// `amountE8 × rate` at scale 8 (truncated towards zero).
    static func applyRate(_ rate: Price, to amountE8: Int64) -> Int64 {
        rate.notional(Qty(units: amountE8, scale: usdtScale), scale: usdtScale).units
    }

    /// A USDT mantissa as a `Qty`.
    static func usdt(_ e8: Int64) -> Qty { Qty(units: e8, scale: usdtScale) }
}
