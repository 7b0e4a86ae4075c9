import MarketData
import PropCore

/// The obviously-correct model an `OrderBook` must agree with: one dictionary per side.
struct ReferenceBook: Equatable, Sendable {
    var bids: [Int64: Int64] = [:]
    var asks: [Int64: Int64] = [:]

    mutating func apply(bids b: [BookLevel], asks a: [BookLevel]) {
        for l in b { bids[l.price] = l.qty == 0 ? nil : l.qty }
        for l in a { asks[l.price] = l.qty == 0 ? nil : l.qty }
    }

    /// Levels best first, as a venue snapshot lists them.
    var bidLevels: [BookLevel] { bids.sorted { $0.key > $1.key }.map { BookLevel(price: $0.key, qty: $0.value) } }
    var askLevels: [BookLevel] { asks.sorted { $0.key < $1.key }.map { BookLevel(price: $0.key, qty: $0.value) } }

    /// `true` when `book` holds exactly these levels in best-first order.
    func matches(_ book: OrderBook) -> Bool {
        book.bids(depth: .max) == bidLevels && book.asks(depth: .max) == askLevels
    }
}

/// Shorthand for test levels: `lv(100, 5)`.
func lv(_ price: Int64, _ qty: Int64) -> BookLevel { BookLevel(price: price, qty: qty) }

extension DepthUpdate {
    /// A message with the given sequence fields; `first`/`prev` default to the venue-neutral values.
    static func make(_ kind: DepthKind, first: Int64 = 0, last: Int64, prev: Int64 = 0, checksum: Int32? = nil,
                     bids: [BookLevel] = [], asks: [BookLevel] = []) -> DepthUpdate {
        var u = DepthUpdate()
        u.kind = kind
        u.firstUpdateId = first
        u.lastUpdateId = last
        u.prevUpdateId = prev
        u.checksum = checksum
        u.bids = bids
        u.asks = asks
        return u
    }
}
