import Foundation
import Testing
import GRDB
import PropCore
@testable import Journal

@Suite struct OrderJournalTests {
    private func migratedJournal(path: String = tempDatabasePath()) throws -> OrderJournal {
        let db = try JournalDatabase(path: path)
        try JournalMigrations(database: db).migrate()
        return OrderJournal(database: db)
    }

    private func entry(_ i: Int) -> JournalEntry {
        let kinds = JournalEventKind.allCases
        return JournalEntry(
            kind: kinds[i % kinds.count], reason: i % 3 == 0 ? nil : "r\(i)", venue: Venue.allCases[i % 3],
            instrument: InstrumentId(venue: Venue.allCases[i % 3], base: "BTC", quote: "USDT"),
            clientOrderId: "pb7c\(i)",
            venueOrderId: i % 2 == 0 ? "v\(i)" : nil, parentId: "p\(i / 10)",
            price: Price("6500\(i).50"), qty: i % 4 == 0 ? nil : Qty("0.00\(i)"),
            wallMs: 1_700_000_000_000 + Int64(i), monoNs: UInt64(i) * 1_000_000, epoch: 7)
    }

    private func appendHundred(_ journal: OrderJournal) throws -> [JournalRecord] {
        try (1...100).map { try journal.append(entry($0)).record }
    }

    @Test func lastEpochIsTheLargestWrittenAndZeroWhenEmpty() throws {
        let journal = try migratedJournal()
        #expect(try journal.lastEpoch() == 0)
        try journal.append(TestEntries.event(1, epoch: 9))
        try journal.append(TestEntries.event(2, epoch: 4))
        #expect(try journal.lastEpoch() == 9)
    }

    @Test func hundredAppendsFormAnIntactChainAndReadBackEqual() throws {
        let journal = try migratedJournal()
        let appended = try appendHundred(journal)
        #expect(appended.map(\.seq) == Array(1...100))
        #expect(appended[0].prevHash == [UInt8](repeating: 0, count: 32))
        for i in 1..<appended.count { #expect(appended[i].prevHash == appended[i - 1].hash) }
        #expect(try journal.verifyChain() == ChainReport(rowsChecked: 100, firstBrokenSeq: nil))
        #expect(try journal.records() == appended)
        #expect(try journal.records(after: 95).map(\.seq) == [96, 97, 98, 99, 100])
    }

    @Test func updateAndDeleteAreRefusedByTheDatabase() throws {
        let journal = try migratedJournal()
        _ = try appendHundred(journal)
        #expect(throws: DatabaseError.self) {
            try journal.database.pool.write { try $0.execute(sql: "UPDATE order_journal SET qty = '9' WHERE seq = 5") }
        }
        #expect(throws: DatabaseError.self) {
            try journal.database.pool.write { try $0.execute(sql: "DELETE FROM order_journal WHERE seq = 5") }
        }
        #expect(try journal.verifyChain().isIntact)
        #expect(try journal.records().count == 100)
    }

    @Test func editAfterDroppingTriggerIsDetectedAtTheEditedSeq() throws {
        let journal = try migratedJournal()
        _ = try appendHundred(journal)
        try journal.database.pool.write { db in
            try db.execute(sql: "DROP TRIGGER order_journal_no_update")
            try db.execute(sql: "UPDATE order_journal SET price = '1.00' WHERE seq = 37")
        }
        #expect(try journal.verifyChain() == ChainReport(rowsChecked: 37, firstBrokenSeq: 37))
    }

    @Test func deletedRowIsDetectedAtTheFollowingSeq() throws {
        let journal = try migratedJournal()
        _ = try appendHundred(journal)
        try journal.database.pool.write { db in
            try db.execute(sql: "DROP TRIGGER order_journal_no_delete")
            try db.execute(sql: "DELETE FROM order_journal WHERE seq = 50")
        }
        #expect(try journal.verifyChain().firstBrokenSeq == 51)
    }

    @Test func rewrittenHashWithoutFixingSuccessorIsDetected() throws {
        // A tamperer who recomputes the edited row's own hash still breaks the next row's back-link.
        let journal = try migratedJournal()
        _ = try appendHundred(journal)
        let forged = StoredRow(seq: 10, entry: entry(999)).hash(prevHash: try journal.records()[8].hash)
        try journal.database.pool.write { db in
            try db.execute(sql: "DROP TRIGGER order_journal_no_update")
            try db.execute(sql: "UPDATE order_journal SET hash = ? WHERE seq = 10", arguments: [Data(forged)])
        }
        #expect(try journal.verifyChain().firstBrokenSeq == 10)
    }

    @Test func downgradeThenMigrateAgainGivesAWorkingEmptyJournal() throws {
        let journal = try migratedJournal()
        _ = try appendHundred(journal)
        let migrations = JournalMigrations(database: journal.database)
        try migrations.downgrade(to: 0)
        #expect(throws: JournalError.self) { try journal.append(entry(1)) }
        try migrations.migrate()
        #expect(try journal.records().isEmpty)
        #expect(try journal.append(entry(1)).record.seq == 1)
        #expect(try journal.verifyChain() == ChainReport(rowsChecked: 1, firstBrokenSeq: nil))
    }

    @Test func reopenedPoolOnSameFileSeesEveryCommittedRow() throws {
        let path = tempDatabasePath()
        var appended: [JournalRecord] = []
        do {
            let journal = try migratedJournal(path: path)
            appended = try appendHundred(journal)
        }
        let reopened = OrderJournal(database: try JournalDatabase(path: path))
        #expect(try JournalMigrations(database: reopened.database).currentVersion == JournalMigrations.latestVersion)
        #expect(try reopened.records() == appended)
        #expect(try reopened.verifyChain().isIntact)
        // The chain continues from the last committed row after reopening.
        let next = try reopened.append(entry(101)).record
        #expect(next.seq == 101 && next.prevHash == appended[99].hash)
    }

    @Test func appendFailureCarriesRussianText() throws {
        let journal = OrderJournal(database: try JournalDatabase(path: tempDatabasePath()))
        do {
            try journal.append(entry(1))
            Issue.record("append into an unmigrated database must fail")
        } catch {
            #expect(error.code == "journal_append_failed")
            #expect(error.messageRu.contains("журнал"))
        }
    }
}
