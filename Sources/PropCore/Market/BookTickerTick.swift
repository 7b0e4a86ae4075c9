/// Best bid and ask as the venue reports them (Binance `bookTicker`, OKX `tickers`, Bybit `tickers` bid1/ask1).
/// Prices and sizes are at the instrument's scales. Bybit ticker deltas carry only what changed, so each
/// field is optional: `nil` means "unchanged / not in this message".
public struct BookTickerTick: Sendable, Hashable {
    /// Index of the instrument in the codec's symbol table.
    public var slot: Int
    public var bidPrice: Price?
    public var bidQty: Qty?
    public var askPrice: Price?
    public var askQty: Qty?
    /// Venue event time in ms since the epoch (0 if not in the message).
    public var eventTimeMs: Int64

    public init(slot: Int, bidPrice: Price? = nil, bidQty: Qty? = nil, askPrice: Price? = nil, askQty: Qty? = nil,
                eventTimeMs: Int64 = 0) {
        self.slot = slot; self.bidPrice = bidPrice; self.bidQty = bidQty; self.askPrice = askPrice
        self.askQty = askQty; self.eventTimeMs = eventTimeMs
    }
}
