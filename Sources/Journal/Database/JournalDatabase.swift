import Foundation
import GRDB

/// The journal's SQLite file opened as a GRDB `DatabasePool`: WAL, `synchronous=FULL`, a busy timeout and
/// foreign keys on. Every committed order intent is fsynced before `write` returns.
public struct JournalDatabase: Sendable {
    /// Default location of the journal relative to the working directory.
    public static let defaultPath = "./data/propbot.sqlite"

    /// The underlying pool (one writer, concurrent readers).
    public let pool: DatabasePool
    /// The file this pool was opened on.
    public let path: String

    /// Opens (creating if needed) the database at `path`, with `busyTimeoutMs` for lock waits.
    public init(path: String = JournalDatabase.defaultPath, busyTimeoutMs: Int = 5_000) throws(JournalError) {
        self.path = path
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .openFailed(path: path, reason: "каталог «\(directory)» не создан: \(error)")
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA busy_timeout = \(busyTimeoutMs)")
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
            // DatabasePool sets synchronous=NORMAL on the writer when it enables WAL, overriding
            // prepareDatabase; an order intent must survive power loss, so force FULL afterwards.
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        } catch {
            throw .openFailed(path: path, reason: "\(error)")
        }
        let sync = try pragma("synchronous")
        guard sync == "2" else { throw .pragmaMismatch(name: "synchronous", expected: "2 (FULL)", actual: sync) }
        let mode = try pragma("journal_mode")
        guard mode.lowercased() == "wal" else { throw .pragmaMismatch(name: "journal_mode", expected: "wal", actual: mode) }
    }

    /// Reads a PRAGMA on the writer connection (where durability settings matter) as text.
    public func pragma(_ name: String) throws(JournalError) -> String {
        do {
            return try pool.writeWithoutTransaction { db in
                try String.fetchOne(db, sql: "PRAGMA \(name)") ?? ""
            }
        } catch {
            throw .readFailed(reason: "PRAGMA \(name): \(error)")
        }
    }
}
