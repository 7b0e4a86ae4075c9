import Testing
import GRDB
import PropCore
@testable import Journal

/// Schema v2 (trade_id, fee, unique fill index) on real files: up, down, up again, with data.
@Suite struct JournalV2MigrationTests {
    private func columns(_ db: JournalDatabase) throws -> Set<String> {
        try db.pool.read { db in Set(try db.columns(in: "order_journal").map(\.name)) }
    }

    private func indexes(_ db: JournalDatabase) throws -> Set<String> {
        try db.pool.read { db in
            Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'order_journal'"))
        }
    }

    @Test func v1RowsSurviveUpgradeReopenAndStillVerify() throws {
        let path = tempDatabasePath()
        var v1Rows: [JournalRecord] = []
        do {
            let journal = try TestEntries.journal(path: path, version: 1)
            v1Rows = try (1...50).map { try journal.append(TestEntries.event($0)).record }
            #expect(try !columns(journal.database).contains("trade_id"))
        }
        let journal = OrderJournal(database: try JournalDatabase(path: path))
        let migrations = JournalMigrations(database: journal.database)
        try migrations.migrate()
        #expect(try migrations.currentVersion == JournalMigrations.latestVersion)
        #expect(try columns(journal.database).isSuperset(of: ["trade_id", "fee"]))
        #expect(try indexes(journal.database).isSuperset(of: ["order_journal_venue_coid", "order_journal_parent_ts",
                                                             "order_journal_venue_trade"]))
        #expect(try journal.records() == v1Rows)
        #expect(try journal.verifyChain() == ChainReport(rowsChecked: 50, firstBrokenSeq: nil))
        // v2 rows chain on after the v1 rows and read back with their new fields.
        let fill = try journal.append(TestEntries.fill("t-1")).record
        #expect(fill.seq == 51 && fill.prevHash == v1Rows[49].hash)
        #expect(try journal.records(after: 50) == [fill])
        #expect(try journal.records(after: 50)[0].entry.fee == Qty("-0.0123"))
        #expect(try journal.verifyChain() == ChainReport(rowsChecked: 51, firstBrokenSeq: nil))
    }

    @Test func downUpDownKeepsRowsWithoutV2DataAndTheChainIntact() throws {
        let path = tempDatabasePath()
        let journal = try TestEntries.journal(path: path)
        let rows = try (1...30).map { try journal.append(TestEntries.event($0)).record }
        let migrations = JournalMigrations(database: journal.database)
        try migrations.downgrade(to: 1)
        #expect(try migrations.currentVersion == 1)
        #expect(try !columns(journal.database).contains("trade_id"))
        #expect(try !indexes(journal.database).contains("order_journal_venue_trade"))
        #expect(try journal.records() == rows)
        #expect(try journal.verifyChain().isIntact)
        // A v1 database still takes plain appends, then goes up again with everything intact.
        let v1Row = try journal.append(TestEntries.event(31)).record
        try migrations.migrate()
        #expect(try migrations.currentVersion == JournalMigrations.latestVersion)
        #expect(try journal.records() == rows + [v1Row])
        #expect(try journal.verifyChain() == ChainReport(rowsChecked: 31, firstBrokenSeq: nil))
        try migrations.downgrade(to: 1)
        let reopened = OrderJournal(database: try JournalDatabase(path: path))
        #expect(try JournalMigrations(database: reopened.database).currentVersion == 1)
        #expect(try reopened.verifyChain() == ChainReport(rowsChecked: 31, firstBrokenSeq: nil))
    }

    @Test func downgradeIsRefusedWhileFillsCarryV2DataAndNothingChanges() throws {
        let journal = try TestEntries.journal()
        _ = try (1...5).map { try journal.append(TestEntries.event($0)) }
        try journal.append(TestEntries.fill("t-9"))
        let migrations = JournalMigrations(database: journal.database)
        do {
            try migrations.downgrade(to: 1)
            Issue.record("downgrade must be refused while v2 data exists")
        } catch {
            #expect(error.code == "journal_migration_failed")
            #expect(error.messageRu.contains("v2") && error.messageRu.contains("trade_id"))
        }
        // Each step is its own transaction: the empty v3 table went, the v2 step was refused and left intact.
        #expect(try migrations.currentVersion == 2)
        #expect(try journal.records().count == 6)
        #expect(try journal.verifyChain().isIntact)
    }

    @Test func editOfAV2ColumnAfterDroppingTheTriggerIsDetected() throws {
        let journal = try TestEntries.journal()
        _ = try (1...10).map { try journal.append(TestEntries.event($0)) }
        try journal.append(TestEntries.fill("t-1"))
        _ = try (12...20).map { try journal.append(TestEntries.event($0)) }
        try journal.database.pool.write { db in
            try db.execute(sql: "DROP TRIGGER order_journal_no_update")
            try db.execute(sql: "UPDATE order_journal SET fee = '0' WHERE seq = 11")
        }
        #expect(try journal.verifyChain() == ChainReport(rowsChecked: 11, firstBrokenSeq: 11))
    }

    @Test func addingATradeIdToAV1RowIsDetected() throws {
        let journal = try TestEntries.journal()
        _ = try (1...10).map { try journal.append(TestEntries.event($0)) }
        try journal.database.pool.write { db in
            try db.execute(sql: "DROP TRIGGER order_journal_no_update")
            try db.execute(sql: "UPDATE order_journal SET trade_id = 'forged' WHERE seq = 4")
        }
        #expect(try journal.verifyChain().firstBrokenSeq == 4)
    }
}
