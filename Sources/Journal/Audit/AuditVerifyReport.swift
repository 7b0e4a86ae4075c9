/// Result of `AuditLog.verify()`: how many records were checked and, if the chain is broken, where and how.
public struct AuditVerifyReport: Sendable, Hashable {
    /// What broke at the first bad record.
    public enum Break: Sendable, Hashable {
        /// The record's stored hash does not match its columns: the record was edited.
        case edited(seq: Int64)
        /// Sequence numbers jump from `after` to `next`: records in between were deleted.
        case missing(after: Int64, next: Int64)
        /// The record does not chain on its predecessor although no number is missing: records were
        /// reordered, replaced or inserted.
        case relinked(seq: Int64)
    }

    /// Records read.
    public let recordsChecked: Int
    /// The first break, nil when the chain verifies.
    public let firstBreak: Break?
    /// Seq of the last record read (0 for an empty log).
    public let lastSeq: Int64
    /// Hex SHA-256 of the last record; noting it elsewhere lets a later check catch a truncated tail.
    public let lastHashHex: String

    /// A report.
    public init(recordsChecked: Int, firstBreak: Break?, lastSeq: Int64, lastHashHex: String) {
        self.recordsChecked = recordsChecked; self.firstBreak = firstBreak
        self.lastSeq = lastSeq; self.lastHashHex = lastHashHex
    }

    /// True when every record verified.
    public var isIntact: Bool { firstBreak == nil }

    /// The first broken seq, whatever the kind of break.
    public var firstBrokenSeq: Int64? {
        switch firstBreak {
        case .edited(let seq), .relinked(let seq): seq
        case .missing(_, let next): next
        case nil: nil
        }
    }

    /// One Russian line for the operator.
    public var summaryRu: String {
        switch firstBreak {
        case nil:
            "журнал аудита цел: \(recordsChecked) записей, последняя seq=\(lastSeq), хеш \(lastHashHex.prefix(16))…"
        case .edited(let seq):
            "запись аудита seq=\(seq) изменена: её хеш не совпадает с содержимым (проверено \(recordsChecked))"
        case .missing(let after, let next):
            "в журнале аудита удалены записи: после seq=\(after) идёт seq=\(next) (проверено \(recordsChecked))"
        case .relinked(let seq):
            "цепочка аудита разорвана на seq=\(seq): запись не ссылается на предыдущую — записи переставлены или подменены (проверено \(recordsChecked))"
        }
    }
}
