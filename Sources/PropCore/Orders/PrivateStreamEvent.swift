/// What a venue's private stream (or a reconciliation query) tells the order manager.
public enum PrivateStreamEvent: Sendable, Hashable {
    /// An order changed state.
    case order(OrderReport)
    /// One of our orders traded.
    case fill(FillReport)
    /// A position changed.
    case position(PositionReport)
    /// A balance changed.
    case balance(BalanceReport)
    /// A funding payment was booked (`amount` USDT, negative = we paid).
    case funding(instrument: InstrumentId, amount: Qty, tsMs: Int64)
    /// The stream authenticated and subscribed; events from now on are live.
    case connected(venue: Venue)
    /// The stream dropped; events may have been missed until the next `connected` + resync.
    case disconnected(venue: Venue, reason: String)
}
