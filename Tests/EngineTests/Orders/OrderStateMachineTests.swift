import Engine
import PropCore
import Testing

/// One test per transition the state machine promises (see `OrderStateMachine`).
@Suite struct OrderStateMachineTests {
    typealias M = OrderStateMachine

    @Test func sendMovesNewToSentAndASecondSendIsIgnored() {
        var o = Fx.order([])
        #expect(M.step(&o, .sent, nowNs: 1).transition?.to == .sent)
        #expect(M.step(&o, .sent, nowNs: 2).ignoredCode == "order_already_sent")
        #expect(o.state == .sent)
    }

    @Test func ackReportMovesSentToAckedAndLearnsTheVenueOrderId() {
        var o = Fx.order([.sent])
        let r = M.step(&o, .report(Fx.report(.new, ms: 10, venueId: "777")), nowNs: 5)
        #expect(r.transition?.from == .sent && r.transition?.to == .acked && r.transition?.cause == "ack")
        #expect(o.venueOrderId == "777" && o.lastVenueUpdateMs == 10)
    }

    @Test func answerOvertakingOurOwnSendBookkeepingIsNotAnError() {
        var o = Fx.order([.report(Fx.report(.new, ms: 10))])
        #expect(o.state == .acked)
        #expect(M.step(&o, .sent, nowNs: 9).ignoredCode == "order_already_acknowledged")
    }

    @Test func fillBeforeAckGoesToPartiallyFilledAndTheLateAckIsStale() {
        var o = Fx.order([.sent])
        let r = M.step(&o, .fill(Fx.fill(trade: "t1", qty: 3, ms: 20)), nowNs: 5)
        #expect(r.transition?.to == .partiallyFilled && r.newFill?.tradeId == "t1")
        #expect(o.filledQty == Fx.q(3) && o.venueOrderId == "v-1")
        let late = M.step(&o, .report(Fx.report(.new, ms: 15)), nowNs: 6)
        #expect(late.ignoredCode == "order_report_stale" && o.state == .partiallyFilled && o.filledQty == Fx.q(3))
    }

    @Test func fillsCompletingTheQuantityMakeItFilledBeforeTheFinalReport() {
        var o = Fx.order([.sent, .report(Fx.report(.new, ms: 1))])
        _ = M.step(&o, .fill(Fx.fill(trade: "t1", qty: 4, ms: 2)), nowNs: 5)
        let r = M.step(&o, .fill(Fx.fill(trade: "t2", qty: 6, ms: 3)), nowNs: 6)
        #expect(r.transition?.to == .filled && o.filledQty == Fx.q(10))
        // The venue's confirmation changes nothing we act on; it only catches up the venue's own figure.
        #expect(M.step(&o, .report(Fx.report(.filled, filled: 10, ms: 3)), nowNs: 7).ignoredCode == "order_report_duplicate")
        #expect(o.state == .filled && o.venueFilledQty == Fx.q(10) && o.history.last?.cause == "fill")
    }

    @Test func theSameFillTwiceIsBookedOnce() {
        var o = Fx.order([.sent, .report(Fx.report(.new, ms: 1))])
        let f = Fx.fill(trade: "t1", qty: 2, ms: 2)
        #expect(M.step(&o, .fill(f), nowNs: 5).newFill == f)
        let again = M.step(&o, .fill(f), nowNs: 6)
        #expect(again.newFill == nil && again.ignoredCode == "order_fill_duplicate")
        #expect(o.filledQty == Fx.q(2) && o.bookedFillQty == Fx.q(2) && o.fillKeys.count == 1)
    }

    @Test func cancelRacingAFillEndsCanceledWithTheFilledQuantityKept() {
        var o = Fx.order([.sent, .report(Fx.report(.new, ms: 1))])
        #expect(M.step(&o, .cancelRequested, nowNs: 5).transition?.cause == "cancel_req")
        #expect(o.state == .acked && o.cancelRequested)
        _ = M.step(&o, .fill(Fx.fill(trade: "t1", qty: 4, ms: 2)), nowNs: 6)
        #expect(o.state == .partiallyFilled)
        // The canceled report may carry a cumulative taken before the fill reached it: the fill still counts.
        let r = M.step(&o, .report(Fx.report(.canceled, filled: 0, ms: 3)), nowNs: 7)
        #expect(r.transition?.to == .canceled && o.filledQty == Fx.q(4))
    }

    @Test func cancelLosingTheRaceToTheLastFillEndsFilled() {
        var o = Fx.order([.sent, .report(Fx.report(.new, ms: 1)), .cancelRequested])
        _ = M.step(&o, .fill(Fx.fill(trade: "t1", qty: 10, ms: 2)), nowNs: 6)
        #expect(o.state == .filled && o.filledQty == Fx.q(10))
        #expect(M.step(&o, .cancelRequested, nowNs: 7).ignoredCode == "order_already_final")
    }

