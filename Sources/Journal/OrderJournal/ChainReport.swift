/// Result of `OrderJournal.verifyChain()`.
public struct ChainReport: Sendable, Hashable {
    /// How many rows were read.
    public let rowsChecked: Int
    /// The first row whose stored hash or back-link does not match, if any.
    public let firstBrokenSeq: Int64?

    /// A report.
    public init(rowsChecked: Int, firstBrokenSeq: Int64?) {
        self.rowsChecked = rowsChecked
        self.firstBrokenSeq = firstBrokenSeq
    }

    /// True when every row's hash and back-link verified.
    public var isIntact: Bool { firstBrokenSeq == nil }
}
