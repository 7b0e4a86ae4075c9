import GRDB

/// The `audit_log` table and its append-only triggers. The audit log lives in its own SQLite file (not in the
/// order journal's migrations), so it can be kept, copied and verified independently of the trading database;
/// creating it is idempotent.
enum AuditSchema {
    static let statements = [
        """
        CREATE TABLE IF NOT EXISTS audit_log (
            seq INTEGER PRIMARY KEY,
            wall_ms INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT,
            outcome TEXT NOT NULL CHECK (outcome IN ('ok','refused','error','pending')),
            detail TEXT NOT NULL,
            prev_hash BLOB NOT NULL,
            hash BLOB NOT NULL
        )
        """,
        // Append-only is enforced by the database itself; editing needs dropping a trigger, which `verify` catches.
        """
        CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused'); END
        """,
        """
        CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused'); END
        """,
    ]

    static func install(_ db: Database) throws {
        for sql in statements { try db.execute(sql: sql) }
    }
}
