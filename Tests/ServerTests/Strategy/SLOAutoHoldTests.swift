import Foundation
import Ops
import PropCore
import Testing
import VenueSim

/// RG-5 end to end: an SLO breach made by the simulator's faults puts the whole process on HOLD within the
/// window, with the breached metric on `/live-readiness` and `/api/ui/status/slo`.
@Suite(.serialized) struct SLOAutoHoldTests {
    @Test func slowOrderAcknowledgementsHoldTheBotWithTheSLOReason() async throws {
        // Targets tightened so a test waits seconds, not five minutes: p95 of the order cycle over 2 × 50 ms
        // for one second ⇒ HOLD. The venues answer every REST call 250 ms late.
        try await StrategyRig.with(beforeStart: { rig in
            for venue in Venue.allCases { await rig.sim.inject(SimFault(venue: venue, kind: .latency, durationMillis: 250)) }
        }, configure: { profile in
            profile.status.overrides = StatusOverrides(["slo.local.order_cycle_ms_p95": 50, "slo_policy.hold_multiplier": 2,
                                                        "slo_policy.hold_after_s": 1])
        }) { s in
            let held = await ExecutionRig.eventually(90) { await GuardedControlTests.state(s).codes.contains("slo") }
            let state = await GuardedControlTests.state(s)
            #expect(held, "\(state)")
            #expect(state.state == "hold", "\(state)")

            let readiness = try await s.get("/live-readiness")
            #expect(readiness["ready"] as? Bool == false)
            let reasons = (readiness["reasons"] as? [[String: Any]]) ?? []
            let slo = reasons.first { $0["code"] as? String == "SLO_BREACH" }
            #expect((slo?["detail"] as? String ?? "").contains("order_cycle"), "\(reasons)")

            let report = try await s.get("/api/ui/status/slo")
            let metrics = (report["metrics"] as? [[String: Any]]) ?? []
            let cycle = metrics.first { $0["metric"] as? String == "order_cycle_ms_p95" }
            #expect(cycle?["breach"] as? Bool == true, "\(cycle ?? [:])")
            #expect((cycle?["value"] as? Double ?? 0) > 100, "\(cycle ?? [:])")
        }
    }
}
