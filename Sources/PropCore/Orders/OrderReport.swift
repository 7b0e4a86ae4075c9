/// What the venue says about one order right now (a REST query answer or a private-stream order update).
public struct OrderReport: Sendable, Hashable {
    public var instrument: InstrumentId
    /// Our client order id as the venue echoes it (may be an id not made by PropBot: an orphan).
    public var clientOrderId: String
    /// The venue's order id.
    public var venueOrderId: String
    public var side: OrderSide
    public var type: OrderType
    public var timeInForce: TimeInForce
    public var price: Price?
    /// Original quantity.
    public var qty: Qty
    /// Cumulative filled quantity.
    public var filledQty: Qty
    /// Average fill price, when anything filled.
    public var averagePrice: Price?
    public var status: VenueOrderStatus
    public var reduceOnly: Bool
    /// Venue time of this state, Unix ms.
    public var updateMs: Int64

    public init(instrument: InstrumentId, clientOrderId: String, venueOrderId: String, side: OrderSide,
                type: OrderType, timeInForce: TimeInForce, price: Price?, qty: Qty, filledQty: Qty,
                averagePrice: Price?, status: VenueOrderStatus, reduceOnly: Bool, updateMs: Int64) {
        self.instrument = instrument; self.clientOrderId = clientOrderId; self.venueOrderId = venueOrderId
        self.side = side; self.type = type; self.timeInForce = timeInForce; self.price = price; self.qty = qty
        self.filledQty = filledQty; self.averagePrice = averagePrice; self.status = status
        self.reduceOnly = reduceOnly; self.updateMs = updateMs
    }
}

/// One execution (trade) of one of our orders. `tradeId` is unique per venue and instrument, so the same fill
/// seen on the private stream and again from a REST query is booked once.
public struct FillReport: Sendable, Hashable {
    public var instrument: InstrumentId
    public var clientOrderId: String
    public var venueOrderId: String
    /// Venue execution id (Binance `t`, OKX `tradeId`, Bybit `execId`).
    public var tradeId: String
    public var side: OrderSide
    public var price: Price
    public var qty: Qty
    /// Fee paid in `feeAsset` (negative = rebate received).
    public var fee: Qty
    public var feeAsset: String
    /// We were the maker (resting) side.
    public var isMaker: Bool
    /// Venue time of the trade, Unix ms.
    public var tsMs: Int64

    public init(instrument: InstrumentId, clientOrderId: String, venueOrderId: String, tradeId: String,
                side: OrderSide, price: Price, qty: Qty, fee: Qty, feeAsset: String, isMaker: Bool, tsMs: Int64) {
        self.instrument = instrument; self.clientOrderId = clientOrderId; self.venueOrderId = venueOrderId
        self.tradeId = tradeId; self.side = side; self.price = price; self.qty = qty; self.fee = fee
        self.feeAsset = feeAsset; self.isMaker = isMaker; self.tsMs = tsMs
    }

    /// De-duplication key: venue + instrument + trade id.
    public var dedupKey: String { "\(instrument.venue.rawValue)|\(instrument)|\(tradeId)" }
}
