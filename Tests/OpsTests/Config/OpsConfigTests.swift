import Foundation
@testable import Ops
import Testing

@Suite("Ops config section")
struct OpsConfigTests {
    @Test func defaultsDependOnTheMode() throws {
        let demo = try ProfileLoader.load(yaml: "profile: demo\n", environment: [:], sourceName: "demo.yaml").ops
        #expect(demo == OpsConfig.defaults(for: .demo))
        #expect(demo.anonymousLocalReads && demo.tokensFile == "./data/secrets/tokens.yaml" && demo.approvalTTLSeconds == 300)
        #expect(demo.auditPath == "./data/audit-demo.sqlite" && demo.stateFile == "./data/control-demo.json")
        let live = OpsConfig.defaults(for: .live)
        #expect(!live.anonymousLocalReads && live.auditPath == "./data/audit.sqlite" && live.stateFile == "./data/control.json")
        #expect(ProfileConfig.demoDefault.ops == demo)
    }

    @Test func everyKeyIsRead() throws {
        let yaml = """
            profile: demo
            ops:
              tokens_file: /etc/propbot/tokens.yaml
              anonymous_local_reads: false
              approval_ttl_s: 120
              audit_path: /var/lib/propbot/audit.sqlite
              state_file: /var/lib/propbot/control.json
              max_clock_skew_ms: 250
              require_leader_lease: true

            """
        let ops = try ProfileLoader.load(yaml: yaml, environment: [:], sourceName: "demo.yaml").ops
        #expect(ops == OpsConfig(tokensFile: "/etc/propbot/tokens.yaml", anonymousLocalReads: false, approvalTTLSeconds: 120,
                                 auditPath: "/var/lib/propbot/audit.sqlite", stateFile: "/var/lib/propbot/control.json",
                                 maxClockSkewMs: 250, requireLeaderLease: true))
    }

    @Test func badValuesAndTyposAreReportedInRussian() {
        let issues = ConfigTestSupport.issues("profile: demo\nops:\n  approval_ttl_s: 5\n  tokens_fil: x\n  anonymous_local_reads: yes please\n")
        #expect(issues.map(\.path) == ["ops.approval_ttl_s", "ops.tokens_fil", "ops.anonymous_local_reads"])
        #expect(issues[0].code == "out_of_range" && issues[0].problemRu.contains("30…3600"))
        #expect(issues[1].code == "unknown_key" && issues[1].hintRu.contains("tokens_file"))
        #expect(issues[2].code == "wrong_type")
    }

    @Test func cliReaderNeedsNoTradingSecrets() throws {
        let dir = try ConfigTestSupport.makeTempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The shipped live profile references venue keys that are not in this environment.
        let (shipped, shippedOps) = try OpsSectionLoader.load(path: ConfigTestSupport.repoRoot + "/configs/live.yaml", environment: [:])
        #expect(shipped == .live && shippedOps == .defaults(for: .live))
        try "profile: live\nvenues:\n  binance:\n    api_key: ${MISSING_KEY}\nops: {tokens_file: /tmp/t.yaml}\n"
            .write(toFile: dir + "/live.yaml", atomically: true, encoding: .utf8)
        let (kind, ops) = try OpsSectionLoader.load(path: dir + "/live.yaml", environment: [:])
        #expect(kind == .live && ops.tokensFile == "/tmp/t.yaml" && !ops.anonymousLocalReads)
        try "profile: live\nops: {approval_ttl_s: 1}\n".write(toFile: dir + "/live.yaml", atomically: true, encoding: .utf8)
        #expect(throws: ConfigError.self) { try OpsSectionLoader.load(path: dir + "/live.yaml", environment: [:]) }
    }
}
