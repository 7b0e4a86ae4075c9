public import MarketData
public import PropCore

/// One price level as typed values: `qty` in the venue's unit (contracts on OKX).
public struct DepthLevel: Sendable, Hashable {
    public var price: Price
    public var qty: Qty
    public init(price: Price, qty: Qty) { self.price = price; self.qty = qty }
}

/// The top of one venue's book as plain arrays, best level first on each side. The calculator takes this
/// instead of `OrderBook` so it is a pure function of values (easy to test, replay and copy off the feed task);
/// `init(book:depth:)` takes a snapshot of a live `OrderBook`.
public struct DepthLevels: Sendable, Hashable {
    /// Bids, highest first.
    public var bids: [DepthLevel]
    /// Asks, lowest first.
    public var asks: [DepthLevel]

    public init(bids: [DepthLevel], asks: [DepthLevel]) { self.bids = bids; self.asks = asks }

    /// The best `depth` levels per side of `book`, at the book's price and quantity scales.
    public init(book: OrderBook, depth: Int) {
        self.init(bids: book.bids(depth: depth), asks: book.asks(depth: depth), priceScale: book.priceScale, qtyScale: book.qtyScale)
    }

    /// Raw levels (integer units at the given scales, as books and feeds keep them) as typed values.
    public init(bids: [BookLevel], asks: [BookLevel], priceScale: Int, qtyScale: Int) {
        func typed(_ l: BookLevel) -> DepthLevel {
            DepthLevel(price: Price(units: l.price, scale: priceScale), qty: Qty(units: l.qty, scale: qtyScale))
        }
        self.init(bids: bids.map(typed), asks: asks.map(typed))
    }

    /// The levels a buyer takes (asks) or a seller takes (bids).
    public func levels(takenBy side: OrderSide) -> [DepthLevel] { side == .buy ? asks : bids }

    /// `true` when the best bid is at or above the best ask.
    public var isCrossed: Bool {
        guard let b = bids.first, let a = asks.first else { return false }
        return b.price >= a.price
    }
}
