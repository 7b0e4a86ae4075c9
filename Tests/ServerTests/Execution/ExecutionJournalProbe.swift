import Journal
import PropCore

/// Reading the journal the way the tests check it: fill rows by trade id, net position from fills.
extension Array where Element == JournalRecord {
    /// Rows that book a venue fill (`partial` or `fill` with a trade id).
    var fillRows: [JournalRecord] {
        filter { ($0.entry.kind == .partial || $0.entry.kind == .fill) && $0.entry.tradeId != nil }
    }

    /// Rows booking the fill `tradeId` of `instrument`.
    func fillRows(tradeId: String, on instrument: InstrumentId) -> [JournalRecord] {
        fillRows.filter { $0.entry.tradeId == tradeId && $0.entry.instrument == instrument }
    }

    /// Σ signed fill quantity on `instrument` (buy +, sell −); the side is the fill row's reason.
    func netPosition(_ instrument: InstrumentId) -> Qty {
        fillRows.filter { $0.entry.instrument == instrument }.reduce(Qty.zero) { sum, row in
            let qty = row.entry.qty ?? .zero
            return row.entry.reason == OrderSide.sell.rawValue ? sum - qty : sum + qty
        }
    }
}