    @Test func aReportWithLessCumulativeQuantityIsStale() {
        var o = Fx.order([.sent, .report(Fx.report(.partiallyFilled, filled: 5, ms: 5))])
        let r = M.step(&o, .report(Fx.report(.partiallyFilled, filled: 3, ms: 6)), nowNs: 9)
        #expect(r.ignoredCode == "order_report_stale" && o.filledQty == Fx.q(5) && o.state == .partiallyFilled)
    }

    @Test func aRestSnapshotBehindTheStreamAfterAFinalStateIsStale() {
        var o = Fx.order([.sent, .report(Fx.report(.filled, filled: 10, ms: 50))])
        let r = M.step(&o, .report(Fx.report(.new, ms: 40)), nowNs: 9)
        #expect(r.ignoredCode == "order_report_stale" && r.illegal == nil && o.state == .filled)
    }

    @Test func filledThenANewerAckIsIllegalAndTheOrderIsUnchanged() {
        var o = Fx.order([.sent, .report(Fx.report(.filled, filled: 10, ms: 50))])
        let before = o
        let r = M.step(&o, .report(Fx.report(.new, ms: 60)), nowNs: 9)
        #expect(r.illegal?.code == "order_regressed_after_final")
        #expect(r.illegal?.reasonRu.contains("updateMs") == true && r.illegal?.reasonRu.contains("Заказ c1") == true)
        #expect(o == before)
    }

    @Test func canceledThenANewerPartialWithLessQuantityIsIllegal() {
        var o = Fx.order([.sent, .report(Fx.report(.canceled, filled: 4, ms: 50))])
        let before = o
        let r = M.step(&o, .report(Fx.report(.partiallyFilled, filled: 2, ms: 70)), nowNs: 9)
        #expect(r.illegal?.code == "order_regressed_after_final" && o == before)
    }

    @Test func twoDifferentFinalStatusesAreAConflict() {
        var o = Fx.order([.sent, .report(Fx.report(.canceled, filled: 0, ms: 50))])
        let r = M.step(&o, .report(Fx.report(.filled, filled: 10, ms: 60)), nowNs: 9)
        #expect(r.illegal?.code == "order_final_conflict" && o.state == .canceled)
    }

    @Test func aDefiniteRejectEndsRejectedWithTheVenueCode() {
        var o = Fx.order([.sent])
        let r = M.step(&o, .placeFailed(.rejected(code: "order_post_only_would_take")), nowNs: 3)
        #expect(r.transition?.to == .rejected && o.lastReasonCode == "order_post_only_would_take")
        var d = Fx.order([])
        #expect(M.step(&d, .placeFailed(.denied(code: "request_throttled_by_governor")), nowNs: 3).transition?.to == .rejected)
    }

    @Test func unresolvedAndDuplicateAnswersLeaveTheOrderUnknown() {
        var a = Fx.order([.sent])
        #expect(M.step(&a, .placeFailed(.unresolved(reason: "timeout")), nowNs: 3).transition?.to == .unknown)
        var b = Fx.order([.sent])
        #expect(M.step(&b, .placeFailed(.duplicate), nowNs: 3).transition?.to == .unknown)
        #expect(b.lastReasonCode == OrderReason.duplicateClientOrderId)
    }

    @Test func aRejectAfterTheVenueAckedIsIllegalButAnUnresolvedAnswerIsJustLate() {
        var o = Fx.order([.sent, .report(Fx.report(.new, ms: 1))])
        #expect(M.step(&o, .placeFailed(.rejected(code: "x")), nowNs: 3).illegal?.code == "order_place_answer_conflict")
        #expect(M.step(&o, .placeFailed(.unresolved(reason: "timeout")), nowNs: 4).ignoredCode == "order_already_acknowledged")
        #expect(o.state == .acked)
    }

    @Test func placeTimeoutMovesSentToUnknownOnly() {
        var o = Fx.order([.sent])
        #expect(M.step(&o, .placeTimedOut, nowNs: 3).transition?.to == .unknown)
        #expect(o.lastReasonCode == OrderReason.placeTimeout)
        var acked = Fx.order([.sent, .report(Fx.report(.new, ms: 1))])
        #expect(M.step(&acked, .placeTimedOut, nowNs: 3).ignoredCode != nil && acked.state == .acked)
    }

    @Test func notFoundOnVenueMeansNeverPlacedOrNoLongerResting() {
        var sent = Fx.order([.sent, .placeTimedOut])
        #expect(M.step(&sent, .notFoundOnVenue, nowNs: 3).transition?.to == .rejected)
        #expect(sent.lastReasonCode == OrderReason.notFoundOnVenue && sent.isInferredNotPlaced)
        var partial = Fx.order([.sent, .report(Fx.report(.partiallyFilled, filled: 3, ms: 1))])
        #expect(M.step(&partial, .notFoundOnVenue, nowNs: 3).transition?.to == .canceled)
        #expect(partial.filledQty == Fx.q(3))
    }

