public import PropCore

/// The simulator's exact order book for one instrument on one venue: integer mantissas, bids sorted
/// best (highest) first, asks best (lowest) first. It is the single source of truth that REST snapshots
/// and WebSocket diffs are both cut from, so they always agree.
public struct SimBook: Sendable, Equatable {
    /// Bid levels, highest price first.
    public private(set) var bids: [BookLevel] = []
    /// Ask levels, lowest price first.
    public private(set) var asks: [BookLevel] = []

    /// An empty book.
    public init() {}

    /// Best bid price mantissa, if any.
    public var bestBid: Int64? { bids.first?.price }
    /// Best ask price mantissa, if any.
    public var bestAsk: Int64? { asks.first?.price }

    /// Sets the size at `price` on `side`; a size of zero deletes the level.
    public mutating func set(_ side: Side, price: Int64, qty: Int64) {
        if side == .buy { Self.upsert(&bids, price: price, qty: qty, descending: true) }
        else { Self.upsert(&asks, price: price, qty: qty, descending: false) }
    }

    /// Size resting at `price` on `side` (0 when there is no level).
    public func qty(_ side: Side, price: Int64) -> Int64 {
        let levels = side == .buy ? bids : asks
        let i = Self.index(levels, price: price, descending: side == .buy)
        return i < levels.count && levels[i].price == price ? levels[i].qty : 0
    }

    /// The best `n` levels of a side.
    public func top(_ side: Side, _ n: Int) -> ArraySlice<BookLevel> {
        let levels = side == .buy ? bids : asks
        return levels.prefix(n)
    }

    /// Level count of a side.
    public func count(_ side: Side) -> Int { side == .buy ? bids.count : asks.count }

    /// Removes the worst level of a side (used to keep the configured depth).
    public mutating func removeWorst(_ side: Side) {
        if side == .buy { _ = bids.popLast() } else { _ = asks.popLast() }
    }

    /// Applies venue-style absolute updates (size 0 = delete), as a client would.
    public mutating func apply(bids newBids: [BookLevel], asks newAsks: [BookLevel]) {
        for l in newBids { set(.buy, price: l.price, qty: l.qty) }
        for l in newAsks { set(.sell, price: l.price, qty: l.qty) }
    }

    /// First position whose price is not better than `price` (binary search).
    static func index(_ levels: [BookLevel], price: Int64, descending: Bool) -> Int {
        var lo = 0, hi = levels.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let better = descending ? levels[mid].price > price : levels[mid].price < price
            if better { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    static func upsert(_ levels: inout [BookLevel], price: Int64, qty: Int64, descending: Bool) {
        let i = index(levels, price: price, descending: descending)
        let found = i < levels.count && levels[i].price == price
        if qty == 0 {
            if found { levels.remove(at: i) }
        } else if found {
            levels[i].qty = qty
        } else {
            levels.insert(BookLevel(price: price, qty: qty), at: i)
        }
    }
}
