public import PropCore

/// One price level of a book: price and the quantity displayed there (venue units, contracts on OKX).
public struct PaperLevel: Sendable, Hashable {
    public var price: Price
    public var qty: Qty

    /// A level at `price` showing `qty`.
    public init(price: Price, qty: Qty) { self.price = price; self.qty = qty }
}

/// The visible top of one instrument's book as the paper venue sees it at one moment.
public struct PaperBook: Sendable, Hashable {
    /// Bids, best (highest) first; empty levels dropped.
    public private(set) var bids: [PaperLevel]
    /// Asks, best (lowest) first; empty levels dropped.
    public private(set) var asks: [PaperLevel]
    /// Local wall-clock time (Unix ms) at which this state of the book was received.
    public var receivedMs: Int64
    /// The feed's sequence of this state (used only to notice changes).
    public var sequence: Int64

    /// A book from (price, qty) pairs in any order; levels are sorted best-first and empty ones dropped.
    public init(bids: [(Price, Qty)], asks: [(Price, Qty)], receivedMs: Int64, sequence: Int64 = 0) {
        self.bids = bids.filter { $0.1 > .zero }.map { PaperLevel(price: $0.0, qty: $0.1) }.sorted { $0.price > $1.price }
        self.asks = asks.filter { $0.1 > .zero }.map { PaperLevel(price: $0.0, qty: $0.1) }.sorted { $0.price < $1.price }
        self.receivedMs = receivedMs
        self.sequence = sequence
    }

    /// The levels an order on `side` rests on (bids for a buy).
    func ownSide(_ side: OrderSide) -> [PaperLevel] { side == .buy ? bids : asks }

    /// The levels an order on `side` takes from (asks for a buy).
    func oppositeSide(_ side: OrderSide) -> [PaperLevel] { side == .buy ? asks : bids }

    /// Whether a limit order at `price` on `side` would take liquidity right now.
    func crosses(_ side: OrderSide, at price: Price) -> Bool {
        guard let best = oppositeSide(side).first?.price else { return false }
        return side == .buy ? best <= price : best >= price
    }

    /// Quantity displayed at `price` on the side an order on `side` rests on: 0 when the price is inside the
    /// visible range but has no level, `nil` when it lies beyond the deepest visible level (unknown).
    func displayedQty(_ side: OrderSide, at price: Price) -> Qty? {
        let levels = ownSide(side)
        guard let worst = levels.last?.price else { return .zero }
        if let level = levels.first(where: { $0.price == price }) { return level.qty }
        let beyondVisible = side == .buy ? price < worst : price > worst
        return beyondVisible ? nil : .zero
    }

    /// Mid price, when both sides are present (used as the mark for unrealised PnL).
    var mid: Price? {
        guard let b = bids.first?.price, let a = asks.first?.price else { return nil }
        let sum = b + a
        return Price(units: sum.units * 5, scale: sum.scale + 1)
    }
}
