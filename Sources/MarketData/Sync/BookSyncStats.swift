/// Counters of one `BookSync`, for metrics and tests. Every field only grows.
public struct BookSyncStats: Sendable, Equatable {
    /// Messages passed to `handle(_:)`.
    public var messages: Int
    /// Messages (snapshots and deltas, including buffered ones replayed) applied to the book.
    public var applied: Int
    /// Sequence gaps detected.
    public var gaps: Int
    /// Transitions from valid/syncing into invalid.
    public var resyncs: Int
    /// OKX checksum mismatches.
    public var checksumFailures: Int
    /// Crossed books detected after applying.
    public var crossed: Int
    /// Malformed frames (reported through `invalidate(.malformedFrame)` or detected in `handle`).
    public var malformed: Int
    /// Messages dropped as duplicates, heartbeats or deltas while not synchronised.
    public var ignored: Int

    /// All counters zero.
    public init(messages: Int = 0, applied: Int = 0, gaps: Int = 0, resyncs: Int = 0, checksumFailures: Int = 0,
                crossed: Int = 0, malformed: Int = 0, ignored: Int = 0) {
        self.messages = messages; self.applied = applied; self.gaps = gaps; self.resyncs = resyncs
        self.checksumFailures = checksumFailures; self.crossed = crossed; self.malformed = malformed
        self.ignored = ignored
    }
}
