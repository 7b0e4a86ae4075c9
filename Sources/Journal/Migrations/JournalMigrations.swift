import GRDB

/// Versioned schema migrations with working down-migrations.
///
/// GRDB's `DatabaseMigrator` cannot go down, so the version lives in a one-row `schema_version` table and
/// every step carries explicit up and down SQL. Each step runs in its own write transaction together
/// with the version bump, so a failed step leaves the previous version intact.
public struct JournalMigrations: Sendable {
    /// The database being migrated.
    public let database: JournalDatabase

    /// Migrations for `database`.
    public init(database: JournalDatabase) { self.database = database }

    /// All known steps, version 1 first.
    public static let steps: [MigrationStep] = [
        MigrationStep(
            version: 1,
            up: [
                """
                CREATE TABLE order_journal (
                    seq INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN
                        ('place','ack','partial','fill','cancel_req','canceled','reject','expire')),
                    reason TEXT,
                    venue TEXT NOT NULL,
                    instrument TEXT,
                    client_order_id TEXT NOT NULL,
                    venue_order_id TEXT,
                    parent_id TEXT,
                    price TEXT,
                    qty TEXT,
                    wall_ms INTEGER NOT NULL,
                    mono_ns INTEGER NOT NULL,
                    epoch INTEGER NOT NULL,
                    prev_hash BLOB NOT NULL,
                    hash BLOB NOT NULL
                )
                """,
                "CREATE INDEX order_journal_venue_coid ON order_journal (venue, client_order_id)",
                "CREATE INDEX order_journal_parent_ts ON order_journal (parent_id, wall_ms)",
                // Append-only is enforced by the database itself, not by our code's good behaviour.
                """
                CREATE TRIGGER order_journal_no_update BEFORE UPDATE ON order_journal
                BEGIN SELECT RAISE(ABORT, 'order_journal is append-only: UPDATE refused'); END
                """,
                """
                CREATE TRIGGER order_journal_no_delete BEFORE DELETE ON order_journal
                BEGIN SELECT RAISE(ABORT, 'order_journal is append-only: DELETE refused'); END
                """,
            ],
            down: [
                "DROP TRIGGER IF EXISTS order_journal_no_delete",
                "DROP TRIGGER IF EXISTS order_journal_no_update",
                "DROP INDEX IF EXISTS order_journal_parent_ts",
                "DROP INDEX IF EXISTS order_journal_venue_coid",
                "DROP TABLE IF EXISTS order_journal",
            ]
        ),
        // v2: fills carry the venue's trade id (booked once, even across restarts) and their fee.
        MigrationStep(
            version: 2,
            up: [
                "ALTER TABLE order_journal ADD COLUMN trade_id TEXT",
                "ALTER TABLE order_journal ADD COLUMN fee TEXT",
                """
                CREATE UNIQUE INDEX order_journal_venue_trade ON order_journal (venue, instrument, trade_id)
                WHERE trade_id IS NOT NULL
                """,
            ],
            down: [
                "DROP INDEX IF EXISTS order_journal_venue_trade",
                "ALTER TABLE order_journal DROP COLUMN fee",
                "ALTER TABLE order_journal DROP COLUMN trade_id",
            ],
            // Dropping a filled-in column would change those rows' hashes: the chain would no longer verify.
            downGuard: MigrationStep.DownGuard(
                countSQL: "SELECT COUNT(*) FROM order_journal WHERE trade_id IS NOT NULL OR fee IS NOT NULL",
                reason: "в журнале есть сделки с trade_id или комиссией (колонки v2); откат удалил бы их и сломал цепочку хешей — сделайте копию файла и откатывайте копию")
        ),
        // v3: one parent record per arbitrage: every phase it went through, linking the order rows by parent_id.
        MigrationStep(
            version: 3,
            up: [
                """
                CREATE TABLE arbitrage_journal (
                    seq INTEGER PRIMARY KEY,
                    arbitrage_id TEXT NOT NULL,
                    phase TEXT NOT NULL,
                    pair TEXT NOT NULL,
                    buy_instrument TEXT NOT NULL,
                    sell_instrument TEXT NOT NULL,
                    detail TEXT NOT NULL,
                    wall_ms INTEGER NOT NULL
                )
                """,
                "CREATE INDEX arbitrage_journal_id ON arbitrage_journal (arbitrage_id, seq)",
                """
                CREATE TRIGGER arbitrage_journal_no_update BEFORE UPDATE ON arbitrage_journal
                BEGIN SELECT RAISE(ABORT, 'arbitrage_journal is append-only: UPDATE refused'); END
                """,
                """
                CREATE TRIGGER arbitrage_journal_no_delete BEFORE DELETE ON arbitrage_journal
                BEGIN SELECT RAISE(ABORT, 'arbitrage_journal is append-only: DELETE refused'); END
                """,
            ],
            down: [
                "DROP TRIGGER IF EXISTS arbitrage_journal_no_delete",
                "DROP TRIGGER IF EXISTS arbitrage_journal_no_update",
                "DROP INDEX IF EXISTS arbitrage_journal_id",
                "DROP TABLE IF EXISTS arbitrage_journal",
            ],
            downGuard: MigrationStep.DownGuard(
                countSQL: "SELECT COUNT(*) FROM arbitrage_journal",
                reason: "в журнале есть записи арбитражей (таблица v3); откат удалил бы их — сделайте копию файла и откатывайте копию")
        ),
    ]

