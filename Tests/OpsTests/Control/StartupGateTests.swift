import PropCore
import Testing
@testable import Ops

@Suite struct StartupGateTests {
    static func healthy() -> StartupChecks {
        StartupChecks(marketDataHealthy: [.binance: true, .okx: true, .bybit: true], requiredVenues: Venue.allCases,
                      journalReplayClean: true, reconciliationClean: true, invariantsHold: true, clockSkewMs: 20,
                      maxClockSkewMs: 500, leaderLeaseHeld: nil)
    }

    @Test func allHealthyIsReady() {
        #expect(StartupGate().evaluate(Self.healthy()) == .ready)
        var leased = Self.healthy()
        leased.leaderLeaseHeld = true
        #expect(StartupGate().evaluate(leased) == .ready)
    }

    @Test func everyFailedCheckIsListed() {
        var c = Self.healthy()
        c.marketDataHealthy[.okx] = false
        c.marketDataHealthy[.bybit] = nil
        c.journalReplayClean = false
        c.reconciliationClean = false
        c.invariantsHold = false
        c.clockSkewMs = -900
        c.leaderLeaseHeld = false
        guard case .blocked(let blockers) = StartupGate().evaluate(c) else { Issue.record("not blocked"); return }
        #expect(blockers == [.marketData(.okx), .marketData(.bybit), .journalReplay, .reconciliation, .invariants,
                             .clockSkew(ms: 900, maxMs: 500), .leaderLease])
        let text = StartupGate.detailRu(blockers)
        #expect(text.contains("OKX") && text.contains("900 мс"))
    }

    @Test func unmeasuredClockBlocks() {
        var c = Self.healthy()
        c.clockSkewMs = nil
        #expect(StartupGate().evaluate(c) == .blocked([.clockUnmeasured]))
    }
}
