import PropCore
@testable import Journal

/// Entries for journal tests: plain events and fills with trade ids.
enum TestEntries {
    static let btc = InstrumentId(venue: .binance, base: "BTC", quote: "USDT")

    /// A non-fill event (no v2 columns), different for every `i`.
    static func event(_ i: Int, epoch: UInt32 = 7) -> JournalEntry {
        JournalEntry(kind: i % 2 == 0 ? .place : .ack, reason: "r\(i)", venue: .binance, instrument: btc,
                     clientOrderId: "pb-test-\(i)", venueOrderId: i % 2 == 0 ? nil : "v\(i)", parentId: "p\(i / 10)",
                     price: Price("65000.\(i % 10)"), qty: Qty("0.00\(i % 9 + 1)"),
                     wallMs: 1_700_000_000_000 + Int64(i), monoNs: UInt64(i) * 1_000, epoch: epoch)
    }

    /// A fill of `tradeId` on `instrument` with a fee.
    static func fill(_ tradeId: String, instrument: InstrumentId = btc, fee: String = "-0.0123") -> JournalEntry {
        JournalEntry(kind: .partial, reason: nil, venue: instrument.venue, instrument: instrument,
                     clientOrderId: "pb-fill", venueOrderId: "v1", price: Price("65000.5"), qty: Qty("0.001"),
                     wallMs: 1_700_000_000_500, monoNs: 42, epoch: 7, tradeId: tradeId, fee: Qty(fee))
    }

    /// A migrated journal on a fresh file (or on `path`).
    static func journal(path: String = tempDatabasePath(), version: Int = JournalMigrations.latestVersion) throws -> OrderJournal {
        let db = try JournalDatabase(path: path)
        try JournalMigrations(database: db).migrate(to: version)
        return OrderJournal(database: db)
    }
}
