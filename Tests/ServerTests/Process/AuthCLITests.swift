import Foundation
import Journal
import Testing

/// `propbot auth add | list | revoke` and `propbot audit verify` through the real binary.
@Suite struct AuthCLITests {
    static func run(_ arguments: [String]) async throws -> (status: Int32, out: String, err: String) {
        let p = try PropBotProcess(arguments)
        let status = try await p.waitForExit()
        return (status, p.output(), p.errorOutput())
    }

    static func tempDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("propbot-auth-\(UUID().uuidString)").path
    }

    @Test func addListRevokeKeepOnlyHashesInAPrivateFile() async throws {
        let file = Self.tempDirectory() + "/secrets/tokens.yaml"
        var r = try await Self.run(["auth", "add", "ivan", "--role", "operator", "--tokens-file", file])
        #expect(r.status == 0, "\(r)")
        let token = try #require(r.out.split(separator: "\n").map(String.init).first { $0.hasPrefix("pbt_") })
        #expect(r.out.contains("один раз"))
        let mode = (try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        let stored = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!stored.contains(String(token.dropFirst(4))) && stored.contains("sha256:"))

        r = try await Self.run(["auth", "add", "olga", "--role", "admin", "--tokens-file", file])
        #expect(r.status == 0)
        r = try await Self.run(["auth", "list", "--tokens-file", file])
        #expect(r.status == 0 && r.out.contains("ivan\toperator") && r.out.contains("olga\tadmin"), "\(r)")
        #expect(!r.out.contains(String(token.dropFirst(4))))

        r = try await Self.run(["auth", "add", "ivan", "--role", "viewer", "--tokens-file", file])
        #expect(r.status == 1 && r.err.contains("уже есть") && r.err.contains("Подсказка"), "\(r)")
        r = try await Self.run(["auth", "add", "petr", "--role", "boss", "--tokens-file", file])
        #expect(r.status != 0 && r.err.contains("--role"), "\(r)")

        r = try await Self.run(["auth", "revoke", "ivan", "--tokens-file", file])
        #expect(r.status == 0 && r.out.contains("отозван"))
        r = try await Self.run(["auth", "revoke", "ivan", "--tokens-file", file])
        #expect(r.status == 1 && r.err.contains("нет"))
        r = try await Self.run(["auth", "list", "--tokens-file", file])
        #expect(!r.out.contains("ivan") && r.out.contains("olga"))
    }

    @Test func auditVerifyPassesAndDetectsTampering() async throws {
        let path = Self.tempDirectory() + "/audit.sqlite"
        let log = try AuditLog.open(path: path)
        for i in 1...4 { try log.append(AuditEntry(wallMs: Int64(i), actor: "ivan", action: "pause", outcome: .ok)) }
        var r = try await Self.run(["audit", "verify", "--db", path])
        #expect(r.status == 0 && r.out.contains("OK") && r.out.contains("4 записей"), "\(r)")

        try await log.database.pool.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_delete")
            try db.execute(sql: "DELETE FROM audit_log WHERE seq = 2")
        }
        r = try await Self.run(["audit", "verify", "--db", path])
        #expect(r.status == 1 && r.err.contains("seq=3") && r.err.contains("удалены") && r.err.contains("Подсказка"), "\(r)")

        r = try await Self.run(["audit", "verify", "--db", Self.tempDirectory() + "/none.sqlite"])
        #expect(r.status == 1 && r.err.contains("нет"), "\(r)")
    }
}
