/// Trading rules of one instrument on one venue, loaded from the venue's instrument endpoint
/// (`exchangeInfo`, `public/instruments`, `instruments-info`).
public struct InstrumentRules: Sendable, Hashable {
    public var id: InstrumentId
    /// The venue's own symbol (`BTCUSDT`, `BTC-USDT-SWAP`).
    public var nativeSymbol: String
    /// Minimum price increment; its scale is the instrument's price scale.
    public var tickSize: Price
    /// Quantity increment in the venue's quantity unit (contracts on OKX); its scale is the qty scale.
    public var stepSize: Qty
    /// Smallest order quantity, in the venue's quantity unit.
    public var minQty: Qty
    /// Smallest order notional in quote currency (`nil` where the venue has none, e.g. OKX).
    public var minNotional: Price?
    /// Base-coin amount of one venue quantity unit: `ctVal × ctMult` on OKX, 1 elsewhere.
    public var contractValue: Qty

    public init(id: InstrumentId, nativeSymbol: String, tickSize: Price, stepSize: Qty, minQty: Qty,
                minNotional: Price?, contractValue: Qty = Qty(units: 1, scale: 0)) {
        self.id = id; self.nativeSymbol = nativeSymbol; self.tickSize = tickSize; self.stepSize = stepSize
        self.minQty = minQty; self.minNotional = minNotional; self.contractValue = contractValue
    }

    /// Decimals used for prices of this instrument (book prices are mantissas at this scale).
    public var priceScale: Int { tickSize.scale }
    /// Decimals used for quantities of this instrument (book sizes are mantissas at this scale).
    public var qtyScale: Int { stepSize.scale }

    /// Converts a venue quantity (contracts on OKX) into base-coin units, exactly.
    public func baseQuantity(_ venueQty: Qty) -> Qty {
        Qty(units: venueQty.units * contractValue.units, scale: venueQty.scale + contractValue.scale)
    }
}
