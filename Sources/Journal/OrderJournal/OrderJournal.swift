import Foundation
import GRDB
import PropCore

/// The append-only, hash-chained order journal. Every append is one fsynced write transaction, so when
/// `append` returns the intent survives a crash (journal before wire).
public struct OrderJournal: Sendable {
    /// The database holding `order_journal` (must be migrated to v1 or later).
    public let database: JournalDatabase

    /// A journal over an already migrated database.
    public init(database: JournalDatabase) { self.database = database }

    /// Appends `entry` as the next row, chaining its hash to the previous row, and returns the committed row.
    @discardableResult
    public func append(_ entry: JournalEntry) throws(JournalError) -> JournalRecord {
        do {
            return try database.pool.write { db in
                let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM order_journal ORDER BY seq DESC LIMIT 1")
                let seq: Int64 = (last?["seq"] as Int64? ?? 0) + 1
                let prev: [UInt8] = last.map { Self.bytes($0, "hash") } ?? StoredRow.genesis
                let row = StoredRow(seq: seq, entry: entry)
                let hash = row.hash(prevHash: prev)
                try db.execute(
                    sql: """
                        INSERT INTO order_journal (seq, kind, reason, venue, instrument, client_order_id,
                            venue_order_id, parent_id, price, qty, wall_ms, mono_ns, epoch, prev_hash, hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [row.seq, row.kind, row.reason, row.venue, row.instrument, row.clientOrderId,
                                row.venueOrderId, row.parentId, row.price, row.qty, row.wallMs, row.monoNs,
                                row.epoch, Data(prev), Data(hash)])
                return JournalRecord(seq: seq, entry: entry, prevHash: prev, hash: hash)
            }
        } catch {
            throw .appendFailed(reason: "\(error)")
        }
    }

    /// Rows with `seq > afterSeq`, in order (for replay after restart).
    public func records(after afterSeq: Int64 = 0) throws(JournalError) -> [JournalRecord] {
        let rows: [Row]
        do {
            rows = try database.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM order_journal WHERE seq > ? ORDER BY seq", arguments: [afterSeq])
            }
        } catch {
            throw .readFailed(reason: "\(error)")
        }
        var out: [JournalRecord] = []
        out.reserveCapacity(rows.count)
        for row in rows { out.append(try Self.record(from: row)) }
        return out
    }

    /// Recomputes every row's hash and back-link; reports the first row that does not verify.
    public func verifyChain() throws(JournalError) -> ChainReport {
        do {
            return try database.pool.read { db in
                let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM order_journal ORDER BY seq")
                var prev = StoredRow.genesis
                var count = 0
                while let row = try cursor.next() {
                    count += 1
                    let stored = Self.storedRow(row)
                    let prevHash = Self.bytes(row, "prev_hash")
                    let hash = Self.bytes(row, "hash")
                    // A deleted or inserted row breaks the back-link; an edited column breaks the hash.
                    if prevHash != prev || stored.hash(prevHash: prevHash) != hash {
                        return ChainReport(rowsChecked: count, firstBrokenSeq: stored.seq)
                    }
                    prev = hash
                }
                return ChainReport(rowsChecked: count, firstBrokenSeq: nil)
            }
        } catch {
            throw .readFailed(reason: "\(error)")
        }
    }

    private static func bytes(_ row: Row, _ column: String) -> [UInt8] {
        let data: Data? = row[column]
        return data.map { Array($0) } ?? []
    }

    private static func storedRow(_ row: Row) -> StoredRow {
        StoredRow(seq: row["seq"] ?? 0, kind: row["kind"] ?? "", reason: row["reason"], venue: row["venue"] ?? "",
                  instrument: row["instrument"], clientOrderId: row["client_order_id"] ?? "",
                  venueOrderId: row["venue_order_id"], parentId: row["parent_id"], price: row["price"],
                  qty: row["qty"], wallMs: row["wall_ms"] ?? 0, monoNs: row["mono_ns"] ?? 0, epoch: row["epoch"] ?? 0)
    }

    private static func record(from row: Row) throws(JournalError) -> JournalRecord {
        let s = storedRow(row)
        guard let kind = JournalEventKind(rawValue: s.kind) else {
            throw .readFailed(reason: "seq \(s.seq): неизвестный kind «\(s.kind)»")
        }
        guard let venue = Venue(rawValue: s.venue) else {
            throw .readFailed(reason: "seq \(s.seq): неизвестная биржа «\(s.venue)»")
        }
        var instrument: InstrumentId?
        if let text = s.instrument {
            do { instrument = try InstrumentId(parsing: text) } catch {
                throw .readFailed(reason: "seq \(s.seq): instrument «\(text)»: \(error.messageRu)")
            }
        }
        var price: Price?
        if let text = s.price {
            guard let p = Price(text) else { throw .readFailed(reason: "seq \(s.seq): price «\(text)»") }
            price = p
        }
        var qty: Qty?
        if let text = s.qty {
            guard let q = Qty(text) else { throw .readFailed(reason: "seq \(s.seq): qty «\(text)»") }
            qty = q
        }
        guard let epoch = UInt32(exactly: s.epoch) else {
            throw .readFailed(reason: "seq \(s.seq): epoch \(s.epoch) вне диапазона UInt32")
        }
        let entry = JournalEntry(kind: kind, reason: s.reason, venue: venue, instrument: instrument,
                                 clientOrderId: s.clientOrderId, venueOrderId: s.venueOrderId, parentId: s.parentId,
                                 price: price, qty: qty, wallMs: s.wallMs, monoNs: UInt64(bitPattern: s.monoNs),
                                 epoch: epoch)
        return JournalRecord(seq: s.seq, entry: entry, prevHash: bytes(row, "prev_hash"), hash: bytes(row, "hash"))
    }
}
