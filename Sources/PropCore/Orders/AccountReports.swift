/// One net (one-way mode) position on a venue.
public struct PositionReport: Sendable, Hashable {
    public var instrument: InstrumentId
    /// Signed size in the venue's unit: positive long, negative short.
    public var qty: Qty
    /// Average entry price; nil when flat.
    public var entryPrice: Price?
    /// Unrealised PnL in USDT at the venue's mark price.
    public var unrealizedPnl: Qty

    public init(instrument: InstrumentId, qty: Qty, entryPrice: Price?, unrealizedPnl: Qty) {
        self.instrument = instrument; self.qty = qty; self.entryPrice = entryPrice; self.unrealizedPnl = unrealizedPnl
    }
}

/// The balance of one asset (USDT) in a venue's derivatives account.
public struct BalanceReport: Sendable, Hashable {
    public var venue: Venue
    public var asset: String
    /// Wallet balance (deposits + realised PnL − fees ± funding).
    public var wallet: Qty
    /// Free to open new positions (wallet − margin in use − open-order margin, + unrealised PnL where the venue counts it).
    public var available: Qty

    public init(venue: Venue, asset: String, wallet: Qty, available: Qty) {
        self.venue = venue; self.asset = asset; self.wallet = wallet; self.available = available
    }
}
