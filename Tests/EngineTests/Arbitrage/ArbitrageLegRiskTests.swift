import Engine
import PropCore
import Testing

/// Acceptance cases TC-A10…A15: a lone or partial leg is hedged or unwound within the deadline, and the
/// unhedged exposure is bounded and reported.
@Suite struct ArbitrageLegRiskTests {
    static func okxEntry(_ leg: LegOrder) -> Bool { leg.purpose == .entry && leg.instrument.venue == .okx }

    @Test func tcA10_rejectedLegIsHedgedOnTheThirdVenue() throws {
        var rig = ArbRig()
        rig.venue = { Self.okxEntry($0) ? .reject : .fill() }
        rig.books()
        #expect(rig.places.count == 2)
        let hedge = try #require(rig.places.last?.first)
        #expect(rig.places.last?.count == 1)
        #expect(hedge.purpose == .hedge && hedge.instrument == ArbFx.bybit && hedge.side == .sell)
        #expect(hedge.timeInForce == .ioc && !hedge.reduceOnly && hedge.qty == ArbFx.q("0.03"))
        // 20 bps through Bybit's bid 65 000.0, on the tick grid.
        #expect(hedge.price == ArbFx.p("64870.0"))
        let a = try #require(rig.last)
        #expect(a.phase == .open && a.failedInstruments == [ArbFx.okx])
        #expect(rig.position(.binance) == ArbFx.q("0.03") && rig.position(.bybit) == ArbFx.q("-0.03"))
        #expect(rig.net.isZero && rig.engine.portfolioViolations.isEmpty)
    }

    @Test func tcA11_withTwoVenuesTheLoneLegIsUnwoundReduceOnly() throws {
        var rig = ArbRig(ArbFx.engine(venues: [.binance, .okx]))
        rig.venue = { Self.okxEntry($0) ? .reject : .fill() }
        rig.books(venues: [.binance, .okx])
        let unwind = try #require(rig.places.last?.first)
        #expect(rig.places.count == 2)
        #expect(unwind.purpose == .unwind && unwind.instrument == ArbFx.binance && unwind.side == .sell)
        #expect(unwind.reduceOnly && unwind.timeInForce == .ioc && unwind.qty == ArbFx.q("0.03"))
        let a = try #require(rig.last)
        #expect(a.phase == .closed && rig.isFlat)
        #expect(rig.engine.activeArbitrages.isEmpty)
    }

    @Test func tcA12_partialLegIsHedgedForExactlyTheDifferenceInEachVenuesLot() throws {
        // Binance fills 0.025 of 0.03, OKX 1 of 3 contracts: 0.015 BTC long too much. OKX (best bid) takes
        // one contract (0.01, its lot), then the remaining 0.005 goes to Bybit (OKX cannot trade half a contract).
        var rig = ArbRig()
        rig.venue = { leg in
            guard leg.purpose == .entry else { return .fill() }
            return .fill(leg.instrument.venue == .okx ? ArbFx.q("1") : ArbFx.q("0.025"))
        }
        rig.books()
        rig.tick(200)
        let hedges = rig.orders.filter { $0.purpose == .hedge }
        #expect(hedges.map(\.instrument) == [ArbFx.okx, ArbFx.bybit])
        #expect(hedges.map(\.qty) == [ArbFx.q("1"), ArbFx.q("0.005")])
        #expect(hedges.allSatisfy { $0.side == .sell })
        #expect(rig.last?.phase == .open)
        #expect(rig.net.isZero)
        #expect(rig.position(.okx) == ArbFx.q("-0.02") && rig.position(.bybit) == ArbFx.q("-0.005"))
    }

    @Test func tcA13_dustBelowOneLotEverywhereIsAccepted() throws {
        // Binance + OKX only: 0.029 long against 3 contracts short leaves 0.001 BTC short — below Binance's
        // 100 USDT minimum notional and below one OKX contract. Nothing can trade it: open, no hedge.
        var rig = ArbRig(ArbFx.engine(venues: [.binance, .okx]))
        rig.venue = { leg in leg.instrument.venue == .binance ? .fill(ArbFx.q("0.029")) : .fill() }
        rig.books(venues: [.binance, .okx])
        rig.tick(200, times: 5)
        #expect(rig.places.count == 1)
        #expect(rig.last?.phase == .open)
        #expect(rig.net == ArbFx.q("-0.001"))
        #expect(rig.holds == 0 && rig.alerts.isEmpty)
    }

