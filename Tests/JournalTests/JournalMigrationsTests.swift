import Testing
import GRDB
@testable import Journal

@Suite struct JournalMigrationsTests {
    private func objects(_ db: JournalDatabase) throws -> Set<String> {
        try db.pool.read { db in
            Set(try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE name LIKE 'order_journal%'
                """))
        }
    }

    @Test func freshDatabaseIsVersionZeroAndMigratesToLatest() throws {
        let db = try JournalDatabase(path: tempDatabasePath())
        let migrations = JournalMigrations(database: db)
        #expect(try migrations.currentVersion == 0)
        try migrations.migrate()
        #expect(try migrations.currentVersion == JournalMigrations.latestVersion)
        #expect(try objects(db) == ["order_journal", "order_journal_venue_coid", "order_journal_parent_ts",
                                    "order_journal_no_update", "order_journal_no_delete", "order_journal_venue_trade"])
        // Running again is a no-op, not an error.
        try migrations.migrate()
        #expect(try migrations.currentVersion == JournalMigrations.latestVersion)
    }

    @Test func downgradeDropsEverythingV1CreatedAndMigrateRestoresIt() throws {
        let db = try JournalDatabase(path: tempDatabasePath())
        let migrations = JournalMigrations(database: db)
        try migrations.migrate(to: 1)
        try migrations.downgrade(to: 0)
        #expect(try migrations.currentVersion == 0)
        #expect(try objects(db).isEmpty)
        try migrations.migrate(to: 1)
        #expect(try migrations.currentVersion == 1)
        #expect(try objects(db).count == 5)
    }

    @Test func unknownTargetVersionIsRefusedWithRussianText() throws {
        let migrations = JournalMigrations(database: try JournalDatabase(path: tempDatabasePath()))
        #expect(throws: JournalError.unknownVersion(requested: 99, latest: JournalMigrations.latestVersion)) {
            try migrations.migrate(to: 99)
        }
        #expect(throws: JournalError.self) { try migrations.downgrade(to: -1) }
        #expect(JournalError.unknownVersion(requested: 99, latest: 1).messageRu.contains("99"))
    }
}
