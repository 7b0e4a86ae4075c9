import Foundation
import GRDB
import Journal
import PropCore
import Testing

/// `propbot db migrate | downgrade | check` on a real SQLite file, through the real binary.
@Suite struct DatabaseCommandTests {
    static func tempDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("propbot-db-\(UUID().uuidString)/journal.sqlite").path
    }

    static func run(_ arguments: [String]) async throws -> (status: Int32, out: String, err: String) {
        let p = try PropBotProcess(arguments)
        let status = try await p.waitForExit()
        return (status, p.output(), p.errorOutput())
    }

    @Test func migrateCheckDowngradeAndTamperDetection() async throws {
        let path = Self.tempDatabase()
        var r = try await Self.run(["db", "migrate", "--path", path])
        #expect(r.status == 0 && r.out.contains("OK: схема версии \(JournalMigrations.latestVersion)"), "\(r)")

        let database = try JournalDatabase(path: path)
        let journal = OrderJournal(database: database)
        for i in 0..<5 {
            try journal.append(JournalEntry(kind: .place, reason: nil, venue: .okx, instrument: InstrumentId(venue: .okx, base: "BTC", quote: "USDT"),
                                            clientOrderId: ClientOrderId.make(epoch: 1, sequence: Int64(i)), venueOrderId: nil, parentId: nil,
                                            price: Price("65000.1"), qty: Qty("1"), wallMs: 1_700_000_000_000, monoNs: 1, epoch: 1))
        }
        r = try await Self.run(["db", "check", "--path", path])
        #expect(r.status == 0 && r.out.contains("5 записей"), "\(r)")

        // Tampering outside the bot: drop the guard trigger and edit a row.
        try await database.pool.write { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS order_journal_no_update")
            for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%UPDATE%'") {
                try db.execute(sql: "DROP TRIGGER \(name)")
            }
            try db.execute(sql: "UPDATE order_journal SET qty = '100' WHERE seq = 3")
        }
        r = try await Self.run(["db", "check", "--path", path])
        #expect(r.status == 1, "\(r)")
        #expect(r.err.contains("seq=3") && r.err.contains("Подсказка"), "\(r)")

        r = try await Self.run(["db", "downgrade", "--to", "0", "--path", path])
        #expect(r.status == 0 && r.out.contains("OK: схема версии 0"), "\(r)")
        r = try await Self.run(["db", "check", "--path", path])
        #expect(r.status == 1 && r.err.contains("propbot db migrate"), "\(r)")
    }

    @Test func downgradeToAnUnknownVersionIsRefusedInRussian() async throws {
        let r = try await Self.run(["db", "downgrade", "--to", "99", "--path", Self.tempDatabase()])
        #expect(r.status != 0)
        #expect(r.err.contains("--to"), "\(r)")
    }
}