    /// The newest version this build knows.
    public static var latestVersion: Int { steps.last?.version ?? 0 }

    /// The version the database is at now (0 for a fresh file).
    public var currentVersion: Int {
        get throws(JournalError) {
            do {
                return try database.pool.read { db in try Self.version(db) }
            } catch {
                throw .readFailed(reason: "schema_version: \(error)")
            }
        }
    }

    /// Applies every up step after the current version, up to and including `target` (default: latest).
    public func migrate(to target: Int = JournalMigrations.latestVersion) throws(JournalError) {
        guard (0...Self.latestVersion).contains(target) else {
            throw .unknownVersion(requested: target, latest: Self.latestVersion)
        }
        for step in Self.steps {
            try apply(version: step.version, direction: "up") { db in
                let current = try Self.version(db)
                guard step.version == current + 1, step.version <= target else { return }
                for sql in step.up { try db.execute(sql: sql) }
                try Self.setVersion(db, step.version)
            }
        }
    }

    /// Applies down steps, newest first, until the database is at `target`.
    public func downgrade(to target: Int) throws(JournalError) {
        guard (0...Self.latestVersion).contains(target) else {
            throw .unknownVersion(requested: target, latest: Self.latestVersion)
        }
        for step in Self.steps.reversed() {
            try apply(version: step.version, direction: "down") { db in
                let current = try Self.version(db)
                guard step.version == current, step.version > target else { return }
                if let downGuard = step.downGuard,
                   let count = try Int.fetchOne(db, sql: downGuard.countSQL), count > 0 {
                    throw DownRefused(reason: "\(downGuard.reason) (строк: \(count))")
                }
                for sql in step.down { try db.execute(sql: sql) }
                try Self.setVersion(db, step.version - 1)
            }
        }
    }

    private func apply(version: Int, direction: String, _ body: (Database) throws -> Void) throws(JournalError) {
        do {
            try database.pool.write { db in
                try Self.ensureVersionTable(db)
                try body(db)
            }
        } catch let refused as DownRefused {
            throw .migrationFailed(version: version, direction: direction, reason: refused.reason)
        } catch {
            throw .migrationFailed(version: version, direction: direction, reason: "\(error)")
        }
    }

    /// A down step refused by its guard (carries the Russian reason through GRDB's untyped `write`).
    private struct DownRefused: Error { let reason: String }

    private static func ensureVersionTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS schema_version (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                version INTEGER NOT NULL
            )
            """)
    }

    private static func version(_ db: Database) throws -> Int {
        guard try db.tableExists("schema_version") else { return 0 }
        return try Int.fetchOne(db, sql: "SELECT version FROM schema_version WHERE id = 1") ?? 0
    }

    private static func setVersion(_ db: Database, _ version: Int) throws {
        try db.execute(
            sql: "INSERT INTO schema_version (id, version) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET version = excluded.version",
            arguments: [version])
    }
}
