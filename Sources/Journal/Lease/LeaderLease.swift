import Foundation
import GRDB

/// What one attempt to hold the leader lease found.
public enum LeaseOutcome: Sendable, Equatable {
    /// This instance holds the lease until `expiresMs`; every order it sends carries `fencingToken`.
    case held(fencingToken: Int64, expiresMs: Int64)
    /// Another instance holds it until `expiresMs`.
    case heldByOther(holder: String, expiresMs: Int64)
}

/// The leader lease and fencing token in a SQLite file that every instance on the host opens (the spec's
/// "sqlite fallback" for a laptop or a single VPS; PostgreSQL takes this role across hosts). One row: holder,
/// fencing token, expiry. Taking an expired lease — from anyone, ourselves included — increments the token, so a
/// previous holder that comes back after its lease lapsed can always be told from the current one.
public struct LeaderLease: Sendable {
    /// Default file, beside the journal.
    public static let defaultPath = "./data/leader.sqlite"

    public let database: JournalDatabase

    /// The lease in `database`, creating its table when missing.
    public init(database: JournalDatabase) throws(JournalError) {
        self.database = database
        do {
            try database.pool.write { db in
                try db.execute(sql: """
                    CREATE TABLE IF NOT EXISTS leader_lease (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        holder TEXT NOT NULL,
                        fencing_token INTEGER NOT NULL,
                        expires_ms INTEGER NOT NULL)
                    """)
            }
        } catch {
            throw .openFailed(path: database.path, reason: "таблица аренды лидера не создана: \(error)")
        }
    }

    /// Opens (creating if needed) the lease file at `path`.
    public static func open(path: String = LeaderLease.defaultPath) throws(JournalError) -> LeaderLease {
        try LeaderLease(database: JournalDatabase(path: path, busyTimeoutMs: 1_000))
    }

    /// Takes the lease for `holder` if it is free or expired, or extends it if `holder` has it; one IMMEDIATE
    /// transaction, so two instances can never both read it free.
    public func acquireOrRenew(holder: String, ttlMs: Int64, nowMs: Int64) throws(JournalError) -> LeaseOutcome {
        do {
            return try database.pool.writeWithoutTransaction { db in
                var outcome: LeaseOutcome?
                try db.inTransaction(.immediate) {
                    let row = try Row.fetchOne(db, sql: "SELECT holder, fencing_token, expires_ms FROM leader_lease WHERE id = 1")
                    let expires = nowMs + ttlMs
                    guard let row else {
                        try db.execute(sql: "INSERT INTO leader_lease VALUES (1, ?, 1, ?)", arguments: [holder, expires])
                        outcome = .held(fencingToken: 1, expiresMs: expires)
                        return .commit
                    }
                    let current: String = row["holder"], token: Int64 = row["fencing_token"], until: Int64 = row["expires_ms"]
                    if until > nowMs, current != holder {
                        outcome = .heldByOther(holder: current, expiresMs: until)
                        return .commit
                    }
                    let next = until > nowMs ? token : token + 1
                    try db.execute(sql: "UPDATE leader_lease SET holder = ?, fencing_token = ?, expires_ms = ? WHERE id = 1",
                                   arguments: [holder, next, expires])
                    outcome = .held(fencingToken: next, expiresMs: expires)
                    return .commit
                }
                return outcome!
            }
        } catch {
            throw .appendFailed(reason: "аренда лидера: \(error)")
        }
    }

    /// Gives the lease up at once (a clean shutdown), so a standby need not wait for it to expire.
    public func release(holder: String) throws(JournalError) {
        do {
            try database.pool.write { db in
                try db.execute(sql: "UPDATE leader_lease SET expires_ms = 0 WHERE id = 1 AND holder = ?", arguments: [holder])
            }
        } catch {
            throw .appendFailed(reason: "аренда лидера: \(error)")
        }
    }
}
