import Engine
import PropCore

/// What the simulated venue needs to know about one traded instrument (one engine slot).
struct BacktestInstrument: Sendable {
    let rules: InstrumentRules
    let fees: FeeSchedule

    var id: InstrumentId { rules.id }
    var priceScale: Int { rules.priceScale }
    var qtyScale: Int { rules.qtyScale }

    /// `value` as a mantissa at `scale`: exact when it fits the grid, truncated otherwise (limits are on the grid).
    static func units<T: FixedPoint>(_ value: T, scale: Int) -> Int64 { value.truncated(to: scale).units }

    /// USDT value of `qtyUnits` venue units at `priceUnits` (contracts × contract value on OKX).
    func notional(priceUnits: Int64, qtyUnits: Int64) -> Qty {
        let base = rules.baseQuantity(Qty(units: qtyUnits, scale: qtyScale))
        return Price(units: priceUnits, scale: priceScale).notional(base, scale: 8)
    }

    /// Fee on a notional at the maker or taker rate, USDT at 8 decimals.
    func fee(_ notional: Qty, isMaker: Bool) -> Qty {
        let rate = isMaker ? fees.maker : fees.taker
        return Price(units: notional.units, scale: notional.scale).notional(Qty(units: rate.units, scale: rate.scale), scale: 8)
    }
}
