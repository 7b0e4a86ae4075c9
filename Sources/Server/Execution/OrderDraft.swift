public import PropCore

/// An order the strategy (or the operator) wants, before it has a client order id. The executor journals it,
/// which assigns the deterministic id, and only then sends it.
public struct OrderDraft: Sendable, Hashable {
    public var instrument: InstrumentId
    public var side: OrderSide
    public var type: OrderType
    public var timeInForce: TimeInForce
    public var price: Price?
    public var qty: Qty
    public var reduceOnly: Bool

    public init(instrument: InstrumentId, side: OrderSide, type: OrderType, timeInForce: TimeInForce = .gtc,
                price: Price? = nil, qty: Qty, reduceOnly: Bool = false) {
        self.instrument = instrument; self.side = side; self.type = type; self.timeInForce = timeInForce
        self.price = price; self.qty = qty; self.reduceOnly = reduceOnly
    }

    /// The request for the venue under `clientOrderId`.
    public func request(clientOrderId: String) -> OrderRequest {
        OrderRequest(clientOrderId: clientOrderId, instrument: instrument, side: side, type: type,
                     timeInForce: timeInForce, price: price, qty: qty, reduceOnly: reduceOnly)
    }
}
