import Engine
import PropCore
import Testing

/// Place and cancel deadlines: a timed-out place is resolved by asking the venue by the same client id.
@Suite struct OrderManagerDeadlineTests {
    static let ms: UInt64 = 1_000_000
    typealias T = OrderManagerTests

    @Test func placeTimeoutQueriesByTheSameIdAndNeverPlacesANewOne() {
        var m = T.sentOrder()
        #expect(m.onTimer(nowNs: 1_999 * Self.ms).isEmpty)
        let fired = m.onTimer(nowNs: 2_000 * Self.ms)
        #expect(fired == [.query(Fx.btc, clientOrderId: "c1")])
        #expect(m.order("c1")?.state == .unknown && m.order("c1")?.lastReasonCode == OrderReason.placeTimeout)
        // Still unknown: asked again every place timeout, and never with a new id.
        #expect(m.onTimer(nowNs: 3_000 * Self.ms).isEmpty)
        let again = m.onTimer(nowNs: 4_000 * Self.ms)
        #expect(again == [.query(Fx.btc, clientOrderId: "c1")])
        #expect(!(fired + again).contains { $0.isPlace })
        #expect(m.count == 1)
    }

    @Test func anIntentNeverReportedAsSentIsAlsoQueriedAfterTheDeadline() {
        var m = OrderManager(settings: T.settings)
        _ = m.submit(Fx.request(), parentId: nil, nowNs: 0)
        #expect(m.onTimer(nowNs: 2_000 * Self.ms) == [.query(Fx.btc, clientOrderId: "c1")])
    }

    @Test func unknownOnTheVenueIsResentWithTheSameIdBoundedByMaxResends() {
        var m = T.sentOrder()
        _ = m.onTimer(nowNs: 2_000 * Self.ms)
        let first = m.reconcile("c1", venueAnswer: nil, nowNs: 2_100 * Self.ms)
        #expect(first.commands == [.resend(Fx.request())])
        #expect(m.order("c1")?.state == .sent && m.order("c1")?.resends == 1)
        #expect(m.onTimer(nowNs: 4_100 * Self.ms) == [.query(Fx.btc, clientOrderId: "c1")])
        let second = m.reconcile("c1", venueAnswer: nil, nowNs: 4_200 * Self.ms)
        #expect(!second.commands.contains { $0.isResend })
        #expect(second.commands.compactMap(\.alertCode) == ["order_not_found_on_venue"])
        #expect(m.order("c1")?.state == .rejected && m.order("c1")?.lastReasonCode == OrderReason.notFoundOnVenue)
        #expect(m.onTimer(nowNs: 60_000 * Self.ms).isEmpty)
    }

    @Test func anOrderDeclaredNotPlacedIsTrackedAgainWhenItAppears() {
        var m = OrderManager(settings: OrderManagerSettings(placeTimeoutMs: 2_000, cancelTimeoutMs: 1_000, maxResends: 0))
        _ = m.submit(Fx.request(), parentId: nil, nowNs: 0)
        m.markSent("c1", nowNs: 0)
        _ = m.onTimer(nowNs: 2_000 * Self.ms)
        _ = m.reconcile("c1", venueAnswer: nil, nowNs: 2_100 * Self.ms)
        #expect(m.order("c1")?.state == .rejected)
        let out = m.apply(.order(Fx.report(.new, ms: 9)), nowNs: 3_000 * Self.ms)
        #expect(m.order("c1")?.state == .acked)
        #expect(out.commands.compactMap(\.alertCode) == ["order_reappeared_on_venue"])
        #expect(m.openOrders(venue: .binance).count == 1)
    }

    @Test func notFoundRightAfterAnAckIsRecheckedBeforeBeingBelieved() {
        var m = T.ackedOrder()
        let first = m.reconcile("c1", venueAnswer: nil, nowNs: 10 * Self.ms)
        #expect(first.ignored.map(\.code) == ["order_not_found_will_recheck"] && m.order("c1")?.state == .acked)
        #expect(m.onTimer(nowNs: 2_010 * Self.ms) == [.query(Fx.btc, clientOrderId: "c1")])
        #expect(m.onTimer(nowNs: 9_000 * Self.ms).isEmpty, "the re-check is one-shot")
        let second = m.reconcile("c1", venueAnswer: nil, nowNs: 9_100 * Self.ms)
        #expect(m.order("c1")?.state == .canceled)
        #expect(second.commands.compactMap(\.alertCode) == ["order_not_found_on_venue"])
    }

