/// Buy or sell. Raw values are the lowercase words used in the journal, APIs and logs.
public enum OrderSide: String, Sendable, Hashable, CaseIterable, Codable {
    case buy, sell

    /// The other side (the hedge or the unwind of this one).
    public var opposite: OrderSide { self == .buy ? .sell : .buy }
}

/// Limit or market.
public enum OrderType: String, Sendable, Hashable, CaseIterable, Codable {
    case limit, market
}

/// How long an order may rest. `postOnly` is a limit order that must not take liquidity
/// (Binance `GTX`, OKX `ordType=post_only`, Bybit `PostOnly`).
public enum TimeInForce: String, Sendable, Hashable, CaseIterable, Codable {
    case gtc, ioc, fok
    case postOnly = "post_only"
}
