import Foundation
import GRDB
@testable import Journal
import Testing

/// Schema v3: the arbitrage parent records — append-only, in order, and a downgrade that would lose them is refused.
struct ArbitrageJournalTests {
    static func record(_ id: String, _ phase: String, _ ms: Int64) -> ArbitrageRecord {
        ArbitrageRecord(arbitrageId: id, phase: phase, pair: "BTC-USDT", buyInstrument: "BINANCE:PERP:BTC-USDT",
                        sellInstrument: "OKX:PERP:BTC-USDT", detailJSON: #"{"legs":"2"}"#, wallMs: ms)
    }

    @Test func recordsReadBackInOrderPerArbitrageAndCannotBeEditedOrDeleted() async throws {
        let db = try JournalDatabase(path: tempDatabasePath())
        try JournalMigrations(database: db).migrate()
        let journal = ArbitrageJournal(database: db)
        try await journal.append([Self.record("arb1", "entering", 1), Self.record("arb2", "entering", 2)])
        try await journal.append([Self.record("arb1", "open", 3), Self.record("arb1", "closed", 4)])
        #expect(try journal.records(arbitrageId: "arb1").map(\.phase) == ["entering", "open", "closed"])
        #expect(try journal.records().count == 4)
        #expect(throws: (any Error).self) { try db.pool.write { try $0.execute(sql: "UPDATE arbitrage_journal SET phase = 'open'") } }
        #expect(throws: (any Error).self) { try db.pool.write { try $0.execute(sql: "DELETE FROM arbitrage_journal") } }
        #expect(try journal.records().count == 4)
    }

    @Test func downgradeBelowV3IsRefusedWhileRecordsExistAndWorksOnAnEmptyTable() async throws {
        let empty = try JournalDatabase(path: tempDatabasePath())
        let m = JournalMigrations(database: empty)
        try m.migrate()
        try m.downgrade(to: 2)
        #expect(try m.currentVersion == 2)
        try m.migrate()

        let db = try JournalDatabase(path: tempDatabasePath())
        let migrations = JournalMigrations(database: db)
        try migrations.migrate()
        try await ArbitrageJournal(database: db).append([Self.record("arb1", "open", 1)])
        #expect(throws: JournalError.self) { try migrations.downgrade(to: 2) }
        #expect(try migrations.currentVersion == 3)
        #expect(try ArbitrageJournal(database: db).records().count == 1)
    }
}
