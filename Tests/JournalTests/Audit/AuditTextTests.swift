import Foundation
import PropertyBased
import Testing
@testable import Journal

/// Whatever text a caller puts into an audit record (operator input reaches actor, target and detail), the stored
/// record reads back as hashed: the chain verifies. Found by API fuzzing: a NUL byte used to cut the stored text.
@Suite struct AuditTextTests {
    @Test func aNulByteInAnyFieldStillVerifies() throws {
        let log = try AuditLog.open(path: tempDatabasePath("audit-nul.sqlite"))
        try log.append(AuditEntry(wallMs: 1, actor: "iv\u{0}an", action: "approve", target: "ap_\u{0}x", outcome: .refused,
                                  detailJSON: "{\"id\":\"a\u{0}b\"}"))
        let report = try log.verify()
        #expect(report.firstBreak == nil && report.recordsChecked == 1)
        #expect(try log.records().first?.entry.target == "ap_\\u0000x")
    }

    @Test func randomUnicodeTextVerifies() async throws {
        let log = try AuditLog.open(path: tempDatabasePath("audit-text.sqlite"))
        await propertyCheck(count: 200, input: Gen.latin1.string(of: 0...40), Gen.latin1.string(of: 0...40)) { actor, target in
            _ = try? log.append(AuditEntry(wallMs: 2, actor: actor, action: "login", target: target, outcome: .refused))
        }
        let report = try log.verify()
        #expect(report.firstBreak == nil, "\(String(describing: report.firstBreak))")
        #expect(report.recordsChecked == 200)
    }
}
