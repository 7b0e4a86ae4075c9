import Foundation
@testable import Ops
import Testing

@Suite("SLO engine")
struct SLOEngineTests {
    static func engine(_ policy: SLOPolicy = SLOPolicy()) -> SLOEngine {
        SLOEngine(site: .local, targets: .local, policy: policy, maxClockSkewMs: 500)
    }

    static func holds(_ r: SLOReport) -> [HoldCode] {
        r.inputs.compactMap { if case .raiseHold(let h) = $0 { h.code } else { nil } }
    }

    static func clears(_ r: SLOReport) -> [HoldCode] {
        r.inputs.compactMap { if case .clearCondition(let c) = $0 { c } else { nil } }
    }

    /// Feeds one gap per second on binance and evaluates every 10 s; returns the first time an input matched.
    static func run(_ e: inout SLOEngine, gapMs: Double, from: Int64, to: Int64, until: (SLOReport) -> Bool) -> (Int64, SLOReport)? {
        var t = from
        while t <= to {
            e.recordWsGap(venue: "binance", ms: gapMs, atMs: t)
            e.recordWsGap(venue: "okx", ms: 50, atMs: t)
            if t % 10_000 == 0 {
                let r = e.evaluate(atMs: t)
                if until(r) { return (t, r) }
            }
            t += 1_000
        }
        return nil
    }

    @Test func sustainedWsGapBreachHoldsWithinTheWindowThenRecoveryClears() throws {
        var e = Self.engine()
        // 2 s gaps: 5× the 400 ms target, over the 3× hold line.
        let first = try #require(Self.run(&e, gapMs: 2_000, from: 0, to: 600_000) { !$0.breaches.isEmpty })
        #expect(first.0 == 0)
        #expect(first.1.alerts.contains { $0.code == "SLO_BREACH" && $0.severity == .warn && $0.title.contains("binance") })
        #expect(Self.holds(first.1).isEmpty, "no HOLD before the breach lasted hold_after")
        let held = try #require(Self.run(&e, gapMs: 2_000, from: 1_000, to: 900_000) { Self.holds($0).contains(.mdGap) })
        #expect(held.0 <= SLOPolicy().windowMs + SLOPolicy().bucketMs)
        #expect(held.0 >= SLOPolicy().holdAfterMs)
        guard case .raiseHold(let reason) = try #require(held.1.inputs.first) else { Issue.record("not a hold"); return }
        #expect(reason.detailRu?.contains("binance") == true && reason.detailRu?.contains("okx") == false)
        #expect(held.1.alerts.contains { $0.severity == .critical && $0.since == "1970-01-01T00:00:00.000Z" })
        #expect(held.1.values.wsGapMsP95 == LatencyBins.quantised(2_000))

        // Fast again: md_gap is cleared once, when p95 is back within target.
        let start = held.0 + 1_000
        let cleared = try #require(Self.run(&e, gapMs: 100, from: start, to: start + 900_000) { !Self.clears($0).isEmpty })
        #expect(Self.clears(cleared.1) == [.mdGap])
        #expect(cleared.1.values.wsGapMsP95 <= 400)
        let after = e.evaluate(atMs: cleared.0 + 10_000)
        #expect(after.inputs.isEmpty)
    }

    @Test func breachUnderThreeTimesOnlyAlerts() {
        var e = Self.engine()
        let r = Self.run(&e, gapMs: 800, from: 0, to: 900_000) { Self.holds($0).contains(.mdGap) }
        #expect(r == nil)
        #expect(!e.evaluate(atMs: 900_000).alerts.isEmpty)
    }

    @Test func autoHoldOffMeansAlertsOnly() {
        var p = SLOPolicy()
        p.autoHold = false
        var e = Self.engine(p)
        #expect(Self.run(&e, gapMs: 5_000, from: 0, to: 900_000) { Self.holds($0).contains(.mdGap) } == nil)
    }

    @Test func orderCycleBreachIsRedSloHoldWithoutAutoClear() throws {
        var e = Self.engine()
        var t: Int64 = 0
        var held: SLOReport?
        while t <= 600_000, held == nil {
            e.recordOrderCycle(ms: 900, atMs: t)
            let r = e.evaluate(atMs: t)
            if Self.holds(r).contains(.slo) { held = r }
            t += 5_000
        }
        let r = try #require(held)
        guard case .raiseHold(let reason) = r.inputs[0] else { Issue.record("no hold"); return }
        #expect(reason.isRed && reason.detailRu?.contains("order_cycle_ms_p95") == true)
        // Red reasons need a two-man resume; the engine never clears them (the machine would refuse).
        for s in stride(from: t, through: t + 900_000, by: 5_000) {
            e.recordOrderCycle(ms: 20, atMs: s)
            #expect(Self.clears(e.evaluate(atMs: s)).isEmpty)
        }
    }

