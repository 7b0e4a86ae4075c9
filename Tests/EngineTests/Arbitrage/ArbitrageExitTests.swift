import Engine
import PropCore
import Testing

/// Acceptance cases TC-A18…A21: an open arbitrage closes with reduce-only IOCs on both venues in one command
/// when the spread converges, when it is too old, or before a funding payment that costs it.
@Suite struct ArbitrageExitTests {
    /// An open arbitrage: long 0.03 on Binance, short 3 contracts on OKX.
    static func openRig(_ settings: ArbitrageSettings = ArbFx.settings) -> ArbRig {
        var rig = ArbRig(ArbFx.engine(settings: settings))
        rig.books()
        return rig
    }

    static func expectExit(_ rig: ArbRig, reason: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let exit = rig.places.last ?? []
        #expect(rig.places.count == 2, sourceLocation: sourceLocation)
        #expect(exit.count == 2 && exit.allSatisfy { $0.purpose == .exit && $0.reduceOnly && $0.timeInForce == .ioc },
                "\(exit)", sourceLocation: sourceLocation)
        #expect(exit.first { $0.instrument == ArbFx.binance }?.side == .sell, sourceLocation: sourceLocation)
        #expect(exit.first { $0.instrument == ArbFx.binance }?.qty == ArbFx.q("0.03"), sourceLocation: sourceLocation)
        #expect(exit.first { $0.instrument == ArbFx.okx }?.side == .buy, sourceLocation: sourceLocation)
        #expect(exit.first { $0.instrument == ArbFx.okx }?.qty == ArbFx.q("3"), sourceLocation: sourceLocation)
        #expect(rig.last?.phase == .closed && rig.isFlat, sourceLocation: sourceLocation)
        #expect(rig.last?.exitReason?.contains(reason) == true, "\(rig.last?.exitReason ?? "-")", sourceLocation: sourceLocation)
        #expect(rig.engine.portfolioViolations.isEmpty, sourceLocation: sourceLocation)
    }

    @Test func tcA18_exitOnConvergence() {
        var rig = Self.openRig()
        #expect(rig.last?.phase == .open)
        rig.book(.okx, bid: "65010.0", ask: "65010.1") // mids 1.6 bps apart: within exitConvergeBps 2
        Self.expectExit(rig, reason: "спред сошёлся")
    }

    @Test func tcA18b_noExitWhileTheSpreadIsWide() {
        var rig = Self.openRig()
        rig.book(.okx, bid: "65100.0", ask: "65100.1")
        rig.tick(100, times: 10)
        #expect(rig.places.count == 1 && rig.last?.phase == .open)
    }

    @Test func tcA19_exitOnMaxAge() {
        var settings = ArbFx.settings
        settings.exitMaxAgeMs = 10_000
        var rig = Self.openRig(settings)
        rig.tick(1_000, times: 9)
        #expect(rig.last?.phase == .open)
        rig.tick(1_000)
        Self.expectExit(rig, reason: "истёк срок удержания")
    }

    @Test func tcA20_exitBeforeCostlyFunding() {
        var rig = Self.openRig()
        // The short (OKX) pays 1 bp at the next settlement: a cost for this position.
        rig.engine.onFunding(slot: rig.slot(.okx), terms: FundingTerms(rate: FundingRate("-0.0001")!), nextFundingMs: rig.ms + 120_000)
        rig.tick(1_000, times: 5)
        #expect(rig.last?.phase == .open, "settlement still two minutes away")
        rig.tick(1_000, times: 56)
        Self.expectExit(rig, reason: "перед выплатой фандинга")
    }

    @Test func tcA21_fundingFlipToNegativeCarryExits() {
        var rig = Self.openRig()
        // At first the short receives: settlement 30 s away is no reason to leave.
        rig.engine.onFunding(slot: rig.slot(.okx), terms: FundingTerms(rate: FundingRate("0.0001")!), nextFundingMs: rig.ms + 30_000)
        rig.tick(1_000, times: 5)
        #expect(rig.last?.phase == .open && rig.places.count == 1)
        // The rate flips: now the short pays, 25 s before settlement.
        rig.engine.onFunding(slot: rig.slot(.okx), terms: FundingTerms(rate: FundingRate("-0.0002")!), nextFundingMs: rig.ms + 25_000)
        rig.tick(1_000)
        Self.expectExit(rig, reason: "перед выплатой фандинга")
    }

    @Test func tcA21b_partialExitIsFinishedByAnUnwind() {
        var rig = Self.openRig()
        // The OKX exit fills one contract of three; the rest of the short is taken back reduce-only.
        rig.venue = { leg in leg.purpose == .exit && leg.instrument.venue == .okx ? .fill(ArbFx.q("1")) : .fill() }
        rig.book(.okx, bid: "65010.0", ask: "65010.1")
        rig.tick(200, times: 3)
        #expect(rig.last?.phase == .closed && rig.isFlat)
        let after = rig.orders.dropFirst(4)
        #expect(!after.isEmpty && after.allSatisfy { $0.reduceOnly && $0.instrument == ArbFx.okx && $0.side == .buy })
    }
}
