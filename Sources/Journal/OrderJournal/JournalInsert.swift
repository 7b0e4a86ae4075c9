import Foundation
import GRDB

/// The last committed row's seq and hash: where the next row chains on.
struct ChainTip {
    var seq: Int64
    var hash: [UInt8]

    /// Reads the tip inside the current write transaction (the genesis tip for an empty journal).
    static func read(_ db: Database) throws -> ChainTip {
        guard let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM order_journal ORDER BY seq DESC LIMIT 1") else {
            return ChainTip(seq: 0, hash: StoredRow.genesis)
        }
        let data: Data? = last["hash"]
        return ChainTip(seq: last["seq"], hash: data.map { Array($0) } ?? [])
    }
}

/// Row insertion shared by the one-shot `OrderJournal.append` and the group-committing `JournalWriter`.
enum JournalInsert {
    /// Inserts `entry` after `tip` (advancing it), or returns the earlier row when the fill is already booked.
    /// Must run inside a write transaction.
    static func insert(_ entry: JournalEntry, rule: ClientIdRule, tip: inout ChainTip, db: Database) throws -> AppendOutcome {
        if let tradeId = entry.tradeId,
           let existing = try Row.fetchOne(
               db.cachedStatement(sql: "SELECT * FROM order_journal WHERE venue = ? AND instrument IS ? AND trade_id = ? LIMIT 1"),
               arguments: [entry.venue.rawValue, entry.instrument?.description, tradeId]) {
            return .alreadyBooked(try OrderJournal.record(from: existing))
        }
        let seq = tip.seq + 1
        var entry = entry
        if case .fromOwnSequence = rule {
            entry.clientOrderId = ClientOrderId.make(epoch: entry.epoch, sequence: seq)
        }
        let row = StoredRow(seq: seq, entry: entry)
        let hash = row.hash(prevHash: tip.hash)
        // v1 databases have no trade_id/fee columns: only name them when the row uses them.
        if row.tradeId == nil && row.fee == nil {
            // Prepared once per connection: a group commit inserts hundreds of rows per transaction.
            try db.cachedStatement(sql: """
                    INSERT INTO order_journal (seq, kind, reason, venue, instrument, client_order_id,
                        venue_order_id, parent_id, price, qty, wall_ms, mono_ns, epoch, prev_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).execute(
                arguments: [row.seq, row.kind, row.reason, row.venue, row.instrument, row.clientOrderId,
                            row.venueOrderId, row.parentId, row.price, row.qty, row.wallMs, row.monoNs,
                            row.epoch, Data(tip.hash), Data(hash)])
        } else {
            try db.cachedStatement(sql: """
                    INSERT INTO order_journal (seq, kind, reason, venue, instrument, client_order_id,
                        venue_order_id, parent_id, price, qty, wall_ms, mono_ns, epoch, trade_id, fee, prev_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).execute(
                arguments: [row.seq, row.kind, row.reason, row.venue, row.instrument, row.clientOrderId,
                            row.venueOrderId, row.parentId, row.price, row.qty, row.wallMs, row.monoNs,
                            row.epoch, row.tradeId, row.fee, Data(tip.hash), Data(hash)])
        }
        let record = JournalRecord(seq: seq, entry: entry, prevHash: tip.hash, hash: hash)
        tip = ChainTip(seq: seq, hash: hash)
        return .appended(record)
    }
}
