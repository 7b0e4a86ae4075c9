/// A committed journal row: the entry, its sequence number and its place in the hash chain.
public struct JournalRecord: Sendable, Hashable {
    /// Journal sequence number (1, 2, 3, …; the SQLite rowid).
    public let seq: Int64
    /// The event as appended.
    public let entry: JournalEntry
    /// SHA-256 of the previous row (32 zero bytes for the first row).
    public let prevHash: [UInt8]
    /// SHA-256(prevHash || canonical encoding of this row).
    public let hash: [UInt8]

    /// A record as stored.
    public init(seq: Int64, entry: JournalEntry, prevHash: [UInt8], hash: [UInt8]) {
        self.seq = seq
        self.entry = entry
        self.prevHash = prevHash
        self.hash = hash
    }
}
