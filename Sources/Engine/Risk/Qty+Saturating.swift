import PropCore

/// Risk sums run on caller-supplied values, so they must not trap: USDT amounts are brought to 8 decimals and
/// added with saturation. A saturated sum is huge and therefore fails every cap, which is the safe direction.
extension Qty {
    static let riskScale = 8

    /// This value at 8 decimals, saturated to ±`Int64.max` if it does not fit.
    var atRiskScale: Qty {
        if let r = rescaled(to: Self.riskScale) { return r }
        if scale > Self.riskScale { return truncated(to: Self.riskScale) }
        return Qty(units: isNegative ? -Int64.max : Int64.max, scale: Self.riskScale)
    }

    /// `a + b` at 8 decimals, saturating instead of trapping.
    static func sat(_ a: Qty, _ b: Qty) -> Qty {
        let (r, o) = a.atRiskScale.units.addingReportingOverflow(b.atRiskScale.units)
        if o { return Qty(units: b.isNegative ? -Int64.max : Int64.max, scale: riskScale) }
        return Qty(units: max(r, -Int64.max), scale: riskScale)
    }

    /// `a − b` at 8 decimals, saturating instead of trapping.
    static func satMinus(_ a: Qty, _ b: Qty) -> Qty { sat(a, Qty(units: -max(b.atRiskScale.units, -Int64.max), scale: riskScale)) }
}
