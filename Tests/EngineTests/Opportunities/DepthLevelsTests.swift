import Engine
import MarketData
import PropCore
import Testing

/// `DepthLevels` snapshots a live `OrderBook` best-first with the book's scales.
@Suite struct DepthLevelsTests {
    @Test func snapshotOfAnOrderBook() {
        var book = OrderBook(priceScale: 1, qtyScale: 2)
        book.replace(bids: [BookLevel(price: 649_800, qty: 300), BookLevel(price: 649_810, qty: 100)],
                     asks: [BookLevel(price: 649_920, qty: 500), BookLevel(price: 649_900, qty: 250), BookLevel(price: 649_950, qty: 1)])
        let d = DepthLevels(book: book, depth: 2)
        #expect(d.bids == [DepthLevel(price: Price("64981.0")!, qty: Qty("1.00")!), DepthLevel(price: Price("64980.0")!, qty: Qty("3.00")!)])
        #expect(d.asks == [DepthLevel(price: Price("64990.0")!, qty: Qty("2.50")!), DepthLevel(price: Price("64992.0")!, qty: Qty("5.00")!)])
        #expect(!d.isCrossed)
        #expect(d.levels(takenBy: .buy) == d.asks)
    }
}
