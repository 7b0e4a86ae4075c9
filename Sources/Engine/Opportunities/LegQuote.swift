public import PropCore

/// Whether a leg rests on the book or takes from it.
public enum LiquidityRole: String, Sendable, Hashable, Codable {
    case maker, taker
}

/// The expected execution of one leg for the opportunity's size. Quote amounts are USDT at 8 decimals,
/// rounded against us (costs up, proceeds down).
public struct LegQuote: Sendable, Hashable {
    /// Venue of this leg.
    public var venue: Venue
    /// Buy or sell.
    public var side: OrderSide
    /// Maker (post-only at its own best level) or taker (walks the opposite side).
    public var role: LiquidityRole
    /// Best level of the side this leg takes from (taker) or joins (maker).
    public var topPrice: Price
    /// Volume-weighted average price for the size (8+ decimals, rounded against us).
    public var vwap: Price
    /// Deepest level the walk touched: the limit an IOC needs to fill the whole size (maker: its own price).
    public var worstPrice: Price
    /// The size in the venue's unit (contracts on OKX).
    public var venueQty: Qty
    /// Quote amount paid (buy) or received (sell).
    public var notional: Qty
    /// Fee for this leg at our maker or taker rate (negative for a rebate).
    public var fee: Qty
    /// Cost of walking past the top of book: |notional − top × size|, zero for a maker leg.
    public var slippage: Qty
    /// Slippage buffer charged on this leg (taker legs only).
    public var slippageBuffer: Qty
    /// Book levels used.
    public var levelsUsed: Int

    public init(venue: Venue, side: OrderSide, role: LiquidityRole, topPrice: Price, vwap: Price, worstPrice: Price,
                venueQty: Qty, notional: Qty, fee: Qty, slippage: Qty, slippageBuffer: Qty, levelsUsed: Int) {
        self.venue = venue; self.side = side; self.role = role; self.topPrice = topPrice; self.vwap = vwap
        self.worstPrice = worstPrice; self.venueQty = venueQty; self.notional = notional; self.fee = fee
        self.slippage = slippage; self.slippageBuffer = slippageBuffer; self.levelsUsed = levelsUsed
    }
}
