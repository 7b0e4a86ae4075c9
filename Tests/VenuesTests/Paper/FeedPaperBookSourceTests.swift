import PropCore
import Testing
import Venues

/// A fixed clock for converting a view's age into a receive time.
private struct FixedTime: TimeSource {
    let wall: Int64
    func monotonicNanos() -> UInt64 { 0 }
    func wallMillis() -> Int64 { wall }
}

/// The adapter from the market-data plane's `BookView` to `PaperBookSource`.
@Suite("Paper venue: feed book adapter")
struct FeedPaperBookSourceTests {
    static func view(valid: Bool = true, stale: Bool = false, bid: String? = "99.5", ask: String? = "100.0") -> BookView {
        BookView(instrument: Paper.btc, venue: .binance, symbol: "BTCUSDT", bid: bid, bidQty: "2", ask: ask, askQty: "3",
                 valid: valid, stale: stale, ageMs: 40, seq: 77)
    }

    @Test("a valid fresh view becomes a one-level book received ageMs ago")
    func validViewBecomesBook() throws {
        let source = FeedPaperBookSource(books: { _ in Self.view() }, time: FixedTime(wall: 10_000))
        let book = try #require(source.paperBook(Paper.btc))
        #expect(book.bids == [PaperLevel(price: Paper.price("99.5"), qty: Paper.qty("2"))])
        #expect(book.asks == [PaperLevel(price: Paper.price("100.0"), qty: Paper.qty("3"))])
        #expect(book.receivedMs == 9_960 && book.sequence == 77)
    }

    @Test("invalid, stale, missing or unreadable books are never traded against")
    func untradeableViewsGiveNoBook() {
        let cases: [BookView?] = [Self.view(valid: false), Self.view(stale: true), Self.view(bid: "1e5"), nil]
        for view in cases {
            let source = FeedPaperBookSource(books: { _ in view }, time: FixedTime(wall: 10_000))
            #expect(source.paperBook(Paper.btc) == nil)
        }
    }

    @Test("a place whose caller is cancelled while the order is in flight answers unresolved")
    func cancelledPlaceIsUnresolved() async throws {
        let paper = Paper.venue(latencyMs: 5)
        await paper.onBook(Paper.btc, Paper.book(bids: [("99.0", "1")], asks: [("100.0", "1")], at: 1_000))
        let task = Task { await Paper.error { try await paper.place(Paper.order("c1", .buy, .market, qty: "1")) } }
        #expect(await Paper.eventually { await paper.ordersInFlight == 1 })
        task.cancel()
        let error = await task.value
        #expect(error?.outcome == .unresolved)
        // The order still reaches the venue and can be found by asking, as with a real timeout.
        await paper.advance(nowMs: 1_005)
        #expect(try await paper.queryOrder(instrument: Paper.btc, clientOrderId: "c1").status == .filled)
    }
}
