import Engine
import PropCore
import Testing

/// Submit, place answers, stream events, cancels, listings.
@Suite struct OrderManagerTests {
    static let ms: UInt64 = 1_000_000
    static let settings = OrderManagerSettings(placeTimeoutMs: 2_000, cancelTimeoutMs: 1_000, maxResends: 1)

    /// A manager with order `c1` submitted and sent at t = 0.
    static func sentOrder(_ id: String = "c1", on instrument: InstrumentId = Fx.btc) -> OrderManager {
        var m = OrderManager(settings: settings)
        _ = m.submit(Fx.request(id, on: instrument), parentId: "arb-1", nowNs: 0)
        m.markSent(id, nowNs: 0)
        return m
    }

    static func ackedOrder(_ id: String = "c1", on instrument: InstrumentId = Fx.btc) -> OrderManager {
        var m = sentOrder(id, on: instrument)
        _ = m.apply(.order(Fx.report(id, .new, ms: 1, on: instrument)), nowNs: 1)
        return m
    }

    @Test func submitReturnsPlaceAndTracksTheOrderAsNew() {
        var m = OrderManager(settings: Self.settings)
        let cmd = m.submit(Fx.request(), parentId: "arb-1", nowNs: 5)
        #expect(cmd == .place(Fx.request()))
        #expect(m.order("c1")?.state == .new && m.order("c1")?.parentId == "arb-1")
        #expect(m.submit(Fx.request(), parentId: nil, nowNs: 6).alertCode == "order_duplicate_submit")
        #expect(m.count == 1)
    }

    @Test func markSentMovesToSentWithAPlaceDeadline() {
        let m = Self.sentOrder()
        #expect(m.order("c1")?.state == .sent)
        #expect(m.order("c1")?.placeDeadlineNs == 2_000 * Self.ms)
    }

    @Test func aSuccessfulPlaceAnswerAcks() {
        var m = Self.sentOrder()
        let out = m.placeResult("c1", .success(Fx.report(.new, ms: 3)), nowNs: 10)
        #expect(out.transitions.map(\.to) == [.acked] && out.commands.isEmpty)
        #expect(m.onTimer(nowNs: 10_000 * Self.ms).isEmpty)
    }

    @Test func anUnresolvedPlaceAnswerAsksTheVenueAndTheStreamResolvesIt() {
        var m = Self.sentOrder()
        let out = m.placeResult("c1", .failure(.unresolved(reason: "HTTP 502")), nowNs: 10)
        #expect(m.order("c1")?.state == .unknown)
        #expect(out.commands == [.query(Fx.btc, clientOrderId: "c1")])
        _ = m.apply(.order(Fx.report(.new, ms: 3)), nowNs: 20)
        #expect(m.order("c1")?.state == .acked)
        #expect(m.onTimer(nowNs: 60_000 * Self.ms).isEmpty, "no more queries once the venue answered")
    }

    @Test func aDuplicateClientIdAnswerIsAlreadyPlacedAndResolvedByQuery() {
        var m = Self.sentOrder()
        let out = m.placeResult("c1", .failure(.duplicate), nowNs: 10)
        #expect(out.commands == [.query(Fx.btc, clientOrderId: "c1")] && out.illegal.isEmpty)
        _ = m.reconcile("c1", venueAnswer: Fx.report(.partiallyFilled, filled: 2, ms: 4), nowNs: 20)
        #expect(m.order("c1")?.state == .partiallyFilled && m.order("c1")?.filledQty == Fx.q(2))
    }

    @Test func aDefiniteRejectIsFinalAndNeedsNoQuery() {
        var m = Self.sentOrder()
        let out = m.placeResult("c1", .failure(.rejected(code: "order_insufficient_margin")), nowNs: 10)
        #expect(out.commands.isEmpty && m.order("c1")?.state == .rejected)
        #expect(m.order("c1")?.lastReasonCode == "order_insufficient_margin")
        #expect(m.openOrders(venue: nil).isEmpty && m.unresolvedOrders().isEmpty)
    }