    @Test func reconMismatchAndDrawdownHoldAtOnce() {
        var e = Self.engine()
        e.setReconMismatch(1)
        e.setDayDrawdownBps(450)
        let r = e.evaluate(atMs: 0)
        #expect(Set(Self.holds(r)) == [.recon, .risk])
        #expect(r.values.reconMismatch == 1 && r.values.maxDayDrawdownBps == 450)
        e.setReconMismatch(0)
        e.setDayDrawdownBps(10)
        let ok = e.evaluate(atMs: 1_000)
        #expect(ok.inputs.isEmpty && ok.breaches.isEmpty)
    }

    @Test func drawdownHoldIsRaisedOncePerEpisodeSoTwoOperatorsCanResume() {
        var e = Self.engine()
        e.setDayDrawdownBps(450)
        #expect(Self.holds(e.evaluate(atMs: 0)) == [.risk])
        #expect(Self.holds(e.evaluate(atMs: 1_000)).isEmpty, "no re-HOLD after a two-man resume")
        e.setReconMismatch(1)
        #expect(Self.holds(e.evaluate(atMs: 2_000)) == [.recon])
        #expect(Self.holds(e.evaluate(atMs: 3_000)) == [.recon], "recon holds until fixed")
        e.setDayDrawdownBps(100)
        e.setReconMismatch(0)
        _ = e.evaluate(atMs: 4_000)
        e.setDayDrawdownBps(500)
        #expect(Self.holds(e.evaluate(atMs: 5_000)) == [.risk], "a new episode raises again")
    }

    @Test func clockSkewGuardHoldsAndClears() {
        var e = Self.engine()
        e.recordClockSkew(ms: -700)
        let r = e.evaluate(atMs: 0)
        #expect(Self.holds(r) == [.clockSkew])
        #expect(r.alerts.contains { $0.code == "CLOCK_SKEW" && $0.severity == .critical })
        e.recordClockSkew(ms: 120)
        #expect(Self.clears(e.evaluate(atMs: 1_000)) == [.clockSkew])
        #expect(e.evaluate(atMs: 2_000).inputs.isEmpty)
    }

    @Test func ratesNeedEnoughOutcomesAndOnlyAlertByDefault() {
        var e = Self.engine()
        e.recordOrderOutcome(rejected: true, atMs: 0)
        #expect(e.evaluate(atMs: 0).breaches.isEmpty, "one reject of one order is not judged")
        for i in 0..<99 { e.recordOrderOutcome(rejected: i < 2, atMs: Int64(i)) }
        for i in 0..<100 { e.recordCancel(failed: i == 0, atMs: Int64(i)) }
        let r = e.evaluate(atMs: 1_000)
        #expect(r.values.rejectRate == 0.03 && r.values.cancelFailRate == 0.01)
        #expect(Set(r.breaches.map(\.metric)) == [.rejectRate, .cancelFailRate])
        #expect(r.inputs.isEmpty)
        var p = SLOPolicy()
        p.holdOnRates = true
        var strict = Self.engine(p)
        for i in 0..<100 { strict.recordOrderOutcome(rejected: i < 3, atMs: Int64(i)) }
        #expect(Self.holds(strict.evaluate(atMs: 1_000)) == [.slo])
    }

    @Test func exceptionBudgetChargesBreachTimeAndResetsAtMidnight() {
        var e = Self.engine()  // 1 % of a day = 864 s
        e.setReconMismatch(1)
        _ = e.evaluate(atMs: 0)
        let half = e.evaluate(atMs: 432_000)
        #expect(half.values.budgetRemaining == 0.5)
        e.setReconMismatch(0)
        _ = e.evaluate(atMs: 500_000)  // the interval up to here was still in breach
        let later = e.evaluate(atMs: 600_000)
        #expect(abs(later.values.budgetRemaining - (1 - 500_000.0 / 864_000)) < 1e-12)
        e.setReconMismatch(1)
        _ = e.evaluate(atMs: 600_000)
        let gone = e.evaluate(atMs: 2_000_000)
        #expect(gone.values.budgetRemaining == 0)
        #expect(Self.holds(gone).contains(.slo))
        #expect(gone.alerts.contains { $0.code == "BUDGET_EXHAUSTED" })
        e.setReconMismatch(0)
        _ = e.evaluate(atMs: 2_000_001)
        #expect(e.evaluate(atMs: 86_400_000 + 1).values.budgetRemaining == 1)
    }

    @Test func reportEncodesTheSpecSloBlock() throws {
        var e = Self.engine()
        let data = try JSONEncoder().encode(e.evaluate(atMs: 0))
        let obj = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["ws_gap_ms_p95", "order_cycle_ms_p95", "reject_rate", "cancel_fail_rate", "recon_mismatch",
                    "max_day_drawdown_bps", "budget_remaining"] {
            #expect(obj[key] is NSNumber, "missing \(key)")
        }
    }
}
