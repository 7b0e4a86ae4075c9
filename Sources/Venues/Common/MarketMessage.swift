public import PropCore

/// What one public WebSocket frame turned out to be, as returned by a `PublicMarketCodec`.
public enum MarketMessage: Sendable {
    /// A book snapshot or delta: the `DepthUpdate` passed to `decode` was filled.
    case depth
    /// A public trade. Venues that batch trades (OKX, Bybit) put every trade of the frame in the
    /// codec's `trades` buffer; this is the last one.
    case trade(TradeTick)
    /// Mark price / index / funding.
    case mark(MarkPriceTick)
    /// Best bid / ask.
    case ticker(BookTickerTick)
    /// Subscription ack, pong, venue error or notice.
    case control(ControlMessage)
    /// A well-formed frame of a kind we do not use (klines, unknown channels).
    case ignored
}
