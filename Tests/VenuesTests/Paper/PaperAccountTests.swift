import PropCore
import Testing
import Venues

/// Venue checks that refuse orders, and the account they protect.
@Suite("Paper venue: checks and account")
struct PaperAccountTests {
    static let book = Paper.book(bids: [("99.0", "5")], asks: [("100.0", "5")], at: 1_000)

    @Test("reduce-only: refused when flat or larger than the position, fills when it reduces; PnL and fees booked")
    func reduceOnlyIsEnforced() async throws {
        let paper = Paper.venue()
        await paper.onBook(Paper.btc, Self.book)
        let flat = await Paper.error { try await paper.place(Paper.order("r0", .sell, .market, qty: "1", reduceOnly: true)) }
        #expect(flat == .reduceOnlyRejected(venue: .binance, clientOrderId: "r0"))
        _ = try await paper.place(Paper.order("b1", .buy, .market, qty: "1"))
        let tooBig = await Paper.error { try await paper.place(Paper.order("r1", .sell, .market, qty: "2", reduceOnly: true)) }
        #expect(tooBig == .reduceOnlyRejected(venue: .binance, clientOrderId: "r1"))
        let sameSide = await Paper.error { try await paper.place(Paper.order("r2", .buy, .market, qty: "1", reduceOnly: true)) }
        #expect(sameSide == .reduceOnlyRejected(venue: .binance, clientOrderId: "r2"))
        let closed = try await paper.place(Paper.order("r3", .sell, tif: .ioc, price: "99.0", qty: "1", reduceOnly: true))
        #expect(closed.status == .filled)
        #expect(try await paper.positions().isEmpty)
        // Bought at 100, sold at 99: −1 USDT, taker fees 0.05 + 0.0495.
        #expect(try await paper.balances().first?.wallet == Paper.qty("9998.9005"))
    }

    @Test("a duplicate client id is refused even after the first order ended; unknown ids are unknown")
    func duplicateAndUnknownIds() async throws {
        let paper = Paper.venue()
        await paper.onBook(Paper.btc, Self.book)
        _ = try await paper.place(Paper.order("dup", .buy, price: "98.0", qty: "1"))
        let again = await Paper.error { try await paper.place(Paper.order("dup", .buy, price: "98.0", qty: "1")) }
        #expect(again == .duplicateClientOrderId(venue: .binance, clientOrderId: "dup"))
        _ = try await paper.cancel(instrument: Paper.btc, clientOrderId: "dup")
        let afterCancel = await Paper.error { try await paper.place(Paper.order("dup", .sell, price: "101.0", qty: "1")) }
        #expect(afterCancel == .duplicateClientOrderId(venue: .binance, clientOrderId: "dup"))
        let unknown = VenueOrderError.unknownOrder(venue: .binance, clientOrderId: "nope")
        #expect(await Paper.error { try await paper.cancel(instrument: Paper.btc, clientOrderId: "nope") } == unknown)
        #expect(await Paper.error { try await paper.queryOrder(instrument: Paper.btc, clientOrderId: "nope") } == unknown)
        #expect(await Paper.error { try await paper.cancel(instrument: Paper.btc, clientOrderId: "dup") }
            == .unknownOrder(venue: .binance, clientOrderId: "dup"))
        let batch = try await paper.placeBatch([Paper.order("dup", .buy, price: "98.0", qty: "1"),
                                                Paper.order("new", .buy, price: "98.0", qty: "1")])
        #expect(batch.count == 2)
        #expect(throws: VenueOrderError.self) { try batch[0].get() }
        #expect(try batch[1].get().status == .new)
    }

    @Test("an order needing more margin than is available is refused; open orders hold margin")
    func insufficientMarginIsRefused() async throws {
        let paper = PaperTradingVenue(settings: PaperSettings(venue: .binance, latencyMs: 0, startingBalance: Paper.qty("100"), leverage: 10))
        await paper.onBook(Paper.btc, Self.book)
        _ = try await paper.place(Paper.order("m1", .buy, price: "98.0", qty: "9"))   // 882 / 10 = 88.2 held
        let error = await Paper.error { try await paper.place(Paper.order("m2", .buy, price: "98.0", qty: "2")) }
        #expect(error == .insufficientMargin(venue: .binance, clientOrderId: "m2"))
        let balance = try #require(try await paper.balances().first)
        #expect(balance.wallet == Paper.qty("100") && balance.available == Paper.qty("11.8"))
    }

    @Test("a short position reports a negative size, its entry price and unrealised PnL at the mid")
    func shortPositionReport() async throws {
        let paper = Paper.venue()
        await paper.onBook(Paper.btc, Self.book)
        _ = try await paper.place(Paper.order("s1", .sell, .market, qty: "2"))
        await paper.onBook(Paper.btc, Paper.book(bids: [("97.0", "5")], asks: [("98.0", "5")], at: 1_001))
        let position = try #require(try await paper.positions().first)
        #expect(position.qty == Paper.qty("-2") && position.entryPrice == Paper.price("99.0"))
        #expect(position.unrealizedPnl == Paper.qty("3"))   // (99 − 97.5) × 2
    }
}
