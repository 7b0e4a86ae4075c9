import Engine
import PropCore
import PropertyBased
import Testing

/// TC-A26…A29 over random books, fills, rejections and timer ticks: every order is on its venue's grid and inside
/// the risk caps and throttles; once the venue cooperates, every arbitrage ends hedged or flat; the portfolio's
/// books always agree; and the same script replays to the same commands.
@Suite struct ArbitragePropertyTests {
    static func run(_ seed: UInt64, steps: Int = 80) -> ArbWorld {
        var w = ArbWorld(seed: seed)
        for _ in 0..<steps { w.step() }
        return w
    }

    /// Violations of the venue rules, the order cap, the price band and the per-second throttle.
    static func orderViolations(_ w: ArbWorld) -> [String] {
        let limits = w.rig.engine.risk.limits
        var bad: [String] = []
        for (leg, ms, mid) in w.rig.placements {
            var rules = ArbFx.rules(leg.instrument.venue)
            // Binance does not apply MIN_NOTIONAL to reduce-only orders (error -4164 says so).
            if leg.reduceOnly, leg.instrument.venue == .binance { rules.minNotional = nil }
            do {
                let q = try OrderQuantizer(rules: rules).quantize(side: leg.side, baseQty: leg.baseQty, price: leg.price, rounding: .passive)
                if q.qty != leg.qty || q.price != leg.price { bad.append("\(leg.key) off grid \(leg.qty)@\(leg.price)") }
            } catch {
                bad.append("\(leg.key) fails rules: \(error.messageRu)")
            }
            let notional = leg.price.notional(leg.baseQty)
            if !leg.reduceOnly, leg.purpose != .unwind, notional > limits.maxOrderNotional {
                bad.append("\(leg.key) notional \(notional) over cap")
            }
            if let mid, (leg.price - mid).magnitude.doubleValue / mid.doubleValue * 10_000 > Double(limits.priceBandBps) {
                bad.append("\(leg.key) price \(leg.price) outside band of \(mid)")
            }
            let lastSecond = w.rig.placements.filter { $0.ms > ms - 1_000 && $0.ms <= ms }.count
            if lastSecond > limits.maxOrdersPerSecond { bad.append("\(lastSecond) orders in the second up to \(ms)") }
        }
        return bad
    }

    @Test func tcA26_everyOrderIsOnTheGridAndInsideTheCaps() async {
        await propertyCheck(count: 150, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var w = Self.run(seed)
            w.settleDown(ticks: 40)
            #expect(Self.orderViolations(w) == [], "seed \(seed)")
            #expect(!w.rig.placements.isEmpty || w.rig.arbitrages.isEmpty)
        }
    }

    @Test func tcA27_everyArbitrageEndsHedgedOrFlat() async {
        await propertyCheck(count: 150, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var w = Self.run(seed)
            w.settleDown()
            let dust = w.venues.contains(.bybit) ? Qty.zero : ArbFx.q("0.001")
            for a in w.rig.arbitrages {
                #expect(a.phase == .open || a.phase == .closed, "seed \(seed) \(a.id) \(a.phase)")
                #expect(!a.hasWorkingLegs, "seed \(seed) \(a.id)")
                #expect(a.imbalance.magnitude <= dust, "seed \(seed) \(a.id) imbalance \(a.imbalance)")
                if a.phase == .closed {
                    #expect(a.held.values.allSatisfy { $0.magnitude <= dust }, "seed \(seed) \(a.id) \(a.held)")
                }
            }
            #expect(w.rig.net.magnitude <= dust, "seed \(seed) net \(w.rig.net)")
        }
    }

    @Test func tcA28_portfolioInvariantsHoldThroughout() async {
        await propertyCheck(count: 100, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var w = ArbWorld(seed: seed)
            for i in 0..<80 {
                w.step()
                if i % 10 == 0 { #expect(w.rig.engine.portfolioViolations == [], "seed \(seed) step \(i)") }
            }
            w.settleDown(ticks: 40)
            #expect(w.rig.engine.portfolioViolations == [], "seed \(seed)")
            // The engine's record of its fills agrees with the portfolio, instrument by instrument.
            var held: [InstrumentId: Qty] = [:]
            for a in w.rig.arbitrages { for (id, q) in a.held { held[id, default: .zero] += q } }
            for v in w.venues { #expect(held[ArbFx.rules(v).id, default: .zero] == w.rig.position(v), "seed \(seed) \(v)") }
        }
    }

    @Test func tcA29_sameScriptTwiceGivesIdenticalCommands() async {
        await propertyCheck(count: 40, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var a = Self.run(seed), b = Self.run(seed)
            a.settleDown(ticks: 20); b.settleDown(ticks: 20)
            #expect(a.rig.log == b.rig.log, "seed \(seed)")
            #expect(a.rig.arbitrages == b.rig.arbitrages, "seed \(seed)")
        }
    }

    /// The generator is not vacuous: the random worlds open arbitrages and go through hedges, unwinds and exits.
    @Test func generatorReachesEveryPurpose() {
        var purposes: [LegPurpose: Int] = [:], phases: [ArbitragePhase: Int] = [:]
        for seed in UInt64(0)..<60 {
            var w = Self.run(seed)
            w.settleDown(ticks: 40)
            for o in w.rig.orders { purposes[o.purpose, default: 0] += 1 }
            for a in w.rig.arbitrages { phases[a.phase, default: 0] += 1 }
        }
        #expect(purposes.keys.count == 4, "\(purposes)")
        #expect((phases[.closed] ?? 0) > 10, "\(phases)")
    }
}

/// Cases the property tests once found, kept as plain tests.
@Suite struct ArbitrageSeedRegressionTests {
    /// Two closed arbitrages left −0.001 BTC dust each on Binance; a third, exiting, held +0.002 there that the
    /// account did not have (Binance was flat), so its reduce-only exit could never fill. It now adopts the dust.
    @Test func dustOfClosedArbitragesOffsetsAnExitTheAccountIsAlreadyFlatFor() {
        var w = ArbitragePropertyTests.run(17734480681598500151)
        w.settleDown()
        for a in w.rig.arbitrages {
            #expect(a.phase == .open || a.phase == .closed, "\(a.id) \(a.phase) held \(a.held)")
        }
        #expect(w.rig.net.isZero)
        var held: [InstrumentId: Qty] = [:]
        for a in w.rig.arbitrages { for (id, q) in a.held { held[id, default: .zero] += q } }
        for (id, q) in held { #expect(q == (w.rig.engine.portfolio.position(id)?.qty ?? .zero), "\(id): books \(q)") }
    }

    /// Two closed arbitrages left −0.001 BTC each on Binance: each below one order, together a real short of
    /// 0.002 BTC on the account. The newest takes the other's over and unwinds the lot.
    @Test func dustOfSeveralClosedArbitragesAddingUpToAnOrderIsUnwound() {
        var w = ArbitragePropertyTests.run(1265277461786405235)
        w.settleDown()
        #expect(w.rig.net.isZero, "account \(w.rig.net)")
        #expect(w.rig.arbitrages.allSatisfy { $0.phase == .closed || $0.phase == .open })
        #expect(w.rig.arbitrages.contains { $0.exitReason?.contains("остатки закрытых арбитражей") == true })
    }
}