    @Test func anOrderConcludedNeverPlacedComesBackWhenTheVenueReportsIt() {
        var o = Fx.order([.sent, .placeTimedOut, .notFoundOnVenue])
        let r = M.step(&o, .report(Fx.report(.new, ms: 5)), nowNs: 9)
        #expect(r.transition?.from == .rejected && r.transition?.to == .acked)
        #expect(o.lastReasonCode == OrderReason.reappearedOnVenue && !o.isInferredNotPlaced)
        var f = Fx.order([.sent, .placeTimedOut, .notFoundOnVenue])
        #expect(M.step(&f, .fill(Fx.fill(trade: "t9", qty: 2, ms: 5)), nowNs: 9).transition?.to == .partiallyFilled)
    }

    @Test func eventsForAnotherInstrumentSideOrVenueOrderAreRefused() {
        var o = Fx.order([.sent, .report(Fx.report(.new, ms: 1, venueId: "A"))])
        let before = o
        let wrongInstrument = M.step(&o, .report(Fx.report(.new, ms: 2, venueId: "A", on: Fx.okxEth)), nowNs: 3)
        #expect(wrongInstrument.illegal?.reasonRu.contains("поле instrument") == true)
        #expect(M.step(&o, .fill(Fx.fill(trade: "t", qty: 1, ms: 2, venueId: "A", side: .sell)), nowNs: 4).illegal?.code == "order_event_mismatch")
        #expect(M.step(&o, .fill(Fx.fill(trade: "t", qty: 1, ms: 2, venueId: "B")), nowNs: 5).illegal?.reasonRu.contains("venueOrderId") == true)
        #expect(o == before)
    }

    @Test func anOverfillReportIsRefusedButAnOverfillingFillIsBookedAndFlagged() {
        var o = Fx.order([.sent, .report(Fx.report(.new, ms: 1))])
        #expect(M.step(&o, .report(Fx.report(.partiallyFilled, filled: 11, ms: 2)), nowNs: 3).illegal?.code == "order_overfill_reported")
        #expect(o.filledQty == .zero)
        _ = M.step(&o, .fill(Fx.fill(trade: "a", qty: 8, ms: 2)), nowNs: 4)
        let r = M.step(&o, .fill(Fx.fill(trade: "b", qty: 5, ms: 3)), nowNs: 5)
        #expect(r.newFill?.tradeId == "b" && r.illegal?.code == "order_overfill")
        #expect(o.filledQty == Fx.q(13) && o.state == .filled)
    }

    @Test func aZeroQuantityFillIsRefused() {
        var o = Fx.order([.sent])
        #expect(M.step(&o, .fill(Fx.fill(trade: "z", qty: 0, ms: 1)), nowNs: 2).illegal?.code == "order_fill_invalid")
        #expect(o.fillKeys.isEmpty)
    }

    @Test func theVenueCumulativeWinsWhenFillsAreMissingAndLateFillsDoNotAddTwice() {
        var o = Fx.order([.sent, .report(Fx.report(.partiallyFilled, filled: 6, ms: 5))])
        #expect(o.filledQty == Fx.q(6) && o.bookedFillQty == .zero && o.unbookedQty == Fx.q(6))
        let late = M.step(&o, .fill(Fx.fill(trade: "t1", qty: 6, ms: 4)), nowNs: 9)
        #expect(late.newFill != nil && late.transition == nil)
        #expect(o.filledQty == Fx.q(6) && o.unbookedQty == .zero)
    }

    @Test func averagePriceIsTheVenueFigureOrTheFillVwap() {
        var o = Fx.order([.sent])
        _ = M.step(&o, .fill(Fx.fill(trade: "a", qty: 1, price: Fx.p(650_001, 1), ms: 1)), nowNs: 2)
        _ = M.step(&o, .fill(Fx.fill(trade: "b", qty: 3, price: Fx.p(65_002), ms: 2)), nowNs: 3)
        // (65000.1 × 1 + 65002 × 3) / 4 = 65001.525
        #expect(o.avgPrice == Fx.p(65_001_525, 3))
        _ = M.step(&o, .report(Fx.report(.partiallyFilled, filled: 4, ms: 3, avg: Fx.p(6_500_152, 2))), nowNs: 4)
        #expect(o.avgPrice == Fx.p(6_500_152, 2))
    }

    @Test func historyIsBounded() {
        var big = Fx.order([.sent], qty: 100)
        for i in 1...50 { _ = M.step(&big, .fill(Fx.fill(trade: "t\(i)", qty: 1, ms: Int64(i))), nowNs: UInt64(i)) }
        #expect(big.history.count == TrackedOrder.historyLimit)
        #expect(big.history.last?.filledQty == Fx.q(50))
    }
}
