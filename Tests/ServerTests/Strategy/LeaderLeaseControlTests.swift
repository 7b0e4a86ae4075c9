import Foundation
import Journal
import Ops
import PropCore
import Testing

/// `ops.require_leader_lease` in the whole process: no trading while another instance holds the lease, trading
/// once it is handed over (with the new fencing token on `/live-readiness`), HOLD `leader_lost` when it is taken away.
@Suite(.serialized) struct LeaderLeaseControlTests {
    @Test func tradesOnlyWhileHoldingTheLease() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("leader-\(UUID().uuidString).sqlite").path
        let standby = try LeaderLease.open(path: path)
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        #expect(try standby.acquireOrRenew(holder: "standby", ttlMs: 600_000, nowMs: now) == .held(fencingToken: 1, expiresMs: now + 600_000))
        try await StrategyRig.with(configure: { profile in
            profile.ops.requireLeaderLease = true
            profile.ops.leasePath = path
            profile.ops.leaseTTLms = 3_000
        }) { s in
            // The other instance holds it: guarded startup stays on HOLD and says why.
            try await Task.sleep(for: .seconds(4))
            let held = await GuardedControlTests.state(s)
            #expect(held.state == "hold" && held.codes.contains("startup"), "\(held)")
            var readiness = try await s.get("/live-readiness")
            #expect(readiness["leader"] as? Bool == false, "\(readiness)")
            #expect(((readiness["reasons"] as? [[String: Any]]) ?? []).contains { $0["code"] as? String == "NOT_LEADER" }, "\(readiness)")
            #expect(try await s.arbitrages().isEmpty)

            // Handed over: this instance takes it with the next fencing token and starts.
            try standby.release(holder: "standby")
            let running = await ExecutionRig.eventually(60) { await GuardedControlTests.state(s).state == "run" }
            let afterHandover = await GuardedControlTests.state(s)
            #expect(running, "\(afterHandover)")
            readiness = try await s.get("/live-readiness")
            #expect(readiness["leader"] as? Bool == true && readiness["fencing_token"] as? Int == 2, "\(readiness)")

            // Taken away behind its back (e.g. a split brain): HOLD leader_lost at the next renewal.
            let later = Int64(Date().timeIntervalSince1970 * 1000)
            try await standby.database.pool.write { db in
                try db.execute(sql: "UPDATE leader_lease SET holder = 'standby', fencing_token = 3, expires_ms = ?", arguments: [later + 600_000])
            }
            let lost = await ExecutionRig.eventually(20) { await GuardedControlTests.state(s).codes.contains("leader_lost") }
            let afterLoss = await GuardedControlTests.state(s)
            #expect(lost, "\(afterLoss)")
        }
    }
}
