public import PropCore

/// One execution as the portfolio books it. The caller has already turned OKX contracts into base units, so every
/// venue's fill reads the same here.
public struct PortfolioFill: Sendable, Hashable {
    public var instrument: InstrumentId
    public var side: OrderSide
    /// Base quantity, positive; the side gives the sign.
    public var qty: Qty
    public var price: Price
    /// Fee in USDT: positive = paid, negative = rebate received.
    public var fee: Qty
    public var isMaker: Bool
    /// The venue's trade id; with venue and instrument it is the de-duplication key.
    public var tradeId: String
    /// Venue trade time, milliseconds since the epoch.
    public var tsMs: Int64

    /// A fill as reported by the venue (quantity already in base units).
    public init(instrument: InstrumentId, side: OrderSide, qty: Qty, price: Price, fee: Qty, isMaker: Bool,
                tradeId: String, tsMs: Int64) {
        self.instrument = instrument; self.side = side; self.qty = qty; self.price = price
        self.fee = fee; self.isMaker = isMaker; self.tradeId = tradeId; self.tsMs = tsMs
    }

    /// `venue|instrument|tradeId`: venues re-send fills after reconnects, and trade ids are unique only per venue
    /// and symbol, so all three identify one execution.
    public var dedupKey: String { "\(instrument.venue.rawValue)|\(instrument)|\(tradeId)" }

    /// The base quantity with its sign: buys add, sells subtract.
    public var signedQty: Qty { side == .buy ? qty : -qty }
}
