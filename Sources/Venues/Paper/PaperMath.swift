import PropCore

/// Exact integer helpers the fixed-point types do not offer: `a × b / c` in 128 bits, quotients of two
/// decimals at a chosen scale, and money amounts (notional, fee) at USDT scale. Results truncate towards zero.
enum PaperMath {
    /// Decimals of USDT amounts (balances, fees, PnL, entry costs).
    static let moneyScale = 8
    /// Decimals of derived prices (average fill price, entry price) before trailing zeros are trimmed.
    static let derivedPriceScale = 8

    static func pow10(_ e: Int) -> Int64 {
        var r: Int64 = 1
        for _ in 0..<max(0, min(e, 18)) { r *= 10 }
        return r
    }

    /// `a × b / c` with a 128-bit intermediate; saturates instead of trapping, 0 when `c` is 0.
    static func mulDiv(_ a: Int64, _ b: Int64, _ c: Int64) -> Int64 {
        guard c != 0 else { return 0 }
        let negative = ((a < 0) != (b < 0)) != (c < 0)
        let (high, low) = a.magnitude.multipliedFullWidth(by: b.magnitude)
        guard high < c.magnitude else { return negative ? -Int64.max : Int64.max }
        let (q, _) = c.magnitude.dividingFullWidth((high, low))
        let m = Int64(clamping: q)
        return negative ? -m : m
    }

    /// `numerator / denominator` as a price with `scale` decimals, trailing zeros trimmed down to `minScale`.
    static func quotient(_ numerator: Qty, _ denominator: Qty, scale: Int = derivedPriceScale, minScale: Int = 0) -> Price {
        let e = denominator.scale + scale - numerator.scale
        let units = e >= 0
            ? mulDiv(numerator.units, pow10(e), denominator.units)
            : mulDiv(numerator.units / pow10(-e), 1, denominator.units)
        var u = units, s = scale
        while s > minScale, u % 10 == 0 { u /= 10; s -= 1 }
        return Price(units: u, scale: s)
    }

    /// `value × numerator / denominator` at `value`'s scale (a proportional share, e.g. of an entry cost).
    static func share(_ value: Qty, _ numerator: Qty, of denominator: Qty) -> Qty {
        let s = max(numerator.scale, denominator.scale)
        let n = numerator.units * pow10(s - numerator.scale), d = denominator.units * pow10(s - denominator.scale)
        return Qty(units: mulDiv(value.units, n, d), scale: value.scale)
    }

    /// `price × baseQty` in USDT.
    static func notional(_ price: Price, _ baseQty: Qty) -> Qty { price.notional(baseQty, scale: moneyScale) }

    /// `amount × rate` in USDT (fees).
    static func times(_ amount: Qty, rate: Qty) -> Qty {
        Price(units: amount.units, scale: amount.scale).notional(rate, scale: moneyScale)
    }

    /// `amount / n` in USDT (margin at leverage n).
    static func divided(_ amount: Qty, by n: Int64) -> Qty { Qty(units: amount.units / max(1, n), scale: amount.scale) }
}
