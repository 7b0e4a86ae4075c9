import Foundation
import GRDB

/// One step in an arbitrage's life as the journal keeps it: its phase (`entering`, `balancing`, `open`, `exiting`,
/// `closed`), what it trades, and a JSON detail (plan, legs, hedges, exit reason). Its order rows carry the same id
/// as `parent_id`, so the two tables together tell the whole story.
public struct ArbitrageRecord: Sendable, Equatable {
    public var arbitrageId: String
    public var phase: String
    public var pair: String
    public var buyInstrument: String
    public var sellInstrument: String
    /// Sorted-keys JSON object.
    public var detailJSON: String
    public var wallMs: Int64

    public init(arbitrageId: String, phase: String, pair: String, buyInstrument: String, sellInstrument: String,
                detailJSON: String, wallMs: Int64) {
        self.arbitrageId = arbitrageId; self.phase = phase; self.pair = pair; self.buyInstrument = buyInstrument
        self.sellInstrument = sellInstrument; self.detailJSON = detailJSON; self.wallMs = wallMs
    }
}

/// The append-only `arbitrage_journal` table (schema v3) in the order journal's database.
public struct ArbitrageJournal: Sendable {
    public let database: JournalDatabase

    public init(database: JournalDatabase) { self.database = database }

    /// Appends `records` in one durable transaction, in order. Async: the write waits on GRDB's writer queue,
    /// never on a cooperative thread.
    public func append(_ records: [ArbitrageRecord]) async throws(JournalError) {
        guard !records.isEmpty else { return }
        do {
            try await database.pool.write { db in
                for r in records {
                    try db.execute(sql: """
                        INSERT INTO arbitrage_journal (arbitrage_id, phase, pair, buy_instrument, sell_instrument, detail, wall_ms)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [r.arbitrageId, r.phase, r.pair, r.buyInstrument, r.sellInstrument, r.detailJSON, r.wallMs])
                }
            }
        } catch {
            throw .appendFailed(reason: "arbitrage_journal: \(error)")
        }
    }

    /// Every record, oldest first (of one arbitrage when `arbitrageId` is given).
    public func records(arbitrageId: String? = nil) throws(JournalError) -> [ArbitrageRecord] {
        do {
            return try database.pool.read { db in
                let rows = if let arbitrageId {
                    try Row.fetchAll(db, sql: "SELECT * FROM arbitrage_journal WHERE arbitrage_id = ? ORDER BY seq", arguments: [arbitrageId])
                } else {
                    try Row.fetchAll(db, sql: "SELECT * FROM arbitrage_journal ORDER BY seq")
                }
                return rows.map { r in
                    ArbitrageRecord(arbitrageId: r["arbitrage_id"], phase: r["phase"], pair: r["pair"], buyInstrument: r["buy_instrument"],
                                    sellInstrument: r["sell_instrument"], detailJSON: r["detail"], wallMs: r["wall_ms"])
                }
            }
        } catch {
            throw .readFailed(reason: "arbitrage_journal: \(error)")
        }
    }
}
