import Foundation
import Testing
import GRDB
@testable import Journal

@Suite struct JournalDatabaseTests {
    @Test func openedPoolIsWalWithFullSyncBusyTimeoutAndForeignKeys() throws {
        let db = try JournalDatabase(path: tempDatabasePath(), busyTimeoutMs: 4_321)
        #expect(try db.pragma("synchronous") == "2")
        #expect(try db.pragma("journal_mode").lowercased() == "wal")
        #expect(try db.pragma("busy_timeout") == "4321")
        #expect(try db.pragma("foreign_keys") == "1")
        // Readers are separate connections: they must carry the busy timeout too.
        let readerTimeout = try db.pool.read { try Int.fetchOne($0, sql: "PRAGMA busy_timeout") }
        #expect(readerTimeout == 4_321)
    }

    @Test func openCreatesMissingDirectory() throws {
        let path = tempDatabasePath("nested/deeper/propbot.sqlite")
        _ = try JournalDatabase(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
    }
}
