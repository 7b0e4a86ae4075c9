import Foundation
import GRDB
import PropCore

/// The append-only, hash-chained audit log of operator commands, approvals, config changes, control-state
/// transitions and login failures. Each record carries the SHA-256 of the previous one, so `verify()` finds
/// any record edited, deleted or reordered in the file behind the bot's back. Every append is one fsynced
/// transaction (the file is opened like the journal: WAL, `synchronous=FULL`).
public struct AuditLog: Sendable {
    /// Default file, beside the journal but separate from it (see `ProfileKind` defaults in Ops).
    public static let defaultPath = "./data/audit.sqlite"

    /// The database holding `audit_log`.
    public let database: JournalDatabase

    /// An audit log in `database`, creating the table and triggers when missing.
    public init(database: JournalDatabase) throws(AuditLogError) {
        self.database = database
        do {
            try database.pool.write { db in try AuditSchema.install(db) }
        } catch {
            throw .schemaFailed(path: database.path, reason: "\(error)")
        }
    }

    /// Opens (creating if needed) the audit log file at `path`; throws `JournalError` or `AuditLogError`
    /// (both `PropError`s with Russian text).
    public static func open(path: String = AuditLog.defaultPath) throws -> AuditLog {
        try AuditLog(database: JournalDatabase(path: path))
    }

    /// Appends `entry` as the next record, chained on the last one, durably.
    @discardableResult
    public func append(_ entry: AuditEntry) throws(AuditLogError) -> AuditRecord {
        do {
            // IMMEDIATE: the write lock is taken before the last record is read, so two processes sharing the file
            // can never chain on the same predecessor.
            return try database.pool.writeWithoutTransaction { db in
                var record: AuditRecord?
                try db.inTransaction(.immediate) {
                    record = try Self.insert(entry, db)
                    return .commit
                }
                return record!
            }
        } catch {
            throw .appendFailed(reason: "\(error)")
        }
    }

    private static func insert(_ entry: AuditEntry, _ db: Database) throws -> AuditRecord {
        let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
        let seq: Int64 = (last?["seq"] ?? 0) + 1
        let prev = last.map { Self.bytes($0, "hash") } ?? HashChain.genesis
        let hash = AuditRecord.hash(seq: seq, entry: entry, prevHash: prev)
        try db.execute(sql: """
            INSERT INTO audit_log (seq, wall_ms, actor, action, target, outcome, detail, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [seq, entry.wallMs, entry.actor, entry.action, entry.target,
                             entry.outcome.rawValue, entry.detailJSON, Data(prev), Data(hash)])
        return AuditRecord(seq: seq, entry: entry, prevHash: prev, hash: hash)
    }

    /// Records with `seq > afterSeq`, oldest first, at most `limit`.
    public func records(after afterSeq: Int64 = 0, limit: Int = 1_000) throws(AuditLogError) -> [AuditRecord] {
        do {
            return try database.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?",
                                 arguments: [afterSeq, max(0, limit)]).map(Self.record)
            }
        } catch {
            throw .readFailed(reason: "\(error)")
        }
    }

    /// The newest records, newest first (for the UI's audit view).
    public func latest(_ count: Int = 100) throws(AuditLogError) -> [AuditRecord] {
        do {
            return try database.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?", arguments: [max(0, count)])
                    .map(Self.record)
            }
        } catch {
            throw .readFailed(reason: "\(error)")
        }
    }

    /// Walks the whole log: sequence numbers must run 1, 2, 3… without gaps, every record must link to its
    /// predecessor's hash, and every stored hash must match the record's columns. Reports the first break.
    public func verify() throws(AuditLogError) -> AuditVerifyReport {
        do {
            return try database.pool.read { db in
                let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY seq")
                var prev = HashChain.genesis
                var expected: Int64 = 1
                var count = 0
                func report(_ broken: AuditVerifyReport.Break?) -> AuditVerifyReport {
                    AuditVerifyReport(recordsChecked: count, firstBreak: broken, lastSeq: expected - 1,
                                      lastHashHex: HexCoding.hex(prev))
                }
                while let row = try cursor.next() {
                    count += 1
                    let record = Self.record(row)
                    if record.seq != expected { return report(.missing(after: expected - 1, next: record.seq)) }
                    if record.prevHash != prev { return report(.relinked(seq: record.seq)) }
                    if AuditRecord.hash(seq: record.seq, entry: record.entry, prevHash: record.prevHash) != record.hash {
                        return report(.edited(seq: record.seq))
                    }
                    prev = record.hash
                    expected += 1
                }
                return report(nil)
            }
        } catch {
            throw .readFailed(reason: "\(error)")
        }
    }

    private static func bytes(_ row: Row, _ column: String) -> [UInt8] {
        let data: Data? = row[column]
        return data.map { Array($0) } ?? []
    }

    private static func record(_ row: Row) -> AuditRecord {
        // The CHECK constraint keeps outcomes known; should one still be unknown, `.error` re-hashes
        // differently, so `verify` reports the record as edited.
        let outcomeText: String = row["outcome"] ?? ""
        let entry = AuditEntry(wallMs: row["wall_ms"] ?? 0, actor: row["actor"] ?? "", action: row["action"] ?? "",
                               target: row["target"], outcome: AuditOutcome(rawValue: outcomeText) ?? .error,
                               detailJSON: row["detail"] ?? "")
        return AuditRecord(seq: row["seq"] ?? 0, entry: entry, prevHash: bytes(row, "prev_hash"), hash: bytes(row, "hash"))
    }
}
