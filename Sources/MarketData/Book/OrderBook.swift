public import PropCore

/// An L2 order book for one instrument: integer prices and quantities at fixed scales, stored as two
/// flat price-indexed rings (see `BookSide`): any level is set or deleted in O(1), and applying a delta
/// allocates nothing once the book is warm.
///
/// The book itself knows nothing about sequencing; `BookSync` decides when a message may be applied
/// and whether the result can be trusted.
public struct OrderBook: Sendable {
    /// Decimals of the `price` mantissas (`units / 10^priceScale`).
    public let priceScale: Int
    /// Decimals of the `qty` mantissas.
    public let qtyScale: Int
    /// Bid side (key = price, best = highest).
    public var bidSide: BookSide
    /// Ask side (key = -price, best = lowest price).
    public var askSide: BookSide

    /// Creates an empty book whose levels are mantissas at the given scales.
    public init(priceScale: Int, qtyScale: Int) {
        self.priceScale = priceScale
        self.qtyScale = qtyScale
        bidSide = BookSide(isAsk: false)
        askSide = BookSide(isAsk: true)
    }

    /// Replaces the whole book with a snapshot. Levels may come in any order; qty-0 levels are skipped.
    public mutating func replace(bids: [BookLevel], asks: [BookLevel]) {
        bidSide.replace(bids)
        askSide.replace(asks)
    }

    /// Applies a delta: absolute quantities, `qty == 0` deletes, deleting an absent level is a no-op.
    @inlinable
    public mutating func update(bids: [BookLevel], asks: [BookLevel]) {
        bidSide.apply(bids)
        askSide.apply(asks)
    }

    /// Applies a delta given as any collections of levels (used for buffered slices without copying).
    @inlinable
    public mutating func update<B: Collection, A: Collection>(bids: B, asks: A)
    where B.Element == BookLevel, A.Element == BookLevel {
        bidSide.apply(bids)
        askSide.apply(asks)
    }

    /// Empties both sides, keeping their storage.
    @inlinable
    public mutating func clear() {
        bidSide.removeAll()
        askSide.removeAll()
    }

    /// Highest bid, if any.
    @inlinable public var bestBid: BookLevel? { bidSide.best }
    /// Lowest ask, if any.
    @inlinable public var bestAsk: BookLevel? { askSide.best }
    /// Number of bid levels.
    @inlinable public var bidCount: Int { bidSide.count }
    /// Number of ask levels.
    @inlinable public var askCount: Int { askSide.count }

    /// `true` when the best bid is at or above the best ask — a book no venue would publish, so a sign of lost data.
    @inlinable
    public var isCrossed: Bool {
        guard let b = bidSide.best, let a = askSide.best else { return false }
        return b.price >= a.price
    }

    /// The `index`-th bid from the top (0 = best) without allocating, or `nil` past the end.
    @inlinable public func bid(at index: Int) -> BookLevel? { bidSide.level(at: index) }
    /// The `index`-th ask from the top (0 = best) without allocating, or `nil` past the end.
    @inlinable public func ask(at index: Int) -> BookLevel? { askSide.level(at: index) }

    /// Up to `depth` bids, best (highest) first.
    public func bids(depth: Int) -> [BookLevel] { bidSide.top(depth) }
    /// Up to `depth` asks, best (lowest) first.
    public func asks(depth: Int) -> [BookLevel] { askSide.top(depth) }

    /// Best bid as a `Price`, for display and strategy code that wants typed values.
    public var bestBidPrice: Price? { bestBid.map { Price(units: $0.price, scale: priceScale) } }
    /// Best ask as a `Price`.
    public var bestAskPrice: Price? { bestAsk.map { Price(units: $0.price, scale: priceScale) } }
}

extension OrderBook: CustomStringConvertible {
    /// A short summary for logs and test failures: level counts and the top of book.
    public var description: String {
        "OrderBook(bids: \(bidCount), asks: \(askCount), top: \(bids(depth: 3)) / \(asks(depth: 3)))"
    }
}

extension OrderBook {
    /// Copies the best `depth` levels per side into `bids` / `asks`, reusing their storage (no allocation once
    /// they have the capacity): how the feed publishes depth without allocating per message.
    public func copyTop(depth: Int, bids: inout [BookLevel], asks: inout [BookLevel]) {
        bidSide.copyTop(depth, into: &bids)
        askSide.copyTop(depth, into: &asks)
    }
}