    @Test func cancelTimeoutQueriesThenCancelsAgainWhileTheOrderIsLive() {
        var m = T.ackedOrder()
        #expect(m.requestCancel("c1", nowNs: 0) == .cancel(Fx.btc, clientOrderId: "c1"))
        #expect(m.requestCancel("c1", nowNs: 500 * Self.ms) == nil, "a cancel in flight is not duplicated")
        #expect(m.onTimer(nowNs: 999 * Self.ms).isEmpty)
        #expect(m.onTimer(nowNs: 1_000 * Self.ms) == [.query(Fx.btc, clientOrderId: "c1")])
        let answer = m.reconcile("c1", venueAnswer: Fx.report(.new, ms: 5), nowNs: 1_100 * Self.ms)
        #expect(answer.commands == [.cancel(Fx.btc, clientOrderId: "c1")])
        _ = m.apply(.order(Fx.report(.canceled, ms: 6)), nowNs: 1_200 * Self.ms)
        #expect(m.order("c1")?.state == .canceled)
        #expect(m.onTimer(nowNs: 10_000 * Self.ms).isEmpty)
    }

    @Test func aCancelAnsweredUnknownOrderAsksAndAFilledAnswerEndsIt() {
        var m = T.ackedOrder()
        _ = m.requestCancel("c1", nowNs: 0)
        let out = m.cancelResult("c1", .failure(.unknownOrder), nowNs: 10)
        #expect(out.commands == [.query(Fx.btc, clientOrderId: "c1")])
        let answer = m.reconcile("c1", venueAnswer: Fx.report(.filled, filled: 10, ms: 5), nowNs: 20)
        #expect(answer.commands.isEmpty && m.order("c1")?.state == .filled)
    }

    @Test func aRefusedCancelAlertsAndRechecks() {
        var m = T.ackedOrder()
        _ = m.requestCancel("c1", nowNs: 0)
        let out = m.cancelResult("c1", .failure(.rejected(code: "venue_rate_limited")), nowNs: 10)
        #expect(out.commands.compactMap(\.alertCode) == ["order_cancel_rejected"])
        #expect(out.commands.contains(.query(Fx.btc, clientOrderId: "c1")))
        #expect(m.reconcile("c1", venueAnswer: Fx.report(.new, ms: 5), nowNs: 20).commands == [.cancel(Fx.btc, clientOrderId: "c1")])
    }

    @Test func aCancelAnswerWithTheCanceledReportEndsTheOrder() {
        var m = T.ackedOrder()
        _ = m.requestCancel("c1", nowNs: 0)
        let out = m.cancelResult("c1", .success(Fx.report(.canceled, ms: 5)), nowNs: 10)
        #expect(out.transitions.map(\.to) == [.canceled])
        #expect(m.onTimer(nowNs: 5_000 * Self.ms).isEmpty)
    }

    @Test func cancelAllPerVenueAndEverywhere() {
        var m = T.ackedOrder("b1")
        _ = m.submit(Fx.request("o1", on: Fx.okxEth), parentId: nil, nowNs: 0)
        m.markSent("o1", nowNs: 0)
        _ = m.submit(Fx.request("b2"), parentId: nil, nowNs: 0)
        _ = m.placeResult("b2", .success(Fx.report("b2", .filled, filled: 10, ms: 1)), nowNs: 1)
        #expect(m.cancelAll(venue: .binance, nowNs: 10) == [.cancel(Fx.btc, clientOrderId: "b1")])
        #expect(m.cancelAll(venue: nil, nowNs: 20) == [.cancel(Fx.okxEth, clientOrderId: "o1")])
        #expect(m.requestCancel("nope", nowNs: 30)?.alertCode == "order_not_tracked")
    }

    @Test func restoreQueriesEveryLiveOrderAndNeverResendsIt() {
        var journalled = TrackedOrder(request: Fx.request("s1"), parentId: nil, state: .sent)
        journalled.placeDeadlineNs = 123
        var canceling = TrackedOrder(request: Fx.request("a1"), parentId: nil, state: .acked)
        canceling.cancelRequested = true
        let done = TrackedOrder(request: Fx.request("f1"), parentId: nil, state: .filled)
        var m = OrderManager(settings: T.settings)
        let commands = m.restore([journalled, canceling, done], nowNs: 0)
        #expect(commands == [.query(Fx.btc, clientOrderId: "s1"), .query(Fx.btc, clientOrderId: "a1")])
        #expect(m.order("s1")?.state == .unknown && m.order("s1")?.placeDeadlineNs == nil)
        // The venue never saw it: after a restart that is final, not a reason to send a stale order.
        let gone = m.reconcile("s1", venueAnswer: nil, nowNs: 10)
        #expect(!gone.commands.contains { $0.isResend } && m.order("s1")?.state == .rejected)
        // The cancel asked for before the crash is sent again if the order is still live.
        #expect(m.reconcile("a1", venueAnswer: Fx.report("a1", .new, ms: 3), nowNs: 20).commands == [.cancel(Fx.btc, clientOrderId: "a1")])
        #expect(m.restore([done], nowNs: 30).compactMap(\.alertCode) == ["order_restore_duplicate"])
    }
}