    @Test func streamEventsForUnknownClientIdsAreForeignNotCrashes() {
        var m = Self.ackedOrder()
        let order = m.apply(.order(Fx.report("someone-else", .new, ms: 1)), nowNs: 5)
        let fill = m.apply(.fill(Fx.fill("someone-else", trade: "x", qty: 1, ms: 1)), nowNs: 6)
        #expect(order.foreign.count == 1 && fill.foreign.count == 1)
        #expect(order.transitions.isEmpty && fill.newFills.isEmpty && m.count == 1)
    }

    @Test func illegalEventsAreReportedAndRaisedAsAlerts() {
        var m = Self.sentOrder()
        _ = m.apply(.order(Fx.report(.filled, filled: 10, ms: 50)), nowNs: 5)
        let out = m.apply(.order(Fx.report(.new, ms: 60)), nowNs: 6)
        #expect(out.illegal.map(\.code) == ["order_regressed_after_final"])
        #expect(out.commands.compactMap(\.alertCode) == ["order_regressed_after_final"])
        #expect(m.order("c1")?.state == .filled)
    }

    @Test func fillsAreDeduplicatedAcrossStreamAndRest() {
        var m = Self.ackedOrder()
        let streamed = m.apply(.fill(Fx.fill(trade: "t1", qty: 2, ms: 2)), nowNs: 5)
        #expect(streamed.newFills.map(\.tradeId) == ["t1"])
        // After a reconnect the executor fetches fills over REST: t1 again and t2 that the stream missed.
        var booked: [String] = []
        for f in [Fx.fill(trade: "t1", qty: 2, ms: 2), Fx.fill(trade: "t2", qty: 3, ms: 3)] {
            booked += m.apply(.fill(f), nowNs: 9).newFills.map(\.tradeId)
        }
        #expect(booked == ["t2"])
        #expect(m.order("c1")?.filledQty == Fx.q(5) && m.order("c1")?.bookedFillQty == Fx.q(5))
    }

    @Test func aCumulativeAheadOfTheBookedFillsAsksForTheFills() {
        var m = Self.ackedOrder()
        let out = m.apply(.order(Fx.report(.partiallyFilled, filled: 4, ms: 2)), nowNs: 5)
        #expect(out.fillsMissing == ["c1"])
        let fetched = m.apply(.fill(Fx.fill(trade: "t1", qty: 4, ms: 2)), nowNs: 6)
        #expect(fetched.fillsMissing.isEmpty && fetched.newFills.count == 1)
    }

    @Test func aReconnectQueriesEveryLiveOrderOfThatVenueOnly() {
        var m = Self.ackedOrder("b1")
        _ = m.submit(Fx.request("o1", on: Fx.okxEth), parentId: nil, nowNs: 0)
        m.markSent("o1", nowNs: 0)
        _ = m.submit(Fx.request("b2"), parentId: nil, nowNs: 0)
        _ = m.placeResult("b2", .failure(.rejected(code: "x")), nowNs: 1)
        let out = m.apply(.connected(venue: .binance), nowNs: 10)
        #expect(out.commands == [.query(Fx.btc, clientOrderId: "b1")])
        #expect(m.apply(.disconnected(venue: .okx, reason: "eof"), nowNs: 11) == ApplyOutcome())
    }

    @Test func listingsAndCountsFollowTheStates() {
        var m = Self.ackedOrder("a")
        _ = m.submit(Fx.request("b", on: Fx.okxEth), parentId: nil, nowNs: 0)
        m.markSent("b", nowNs: 0)
        _ = m.submit(Fx.request("c"), parentId: nil, nowNs: 0)
        _ = m.placeResult("c", .success(Fx.report("c", .filled, filled: 10, ms: 1)), nowNs: 1)
        #expect(m.openOrders(venue: nil).map(\.clientOrderId) == ["a", "b"])
        #expect(m.openOrders(venue: .okx).map(\.clientOrderId) == ["b"])
        #expect(m.unresolvedOrders().map(\.clientOrderId) == ["b"])
        #expect(m.counts == [.acked: 1, .sent: 1, .filled: 1])
        #expect(m.removeFinalOrders().map(\.clientOrderId) == ["c"])
        #expect(m.count == 2 && m.allOrders.map(\.clientOrderId) == ["a", "b"])
    }
}
