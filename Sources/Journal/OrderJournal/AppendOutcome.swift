/// What an append did: wrote a new row, or found the same venue fill already booked (no row written).
public enum AppendOutcome: Sendable, Hashable {
    /// The entry was committed as a new row.
    case appended(JournalRecord)
    /// A fill with the same (venue, instrument, trade id) was already in the journal: this is that row.
    case alreadyBooked(JournalRecord)

    /// The row now in the journal for this entry (new or the earlier one).
    public var record: JournalRecord {
        switch self {
        case .appended(let r), .alreadyBooked(let r): r
        }
    }

    /// True when nothing was written because the fill was booked before.
    public var isAlreadyBooked: Bool {
        if case .alreadyBooked = self { return true }
        return false
    }
}

/// How an appended row gets its client order id.
enum ClientIdRule: Sendable {
    /// As given in the entry.
    case given
    /// `ClientOrderId.make(epoch: entry.epoch, sequence: <this row's seq>)`, computed inside the write
    /// transaction, so a `place` intent's id is derived from its own journal sequence.
    case fromOwnSequence
}
