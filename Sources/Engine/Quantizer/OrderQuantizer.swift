public import PropCore

/// Turns a base-coin size and a limit price into an order that satisfies one instrument's venue rules:
/// quantity rounded DOWN to the step (so never more than asked; OKX contracts = base / contractValue),
/// price rounded to the tick in an explicit direction, and refused below `minQty` or `minNotional`.
public struct OrderQuantizer: Sendable, Hashable {
    /// The instrument's venue rules.
    public let rules: InstrumentRules

    public init(rules: InstrumentRules) { self.rules = rules }

    /// A full order: venue quantity for `baseQty` and the limit `price` on the tick grid.
    public func quantize(side: OrderSide, baseQty: Qty, price: Price, rounding: PriceRounding) throws(QuantizerError) -> QuantizedOrder {
        let qty = try venueQty(forBase: baseQty)
        let onTick = try roundPrice(price, side: side, rounding: rounding)
        // A zero quantity is refused even when the venue publishes `minQty` 0: one step is the real minimum.
        guard qty >= rules.minQty, qty.units > 0 else {
            let floor = max(rules.minQty, rules.stepSize)
            throw .belowMinQty(symbol: rules.nativeSymbol, qty: qty.description, minQty: floor.description)
        }
        let base = try baseQuantity(qty)
        let notional = onTick.notional(base)
        if let minNotional = rules.minNotional {
            guard let (n, m, _) = FixedMath.aligned(notional, minNotional) else {
                throw .outOfRange(symbol: rules.nativeSymbol, field: "minNotional")
            }
            guard n >= m else {
                throw .belowMinNotional(symbol: rules.nativeSymbol, notional: notional.description, minNotional: minNotional.description)
            }
        }
        return QuantizedOrder(side: side, qty: qty, price: onTick, baseQty: base, notional: notional)
    }

    /// The venue quantity for a base-coin size: `base / contractValue` rounded down to `stepSize`
    /// (may be zero; the minimum checks are `quantize`'s job).
    public func venueQty(forBase base: Qty) throws(QuantizerError) -> Qty {
        try validateRules()
        guard base.units > 0 else { throw .nonPositiveSize(symbol: rules.nativeSymbol, size: base.description) }
        // One step in base coin is contractValue × stepSize; count whole steps that fit in `base`.
        let step = rules.stepSize, cv = rules.contractValue
        guard let unitUnits = FixedMath.mul(step.units, cv.units) else { throw .outOfRange(symbol: rules.nativeSymbol, field: "stepSize") }
        let unit = Qty(units: unitUnits, scale: step.scale + cv.scale)
        guard let (b, u, _) = FixedMath.aligned(base, unit) else { throw .outOfRange(symbol: rules.nativeSymbol, field: "size") }
        let steps = b / u
        guard let units = FixedMath.mul(steps, step.units) else { throw .outOfRange(symbol: rules.nativeSymbol, field: "size") }
        return Qty(units: units, scale: step.scale)
    }

    /// `price` on the tick grid (at the tick's scale): passive rounds buys down and sells up, aggressive the reverse.
    public func roundPrice(_ price: Price, side: OrderSide, rounding: PriceRounding) throws(QuantizerError) -> Price {
        try validateRules()
        guard price.units > 0 else { throw .nonPositivePrice(symbol: rules.nativeSymbol, price: price.description) }
        let tick = rules.tickSize
        guard let (p, t, _) = FixedMath.aligned(price, tick) else { throw .outOfRange(symbol: rules.nativeSymbol, field: "price") }
        let roundUp = (side == .buy) == (rounding == .aggressive)
        var ticks = p / t
        if roundUp, p % t != 0 { ticks += 1 }
        guard ticks > 0 else { throw .nonPositivePrice(symbol: rules.nativeSymbol, price: price.description) }
        guard let units = FixedMath.mul(ticks, tick.units) else { throw .outOfRange(symbol: rules.nativeSymbol, field: "price") }
        return Price(units: units, scale: tick.scale)
    }

    /// Venue quantity in base coin, overflow-checked.
    public func baseQuantity(_ qty: Qty) throws(QuantizerError) -> Qty {
        guard let u = FixedMath.mul(qty.units, rules.contractValue.units), qty.scale + rules.contractValue.scale <= fixedPointMaxScale else {
            throw .outOfRange(symbol: rules.nativeSymbol, field: "contractValue")
        }
        return Qty(units: u, scale: qty.scale + rules.contractValue.scale)
    }

    /// Refuses rules that would make rounding meaningless (zero step, zero tick, zero contract value).
    func validateRules() throws(QuantizerError) {
        let s = rules.nativeSymbol
        if rules.tickSize.units <= 0 { throw .invalidRule(symbol: s, field: "tickSize", value: rules.tickSize.description) }
        if rules.stepSize.units <= 0 { throw .invalidRule(symbol: s, field: "stepSize", value: rules.stepSize.description) }
        if rules.contractValue.units <= 0 { throw .invalidRule(symbol: s, field: "contractValue", value: rules.contractValue.description) }
        if rules.minQty.units < 0 { throw .invalidRule(symbol: s, field: "minQty", value: rules.minQty.description) }
        if let m = rules.minNotional, m.units < 0 { throw .invalidRule(symbol: s, field: "minNotional", value: m.description) }
    }
}
