public import PropCore

/// Adapts the market-data plane's published tops (`BookView`, one level a side) to `PaperBookSource`.
/// An invalid or stale book, or one with an unreadable number, yields `nil`: the paper venue never fills
/// against a book the strategy itself would refuse to read.
public struct FeedPaperBookSource: PaperBookSource {
    private let view: @Sendable (InstrumentId) -> BookView?
    private let time: any TimeSource

    /// A source reading views through `books` (e.g. `{ hub.books().first { $0.instrument == $1 } }`).
    public init(books: @escaping @Sendable (InstrumentId) -> BookView?, time: any TimeSource = SystemTimeSource()) {
        self.view = books
        self.time = time
    }

    /// A source reading one venue's `MarketDataFeed` directly.
    public init<P: VenuePublicProtocol>(feed: MarketDataFeed<P>, time: any TimeSource = SystemTimeSource()) {
        self.init(books: { feed.book($0) }, time: time)
    }

    public func paperBook(_ instrument: InstrumentId) -> PaperBook? {
        guard let v = view(instrument), v.valid, !v.stale else { return nil }
        func level(_ price: String?, _ qty: String?) -> [(Price, Qty)]? {
            guard let price, let qty else { return [] }
            guard let p = Price(price), let q = Qty(qty) else { return nil }
            return [(p, q)]
        }
        guard let bids = level(v.bid, v.bidQty), let asks = level(v.ask, v.askQty) else { return nil }
        // The view carries the age of the last update on the monotonic clock; convert it to a wall time.
        let received = time.wallMillis() - (v.ageMs ?? 0)
        return PaperBook(bids: bids, asks: asks, receivedMs: received, sequence: v.seq)
    }
}
