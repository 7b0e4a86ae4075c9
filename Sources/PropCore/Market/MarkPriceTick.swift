/// Mark price and funding of one perpetual (Binance `markPriceUpdate`, OKX `mark-price` / `funding-rate`,
/// Bybit `tickers`). Every field except `slot` is optional because venues send them in separate channels
/// or as partial deltas; `nil` means "not in this message", not zero.
/// Mark and index prices keep the scale they were sent with: they are computed values, not on the tick grid.
public struct MarkPriceTick: Sendable, Hashable {
    /// Index of the instrument in the codec's symbol table.
    public var slot: Int
    public var markPrice: Price?
    public var indexPrice: Price?
    public var fundingRate: FundingRate?
    /// When the reported funding rate is settled, ms since the epoch (0 if not in the message).
    public var nextFundingTimeMs: Int64
    /// Venue event time in ms since the epoch (0 if not in the message).
    public var eventTimeMs: Int64

    public init(slot: Int, markPrice: Price? = nil, indexPrice: Price? = nil, fundingRate: FundingRate? = nil,
                nextFundingTimeMs: Int64 = 0, eventTimeMs: Int64 = 0) {
        self.slot = slot; self.markPrice = markPrice; self.indexPrice = indexPrice; self.fundingRate = fundingRate
        self.nextFundingTimeMs = nextFundingTimeMs; self.eventTimeMs = eventTimeMs
    }
}
