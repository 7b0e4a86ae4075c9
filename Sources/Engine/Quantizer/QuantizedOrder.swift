public import PropCore

/// An order size and price that satisfy one instrument's venue rules.
public struct QuantizedOrder: Sendable, Hashable {
    /// Buy or sell.
    public var side: OrderSide
    /// Quantity in the venue's unit (contracts on OKX), on the step grid, at the step's scale.
    public var qty: Qty
    /// Limit price on the tick grid, at the tick's scale.
    public var price: Price
    /// `qty` in base coin (`qty × contractValue`); never more than requested.
    public var baseQty: Qty
    /// `price × baseQty` in quote currency, 8 decimals, truncated.
    public var notional: Qty

    public init(side: OrderSide, qty: Qty, price: Price, baseQty: Qty, notional: Qty) {
        self.side = side; self.qty = qty; self.price = price; self.baseQty = baseQty; self.notional = notional
    }
}
