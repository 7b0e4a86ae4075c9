/// One order as we ask a venue to place it. Quantities are in the venue's own unit
/// (base coin on Binance/Bybit, contracts on OKX); prices and quantities already on the venue's grid.
public struct OrderRequest: Sendable, Hashable {
    /// Our deterministic client order id (the journal's `ClientOrderId`); reused verbatim on retry.
    public var clientOrderId: String
    /// Canonical instrument; its venue is where the order goes.
    public var instrument: InstrumentId
    public var side: OrderSide
    public var type: OrderType
    public var timeInForce: TimeInForce
    /// Limit price; nil for market orders.
    public var price: Price?
    public var qty: Qty
    /// Only reduce an existing position (never open or flip one).
    public var reduceOnly: Bool

    public init(clientOrderId: String, instrument: InstrumentId, side: OrderSide, type: OrderType,
                timeInForce: TimeInForce = .gtc, price: Price? = nil, qty: Qty, reduceOnly: Bool = false) {
        self.clientOrderId = clientOrderId; self.instrument = instrument; self.side = side; self.type = type
        self.timeInForce = timeInForce; self.price = price; self.qty = qty; self.reduceOnly = reduceOnly
    }

    /// The venue the order goes to.
    public var venue: Venue { instrument.venue }
}
