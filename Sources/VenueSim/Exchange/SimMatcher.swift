public import PropCore

/// Price-level arithmetic of the matching engine against a synthetic book. Pure functions: the caller
/// decides what to book; our fills do not consume the synthetic book (the market regenerates), but within
/// one call every level's quantity is used at most once.
enum SimMatcher {
    /// One execution against one level: price and quantity mantissas.
    struct Execution: Sendable, Hashable {
        var priceUnits: Int64
        var qtyUnits: Int64
    }

    /// The levels a taker `side` order may trade with, best first: asks at or below `limit` for a buy,
    /// bids at or above it for a sell (any price when `limit` is nil).
    static func reachable(_ book: SimBook, side: OrderSide, limit: Int64?) -> [BookLevel] {
        let levels = side == .buy ? book.asks : book.bids
        guard let limit else { return levels }
        var out: [BookLevel] = []
        for l in levels {
            if side == .buy ? l.price > limit : l.price < limit { break }
            out.append(l)
        }
        return out
    }

    /// Walks `levels` (best first) for up to `qty`, skipping `consumed` quantity already taken from the
    /// front of them in this call. One execution per level touched.
    static func walk(_ levels: [BookLevel], qty: Int64, consumed: Int64 = 0) -> [Execution] {
        var left = qty, skip = consumed
        var out: [Execution] = []
        for l in levels where left > 0 {
            var available = l.qty
            if skip > 0 {
                let s = min(skip, available)
                available -= s; skip -= s
            }
            guard available > 0 else { continue }
            let take = min(left, available)
            out.append(Execution(priceUnits: l.price, qtyUnits: take))
            left -= take
        }
        return out
    }

    /// Whether a limit order at `price` on `side` would trade immediately against `book`.
    static func crosses(_ book: SimBook, side: OrderSide, price: Int64) -> Bool {
        switch side {
        case .buy: book.bestAsk.map { $0 <= price } ?? false
        case .sell: book.bestBid.map { $0 >= price } ?? false
        }
    }

    /// Total quantity of `levels`.
    static func depth(_ levels: [BookLevel]) -> Int64 { levels.reduce(0) { $0 + $1.qty } }
}
