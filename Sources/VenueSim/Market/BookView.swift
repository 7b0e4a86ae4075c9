public import PropCore

/// What subscribers of one depth-limited stream (Bybit `orderbook.50`, OKX `books` = 400, Binance full
/// diff stream) were last told about the top `depth` levels of a book, plus that stream's update id.
/// Diffing the new top-N against it yields exactly the delta that keeps a client's copy equal to the
/// top-N of the true book, including levels that slide into or out of the window.
public struct BookView: Sendable {
    /// Levels per side this stream carries.
    public let depth: Int
    /// Top bids as last published.
    public private(set) var bids: [BookLevel] = []
    /// Top asks as last published.
    public private(set) var asks: [BookLevel] = []
    /// The stream's current update id (Binance `u`, OKX `seqId`, Bybit `u`).
    public var updateId: Int64

    /// A view of `depth` levels starting at `updateId`.
    public init(depth: Int, updateId: Int64) {
        self.depth = depth
        self.updateId = updateId
    }

    /// Updates the view to the book's current top-N and returns the changed levels (size 0 = removed),
    /// bids best first, asks best first.
    public mutating func advance(to book: SimBook) -> (bids: [BookLevel], asks: [BookLevel]) {
        let newBids = Array(book.top(.buy, depth)), newAsks = Array(book.top(.sell, depth))
        let db = Self.diff(old: bids, new: newBids, descending: true)
        let da = Self.diff(old: asks, new: newAsks, descending: false)
        bids = newBids; asks = newAsks
        return (db, da)
    }

    /// Merge of two sorted level lists into the updates that turn `old` into `new`.
    static func diff(old: [BookLevel], new: [BookLevel], descending: Bool) -> [BookLevel] {
        var out: [BookLevel] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if j >= new.count || (i < old.count && (descending ? old[i].price > new[j].price : old[i].price < new[j].price)) {
                out.append(BookLevel(price: old[i].price, qty: 0)); i += 1
            } else if i >= old.count || (descending ? new[j].price > old[i].price : new[j].price < old[i].price) {
                out.append(new[j]); j += 1
            } else {
                if old[i].qty != new[j].qty { out.append(new[j]) }
                i += 1; j += 1
            }
        }
        return out
    }
}
