import Foundation
import GRDB
import PropCore

/// The append-only, hash-chained order journal. Every append is one fsynced write transaction, so when
/// `append` returns the intent survives a crash (journal before wire). For many concurrent writers use
/// `JournalWriter`, which group-commits with the same guarantee.
public struct OrderJournal: Sendable {
    /// The database holding `order_journal` (must be migrated to v1 or later).
    public let database: JournalDatabase

    /// A journal over an already migrated database.
    public init(database: JournalDatabase) { self.database = database }

    /// Appends `entry` as the next row, chaining its hash to the previous row, in its own fsynced transaction.
    /// A fill whose (venue, instrument, trade id) is already booked writes nothing and returns `.alreadyBooked`.
    @discardableResult
    public func append(_ entry: JournalEntry) throws(JournalError) -> AppendOutcome {
        try write(entry, rule: .given)
    }

    /// Appends an intent whose client order id is `ClientOrderId.make(epoch: entry.epoch, sequence: seq)` of
    /// its own row (`entry.clientOrderId` is ignored), computed inside the write transaction.
    public func appendIntent(_ entry: JournalEntry) throws(JournalError) -> JournalRecord {
        try write(entry, rule: .fromOwnSequence).record
    }

    private func write(_ entry: JournalEntry, rule: ClientIdRule) throws(JournalError) -> AppendOutcome {
        do {
            return try database.pool.write { db in
                var tip = try ChainTip.read(db)
                return try JournalInsert.insert(entry, rule: rule, tip: &tip, db: db)
            }
        } catch let error as JournalError {
            throw error
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

    /// The largest fencing epoch written so far (0 for an empty journal).
    public func lastEpoch() throws(JournalError) -> UInt32 {
        do {
            let value = try database.pool.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(epoch) FROM order_journal") }
            return UInt32(clamping: value ?? 0)
        } catch {
            throw .readFailed(reason: "\(error)")
        }
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
                  qty: row["qty"], wallMs: row["wall_ms"] ?? 0, monoNs: row["mono_ns"] ?? 0, epoch: row["epoch"] ?? 0,
                  // Absent columns (a v1 schema) read as nil, exactly like v1 rows under v2.
                  tradeId: row.hasColumn("trade_id") ? row["trade_id"] : nil,
                  fee: row.hasColumn("fee") ? row["fee"] : nil)
    }

    static func record(from row: Row) throws(JournalError) -> JournalRecord {
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
        var fee: Qty?
        if let text = s.fee {
            guard let f = Qty(text) else { throw .readFailed(reason: "seq \(s.seq): fee «\(text)»") }
            fee = f
        }
        guard let epoch = UInt32(exactly: s.epoch) else {
            throw .readFailed(reason: "seq \(s.seq): epoch \(s.epoch) вне диапазона UInt32")
        }
        let entry = JournalEntry(kind: kind, reason: s.reason, venue: venue, instrument: instrument,
                                 clientOrderId: s.clientOrderId, venueOrderId: s.venueOrderId, parentId: s.parentId,
                                 price: price, qty: qty, wallMs: s.wallMs, monoNs: UInt64(bitPattern: s.monoNs),
                                 epoch: epoch, tradeId: s.tradeId, fee: fee)
        return JournalRecord(seq: s.seq, entry: entry, prevHash: bytes(row, "prev_hash"), hash: bytes(row, "hash"))
    }
}
