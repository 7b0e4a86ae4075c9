import PropCore
import Testing
import Venues

/// Resting limit orders: queue position, trade-through, unseen depth, amend.
@Suite("Paper venue: resting orders")
struct PaperRestingTests {
    @Test("an order behind 5 lots fills only after more than 5 lots traded at its price")
    func queuePositionMustBeTradedThrough() async throws {
        let paper = Paper.venue()
        await paper.onBook(Paper.btc, Paper.book(bids: [("99.0", "5")], asks: [("100.0", "5")], at: 1_000))
        let placed = try await paper.place(Paper.order("q1", .buy, price: "99.0", qty: "2"))
        #expect(placed.status == .new)
        func filled() async throws -> Qty { try await paper.queryOrder(instrument: Paper.btc, clientOrderId: "q1").filledQty }

        await paper.onBook(Paper.btc, Paper.book(bids: [("99.0", "3")], asks: [("100.0", "5")], at: 1_001))   // 2 traded
        #expect(try await filled().isZero)
        await paper.onBook(Paper.btc, Paper.book(bids: [("98.5", "4")], asks: [("100.0", "5")], at: 1_002))   // 3 more: 5 in all
        #expect(try await filled().isZero)
        await paper.onBook(Paper.btc, Paper.book(bids: [("99.0", "4")], asks: [("100.0", "5")], at: 1_003))   // joined behind us
        #expect(try await filled().isZero)
        await paper.onBook(Paper.btc, Paper.book(bids: [("99.0", "3")], asks: [("100.0", "5")], at: 1_004))   // 6th lot: ours
        let report = try await paper.queryOrder(instrument: Paper.btc, clientOrderId: "q1")
        #expect(report.filledQty == Paper.qty("1") && report.status == .partiallyFilled)
        let fill = try #require(try await paper.fills(instrument: Paper.btc, sinceMs: 0).first)
        #expect(fill.isMaker && fill.price == Paper.price("99.0"))
        #expect(fill.fee == Paper.qty("0.0198"))   // 99 × 0.02 %
    }

    @Test("the opposite side reaching our price fills the whole order at our price as maker")
    func tradeThroughFillsInFull() async throws {
        let paper = Paper.venue(.bybit)
        let id = InstrumentId(venue: .bybit, base: "BTC", quote: "USDT")
        await paper.onBook(id, Paper.book(bids: [("99.0", "5")], asks: [("101.0", "5")], at: 1_000))
        _ = try await paper.place(Paper.order("t1", .sell, price: "101.0", qty: "2", instrument: id))
        await paper.onBook(id, Paper.book(bids: [("101.5", "1")], asks: [("102.0", "5")], at: 1_001))
        let report = try await paper.queryOrder(instrument: id, clientOrderId: "t1")
        #expect(report.status == .filled && report.averagePrice == Paper.price("101.0"))
        #expect(try await paper.fills(instrument: id, sinceMs: 0).allSatisfy(\.isMaker))
        #expect(try await paper.positions().first?.qty == Paper.qty("-2"))
    }

    @Test("a price beyond the visible depth gets its queue when it first appears, and only then counts trades")
    func unseenPriceTakesDisplayedQueueOnFirstSight() async throws {
        let paper = Paper.venue()
        await paper.onBook(Paper.btc, Paper.book(bids: [("99.5", "1")], asks: [("100.0", "5")], at: 1_000))
        _ = try await paper.place(Paper.order("u1", .buy, price: "99.0", qty: "1"))
        await paper.onBook(Paper.btc, Paper.book(bids: [("99.0", "3")], asks: [("100.0", "5")], at: 1_001))
        await paper.onBook(Paper.btc, Paper.book(bids: [("99.0", "1")], asks: [("100.0", "5")], at: 1_002))   // 2 of 3 ahead
        #expect(try await paper.queryOrder(instrument: Paper.btc, clientOrderId: "u1").filledQty.isZero)
        await paper.onBook(Paper.btc, Paper.book(bids: [("99.0", "3")], asks: [("100.0", "5")], at: 1_003))
        await paper.onBook(Paper.btc, Paper.book(bids: [("99.0", "1")], asks: [("100.0", "5")], at: 1_004))   // 1 ahead, 1 ours
        #expect(try await paper.queryOrder(instrument: Paper.btc, clientOrderId: "u1").status == .filled)
    }

    @Test("amend to a crossing price takes liquidity; post-only amend that would take is refused")
    func amendCrossingTakesOrIsRefused() async throws {
        let paper = Paper.venue()
        await paper.onBook(Paper.btc, Paper.book(bids: [("99.0", "5")], asks: [("100.0", "5")], at: 1_000))
        _ = try await paper.place(Paper.order("a1", .buy, price: "99.0", qty: "2"))
        let amended = try await paper.amend(instrument: Paper.btc, clientOrderId: "a1", newPrice: Paper.price("100.0"), newQty: nil)
        #expect(amended.status == .filled && amended.averagePrice == Paper.price("100.0"))
        _ = try await paper.place(Paper.order("a2", .buy, tif: .postOnly, price: "99.0", qty: "1"))
        let error = await Paper.error { try await paper.amend(instrument: Paper.btc, clientOrderId: "a2", newPrice: Paper.price("100.0"), newQty: nil) }
        #expect(error == .postOnlyWouldTake(venue: .binance, clientOrderId: "a2"))
        #expect(try await paper.queryOrder(instrument: Paper.btc, clientOrderId: "a2").price == Paper.price("99.0"))
    }

    @Test("the dead-man switch cancels open orders when not refreshed in time")
    func deadManSwitchCancelsOpenOrders() async throws {
        let paper = Paper.venue()
        await paper.onBook(Paper.btc, Paper.book(bids: [("99.0", "5")], asks: [("100.0", "5")], at: 1_000))
        _ = try await paper.place(Paper.order("d1", .buy, price: "98.0", qty: "1"))
        try await paper.armDeadManSwitch(timeoutMs: 100, instruments: [])
        await paper.advance(nowMs: 1_099)
        #expect(try await paper.openOrders(instrument: nil).count == 1)
        await paper.advance(nowMs: 1_100)
        #expect(try await paper.openOrders(instrument: nil).isEmpty)
        #expect(try await paper.queryOrder(instrument: Paper.btc, clientOrderId: "d1").status == .canceled)
    }
}
