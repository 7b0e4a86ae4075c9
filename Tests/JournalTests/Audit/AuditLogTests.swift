import PropCore
import Foundation
import GRDB
import Testing
@testable import Journal

/// The audit log's hash chain on a real SQLite file: every kind of tampering is found and pinpointed.
@Suite struct AuditLogTests {
    static func filled(_ count: Int = 6) throws -> AuditLog {
        let log = try AuditLog.open(path: tempDatabasePath("audit.sqlite"))
        for i in 1...count {
            try log.append(AuditEntry(wallMs: 1_700_000_000_000 + Int64(i), actor: i % 2 == 0 ? "ivan" : "olga",
                                      action: ["pause", "resume", "set_risk_level"][i % 3], target: i == 3 ? "ap_x" : nil,
                                      outcome: i == 4 ? .refused : .ok, detailJSON: "{\"n\":\"\(i)\"}"))
        }
        return log
    }

    /// Raw SQL "outside the bot": the append-only triggers must be dropped first.
    static func tamper(_ log: AuditLog, _ sql: String...) throws {
        try log.database.pool.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS audit_log_no_update")
            try db.execute(sql: "DROP TRIGGER IF EXISTS audit_log_no_delete")
            for statement in sql { try db.execute(sql: statement) }
        }
    }

    @Test func appendedRecordsChainAndVerify() throws {
        let log = try Self.filled()
        let records = try log.records()
        #expect(records.map(\.seq) == [1, 2, 3, 4, 5, 6])
        #expect(records[0].prevHash == HashChain.genesis)
        for (a, b) in zip(records, records.dropFirst()) { #expect(b.prevHash == a.hash) }
        let report = try log.verify()
        #expect(report.isIntact && report.recordsChecked == 6 && report.lastSeq == 6)
        #expect(report.lastHashHex == HexCoding.hex(records[5].hash))
        #expect(report.summaryRu.contains("цел"))
        #expect(try log.latest(2).map(\.seq) == [6, 5])
    }

    @Test func emptyLogVerifies() throws {
        let log = try AuditLog.open(path: tempDatabasePath("audit.sqlite"))
        let report = try log.verify()
        #expect(report.isIntact && report.recordsChecked == 0 && report.lastSeq == 0)
    }

    @Test func databaseRefusesUpdateAndDelete() throws {
        let log = try Self.filled(2)
        #expect(throws: (any Error).self) {
            try log.database.pool.write { try $0.execute(sql: "UPDATE audit_log SET actor = 'x' WHERE seq = 1") }
        }
        #expect(throws: (any Error).self) {
            try log.database.pool.write { try $0.execute(sql: "DELETE FROM audit_log WHERE seq = 1") }
        }
        #expect(try log.verify().isIntact)
    }

    @Test func editedColumnIsPinpointed() throws {
        for column in ["actor = 'mallory'", "action = 'kill'", "outcome = 'ok'", "detail = '{}'", "wall_ms = 1", "target = 'z'"] {
            let log = try Self.filled()
            try Self.tamper(log, "UPDATE audit_log SET \(column) WHERE seq = 4")
            let report = try log.verify()
            #expect(report.firstBreak == .edited(seq: 4), "\(column)")
            #expect(report.summaryRu.contains("seq=4"))
        }
    }

    @Test func editWithRecomputedHashBreaksTheNextLink() throws {
        let log = try Self.filled()
        let records = try log.records()
        var forged = records[2].entry
        forged.actor = "mallory"
        let hash = AuditRecord.hash(seq: 3, entry: forged, prevHash: records[2].prevHash)
        try log.database.pool.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(sql: "UPDATE audit_log SET actor = 'mallory', hash = ? WHERE seq = 3", arguments: [Data(hash)])
        }
        #expect(try log.verify().firstBreak == .relinked(seq: 4))
    }

    @Test func deletedRecordIsFoundAsAGap() throws {
        let log = try Self.filled()
        try Self.tamper(log, "DELETE FROM audit_log WHERE seq = 3")
        let report = try log.verify()
        #expect(report.firstBreak == .missing(after: 2, next: 4))
        #expect(report.firstBrokenSeq == 4)
        #expect(report.summaryRu.contains("удалены"))
    }

    @Test func deletedFirstRecordIsFound() throws {
        let log = try Self.filled()
        try Self.tamper(log, "DELETE FROM audit_log WHERE seq = 1")
        #expect(try log.verify().firstBreak == .missing(after: 0, next: 2))
    }

    @Test func deletedAndRenumberedRecordsBreakTheLink() throws {
        let log = try Self.filled()
        // Hide the gap by shifting later records down one: the chain still does not link.
        try Self.tamper(log, "DELETE FROM audit_log WHERE seq = 3", "UPDATE audit_log SET seq = seq - 1 WHERE seq > 3")
        #expect(try log.verify().firstBreak == .relinked(seq: 3))
    }

    @Test func reorderedRecordsAreFound() throws {
        let log = try Self.filled()
        // Swap records 2 and 5 by renumbering.
        try Self.tamper(log, "UPDATE audit_log SET seq = 100 WHERE seq = 2", "UPDATE audit_log SET seq = 2 WHERE seq = 5",
                        "UPDATE audit_log SET seq = 5 WHERE seq = 100")
        let report = try log.verify()
        #expect(report.firstBreak == .relinked(seq: 2))
        #expect(report.summaryRu.contains("переставлены"))
    }

    @Test func chainContinuesAcrossReopen() throws {
        let path = tempDatabasePath("audit.sqlite")
        try AuditLog.open(path: path).append(AuditEntry(wallMs: 1, actor: "a", action: "pause", outcome: .ok))
        let reopened = try AuditLog.open(path: path)
        let second = try reopened.append(AuditEntry(wallMs: 2, actor: "b", action: "resume", outcome: .ok))
        #expect(second.seq == 2)
        #expect(try reopened.verify().isIntact)
        #expect(try reopened.database.pragma("synchronous") == "2")
    }
}
