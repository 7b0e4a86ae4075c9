import Foundation
@testable import Ops
import Testing

@Suite("Status thresholds")
struct StatusThresholdsTests {
    static let file = ConfigTestSupport.repoRoot + "/configs/status_thresholds.yaml"

    @Test func shippedFileEqualsBuiltInDefaults() throws {
        let text = try String(contentsOfFile: Self.file, encoding: .utf8)
        let t = try StatusThresholdsLoader.load(yaml: text, sourceName: "status_thresholds.yaml")
        #expect(t == StatusThresholds.defaults)
        #expect(t.targets(.local) == SLOTargets(wsGapMsP95: 400, orderCycleMsP95: 200, rejectRate: 0.005,
                                                 cancelFailRate: 0.003, reconMismatch: 0, maxDayDrawdownBps: 300))
        #expect(t.targets(.vps).wsGapMsP95 == 600 && t.targets(.vps).orderCycleMsP95 == 300)
    }

    @Test func profileOverridesApplyOnTopOfTheFile() throws {
        let yaml = """
            profile: demo
            status:
              site: vps
              groups:
                P1: {warn: 0.5}
              slo:
                vps: {ws_gap_ms_p95: 800}
              slo_policy: {auto_hold: false, hold_after_s: 60}
            """
        let config = try ProfileLoader.load(yaml: yaml, environment: [:], sourceName: "demo.yaml")
        #expect(config.status.site == .vps)
        let t = try StatusThresholdsLoader.load(yaml: String(contentsOfFile: Self.file, encoding: .utf8),
                                                sourceName: "status_thresholds.yaml", overrides: config.status.overrides)
        #expect(t.threshold(.p1) == GroupThreshold(ok: 0.95, warn: 0.5))
        #expect(t.targets(.vps).wsGapMsP95 == 800 && t.targets(.vps).orderCycleMsP95 == 300)
        #expect(!t.sloPolicy.autoHold && t.sloPolicy.holdAfterMs == 60_000)
        let engine = t.makeSLOEngine(site: config.status.site, maxClockSkewMs: config.ops.maxClockSkewMs)
        #expect(engine.targets.wsGapMsP95 == 800)
    }

    @Test func badValuesGetRussianIssuesWithThePath() {
        let issues = ConfigTestSupport.issues("""
            profile: demo
            status:
              site: cloud
              groups:
                P0: {ok: 0.5, warn: 0.9}
                P7: {ok: 1}
              slo:
                local: {reject_rate: 5}
              slo_policy: {window_s: 300, bucket_s: 7}
            """, source: "demo.yaml")
        let byCode = Dictionary(grouping: issues, by: \.code)
        #expect(byCode["invalid_value"]?.first?.path == "status.site")
        #expect(byCode["status_threshold_order"]?.contains { $0.path == "status.groups.P0" } == true)
        #expect(byCode["unknown_key"]?.first?.path == "status.groups.P7")
        #expect(byCode["out_of_range"]?.first?.path == "status.slo.local.reject_rate")
        #expect(byCode["slo_window_buckets"] != nil)
        #expect(issues.allSatisfy { !$0.problemRu.isEmpty && !$0.hintRu.isEmpty })
    }

    @Test func thresholdsFileIsStrictToo() {
        do {
            _ = try StatusThresholdsLoader.load(yaml: "groups:\n  P0: {ok: 2}\nsloo: {}\n", sourceName: "t.yaml")
            Issue.record("accepted a bad thresholds file")
        } catch {
            #expect(Set(error.issues.map(\.code)) == ["out_of_range", "unknown_key"])
            #expect(error.issues.contains { $0.path == "groups.P0.ok" })
        }
    }

    @Test func missingDefaultFileFallsBackToBuiltIns() throws {
        // The test runs from the package root or elsewhere; an explicit missing file must fail either way.
        #expect(throws: ConfigError.self) {
            try StatusThresholdsLoader.load(for: StatusConfig(thresholdsFile: "/nonexistent/status_thresholds.yaml"))
        }
    }

    @Test func groupColouringFollowsThresholds() {
        let th = GroupThreshold(ok: 0.95, warn: 0.8)
        #expect(th.colour(0.95) == .ok && th.colour(0.94) == .warn && th.colour(0.8) == .warn && th.colour(0.79) == .error)
    }
}
