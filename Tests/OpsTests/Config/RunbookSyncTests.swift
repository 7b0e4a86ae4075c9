import Foundation
@testable import Ops
import Testing

/// Keeps `docs/runbooks/config.md` in step with the schema and the issue codes operators can see.
@Suite("Config runbook")
struct RunbookSyncTests {
    private let runbook: String = {
        let path = ConfigTestSupport.repoRoot + "/docs/runbooks/config.md"
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }()

    @Test func everySchemaKeyIsDocumented() {
        let keys = ProfileSchema.root + ProfileSchema.server + ProfileSchema.sim + ProfileSchema.storage
            + ProfileSchema.marketData + ProfileSchema.execution
            + ProfileSchema.strategy + ProfileSchema.strategyExit + ProfileSchema.strategyOverride
            + ProfileSchema.strategyLegRisk + ProfileSchema.risk
            + ProfileSchema.reconnect + ProfileSchema.venues + ProfileSchema.okxVenue + ProfileSchema.venueFees
            + ProfileSchema.logging + ProfileSchema.ops + ProfileSchema.status + ProfileSchema.statusGroups
            + ProfileSchema.statusGroup + ProfileSchema.statusHealth + ProfileSchema.statusSLOSites
            + ProfileSchema.sloTargets + ProfileSchema.sloPolicy
        for key in Set(keys) {
            #expect(["`\(key)`", ".\(key)`", "`\(key)."].contains { runbook.contains($0) }, "runbook misses key \(key)")
        }
    }

    @Test func everyIssueCodeInSourcesIsDocumented() throws {
        let dir = ConfigTestSupport.repoRoot + "/Sources/Ops/Config"
        let files = FileManager.default.enumerator(atPath: dir)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        #expect(!files.isEmpty)
        var codes = Set<String>()
        let pattern = try Regex(#"code: "([a-z_]+)""#)
        for file in files {
            let text = try String(contentsOfFile: "\(dir)/\(file)", encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let code = match.output[1].substring { codes.insert(String(code)) }
            }
            for match in text.matches(of: try Regex(#"(?:fail|fail\()\("([a-z_]+)""#)) {
                if let code = match.output[1].substring { codes.insert(String(code)) }
            }
        }
        #expect(codes.count > 20)
        for code in codes {
            #expect(runbook.contains("`\(code)`"), "runbook misses code \(code)")
        }
    }
}
