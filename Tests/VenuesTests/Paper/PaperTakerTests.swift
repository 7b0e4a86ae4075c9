import PropCore
import Testing
import Venues

/// Orders that take liquidity on arrival: book walk, IOC/FOK/market remainders, post-only, latency.
@Suite("Paper venue: taker orders")
struct PaperTakerTests {
    static let ladder = Paper.book(bids: [("99.5", "4")], asks: [("100.0", "1"), ("100.5", "2"), ("101.0", "5")], at: 1_000)

    @Test("a market order walks the book level by level: VWAP, per-fill taker fee, position and wallet",
          arguments: [(Venue.binance, "0.0005"), (.okx, "0.0005"), (.bybit, "0.00055")])
    func marketOrderWalksBookAtVWAPWithTakerFees(venue: Venue, takerRate: String) async throws {
        let paper = Paper.venue(venue)
        let id = InstrumentId(venue: venue, base: "BTC", quote: "USDT")
        await paper.onBook(id, Self.ladder)
        let report = try await paper.place(Paper.order("m1", .buy, .market, qty: "2.5", instrument: id))
        #expect(report.status == .filled)
        #expect(report.filledQty == Paper.qty("2.5"))
        #expect(report.averagePrice == Paper.price("100.3"))   // (1 × 100.0 + 1.5 × 100.5) / 2.5
        let fills = try await paper.fills(instrument: id, sinceMs: 0)
        #expect(fills.map(\.price) == [Paper.price("100.0"), Paper.price("100.5")])
        #expect(fills.map(\.qty) == [Paper.qty("1"), Paper.qty("1.5")])
        #expect(fills.allSatisfy { !$0.isMaker && $0.feeAsset == "USDT" })
        let rate = Paper.price(takerRate)
        #expect(fills[0].fee == rate.notional(Paper.qty("100"), scale: 8))
        #expect(fills[1].fee == rate.notional(Paper.qty("150.75"), scale: 8))
        let position = try #require(try await paper.positions().first)
        #expect(position.qty == Paper.qty("2.5") && position.entryPrice == Paper.price("100.3"))
        let balance = try #require(try await paper.balances().first)
        #expect(balance.wallet == Paper.qty("10000") - fills[0].fee - fills[1].fee)
    }

    @Test("IOC takes what its limit allows and the rest ends the venue's way",
          arguments: [(Venue.binance, VenueOrderStatus.expired), (.okx, .canceled), (.bybit, .canceled)])
    func iocRemainderExpires(venue: Venue, remainder: VenueOrderStatus) async throws {
        let paper = Paper.venue(venue)
        let id = InstrumentId(venue: venue, base: "BTC", quote: "USDT")
        await paper.onBook(id, Self.ladder)
        let report = try await paper.place(Paper.order("i1", .buy, tif: .ioc, price: "100.5", qty: "5", instrument: id))
        #expect(report.status == remainder)
        #expect(report.filledQty == Paper.qty("3"))
        #expect(try await paper.openOrders(instrument: nil).isEmpty)
    }

    @Test("FOK fills completely or not at all")
    func fokIsAllOrNothing() async throws {
        let paper = Paper.venue()
        await paper.onBook(Paper.btc, Self.ladder)
        let short = try await paper.place(Paper.order("f1", .buy, tif: .fok, price: "100.5", qty: "4"))
        #expect(short.status == .expired && short.filledQty.isZero)
        #expect(try await paper.fills(instrument: Paper.btc, sinceMs: 0).isEmpty)
        let full = try await paper.place(Paper.order("f2", .buy, tif: .fok, price: "100.5", qty: "3"))
        #expect(full.status == .filled && full.filledQty == Paper.qty("3"))
    }

    @Test("liquidity taken stays taken until the next book: a second order does not take it again")
    func takenLiquidityIsNotReused() async throws {
        let paper = Paper.venue()
        await paper.onBook(Paper.btc, Self.ladder)
        _ = try await paper.place(Paper.order("a", .buy, tif: .ioc, price: "100.0", qty: "1"))
        let second = try await paper.place(Paper.order("b", .buy, tif: .ioc, price: "100.0", qty: "1"))
        #expect(second.filledQty.isZero && second.status == .expired)
    }

    @Test("post-only that would take is rejected and leaves nothing behind; a non-crossing one rests")
    func postOnlyWouldTakeIsRejected() async throws {
        let paper = Paper.venue(.okx)
        let id = InstrumentId(venue: .okx, base: "BTC", quote: "USDT")
        await paper.onBook(id, Self.ladder)
        let error = await Paper.error { try await paper.place(Paper.order("p1", .buy, tif: .postOnly, price: "100.0", qty: "1", instrument: id)) }
        #expect(error == .postOnlyWouldTake(venue: .okx, clientOrderId: "p1"))
        #expect(error?.outcome == .rejected)
        #expect(await Paper.error { try await paper.queryOrder(instrument: id, clientOrderId: "p1") } == .unknownOrder(venue: .okx, clientOrderId: "p1"))
        let resting = try await paper.place(Paper.order("p1", .buy, tif: .postOnly, price: "99.9", qty: "1", instrument: id))
        #expect(resting.status == .new)
        #expect(try await paper.fills(instrument: id, sinceMs: 0).isEmpty)
    }

    @Test("latency: the order meets the book as it is when it arrives, not when it was sent")
    func bookChangesBeforeArrivalDecideTheFill() async throws {
        let paper = Paper.venue(latencyMs: 5)
        await paper.onBook(Paper.btc, Paper.book(bids: [("99.0", "1")], asks: [("100.0", "1")], at: 1_000))
        async let placed = paper.place(Paper.order("l1", .buy, .market, qty: "1"))
        #expect(await Paper.eventually { await paper.ordersInFlight == 1 })
        // In flight: the venue does not know it yet.
        #expect(await Paper.error { try await paper.queryOrder(instrument: Paper.btc, clientOrderId: "l1") } != nil)
        await paper.onBook(Paper.btc, Paper.book(bids: [("100.0", "1")], asks: [("101.0", "1")], at: 1_003))
        #expect(await paper.ordersInFlight == 1)
        await paper.advance(nowMs: 1_005)
        let report = try await placed
        #expect(report.status == .filled && report.averagePrice == Paper.price("101.0"))
        // A book after the arrival does not matter any more.
        await paper.onBook(Paper.btc, Paper.book(bids: [("90.0", "1")], asks: [("91.0", "1")], at: 1_006))
        #expect(try await paper.fills(instrument: Paper.btc, sinceMs: 0).map(\.price) == [Paper.price("101.0")])
        #expect(try await paper.fills(instrument: Paper.btc, sinceMs: 0).first?.tsMs == 1_005)
    }

    @Test("a market order without a book is refused definitely, in Russian, naming the instrument")
    func marketOrderWithoutBookIsRefused() async throws {
        let paper = Paper.venue()
        let error = try #require(await Paper.error { try await paper.place(Paper.order("n1", .buy, .market, qty: "1")) })
        #expect(error.outcome == .rejected)
        #expect(error.messageRu.contains("стакана") && error.messageRu.contains("BINANCE:PERP:BTC-USDT"))
    }
}