    @Test func tcA14_hedgeKeepsFailingHoldOnceAfterDeadlineAndUnwindUntilFlat() throws {
        var settings = ArbFx.settings
        settings.maxUnhedgedUsd = 1_000_000; settings.maxUnhedgedMs = 1_000_000 // only the leg deadline here
        var rig = ArbRig(ArbFx.engine(settings: settings))
        rig.venue = { Self.okxEntry($0) || $0.purpose != .entry ? .reject : .fill() }
        rig.books()
        rig.tick(100, times: 49)
        #expect(rig.holds == 0, "before the 5 s deadline")
        rig.tick(100, times: 2)
        #expect(rig.holds == 1 && rig.alerts.filter { $0 == "leg_risk_deadline" }.count == 1)
        #expect(rig.engine.risk.isHeld)
        // The venue takes the unwind from now on: reduce-only passes HOLD.
        rig.venue = { $0.purpose == .unwind ? .fill() : .reject }
        rig.tick(200, times: 2)
        #expect(rig.isFlat)
        #expect(rig.last?.phase == .closed)
        #expect(rig.holds == 1, "HOLD once")
        let kinds = Set(rig.orders.map(\.purpose))
        #expect(kinds == [.entry, .hedge, .unwind])
        #expect(rig.orders.filter { $0.purpose == .unwind }.allSatisfy { $0.reduceOnly && $0.instrument == ArbFx.binance })
        #expect(rig.orders.filter { $0.purpose == .hedge }.count <= settings.maxHedgeAttempts)
    }

    @Test func tcA15_unhedgedExposureOverUsdBoundHolds() throws {
        // 0.03 BTC ≈ 1 950 USDT uncovered once the hedge failed, over the 500 USDT bound.
        var rig = ArbRig()
        rig.venue = { Self.okxEntry($0) || $0.purpose == .hedge ? .reject : ($0.purpose == .unwind ? .rest : .fill()) }
        rig.books()
        #expect(rig.alerts.contains("unhedged_exposure"))
        #expect(rig.holds == 1)
        #expect((rig.engine.exposure.pairs["BTC-USDT"]?.usd ?? 0) > 1_900)
    }

    @Test func tcA16_unhedgedExposureOverTimeBoundHolds() throws {
        var settings = ArbFx.settings
        settings.maxUnhedgedUsd = 1_000_000; settings.maxUnhedgedMs = 1_000
        var rig = ArbRig(ArbFx.engine(settings: settings))
        rig.venue = { Self.okxEntry($0) || $0.purpose != .entry ? .reject : .fill() }
        rig.books()
        rig.tick(100, times: 9)
        #expect(!rig.alerts.contains("unhedged_exposure"))
        rig.tick(100, times: 3)
        #expect(rig.alerts.filter { $0 == "unhedged_exposure" }.count == 1)
        #expect(rig.holds == 1)
    }

    @Test func tcA17_legNotFinalAfterTimeoutIsCancelledOnce() throws {
        var rig = ArbRig()
        rig.cancelsConfirm = false
        rig.venue = { Self.okxEntry($0) ? .rest : .fill() }
        rig.books()
        let okxKey = try #require(rig.resting.keys.first)
        rig.tick(100, times: 19)
        #expect(rig.log.compactMap(\.cancelled).isEmpty)
        rig.tick(100, times: 10)
        #expect(rig.log.compactMap(\.cancelled) == [okxKey])
        #expect(rig.holds == 0, "the working leg covers the filled one")
        // The venue confirms: nothing filled, so the lone leg is hedged (on fresh books: the risk gate refuses
        // new risk against a stale one), and not on OKX, which just failed to fill.
        rig.books()
        rig.final(okxKey)
        #expect(rig.orders.last?.purpose == .hedge && rig.orders.last?.instrument == ArbFx.bybit)
        #expect(rig.last?.phase == .open && rig.net.isZero)
    }
}

/// The operator's `hedge` action (`/api/control {"action": "hedge"}`): hedge now, not at the leg deadline.
@Suite struct ArbitrageHedgeNowTests {
    @Test func hedgeCancelsTheHangingEntryAndHedgesTheLoneLegAtOnce() throws {
        var rig = ArbRig()
        rig.venue = { ArbitrageLegRiskTests.okxEntry($0) ? .rest : .fill() }
        rig.books()
        #expect(!rig.orders.contains { $0.purpose == .hedge }, "the OKX leg still has its 2 s to fill")
        #expect(rig.position(.binance) == ArbFx.q("0.03"))

        var out: [EngineCommand] = []
        let touched = rig.engine.hedgeAll(nowNs: rig.nowNs, wallMs: rig.ms, into: &out)
        rig.pump(out)
        #expect(touched == 1)
        #expect(rig.log.contains { if case .cancel = $0 { true } else { false } }, "the hanging entry is cancelled")
        let hedge = try #require(rig.orders.last)
        #expect(hedge.purpose == .hedge && hedge.instrument == ArbFx.bybit && hedge.side == .sell && hedge.qty == ArbFx.q("0.03"))
        #expect(rig.net.isZero, "hedged without waiting for any deadline")
        #expect(rig.last?.phase == .open)
    }

    @Test func hedgeLeavesBalancedArbitragesAlone() throws {
        var rig = ArbRig()
        rig.books()
        #expect(rig.last?.phase == .open && rig.net.isZero)
        let placed = rig.orders.count
        var out: [EngineCommand] = []
        #expect(rig.engine.hedgeAll(nowNs: rig.nowNs, wallMs: rig.ms, into: &out) == 0)
        #expect(out.isEmpty && rig.orders.count == placed)
    }
}
