/// Why a book stopped being trustworthy. Raw values are stable snake_case labels for logs and metrics.
public enum BookInvalidReason: String, Sendable, Hashable, CaseIterable {
    /// A message is missing between the last applied one and this one.
    case sequenceGap = "sequence_gap"
    /// The venue's checksum disagrees with our book after applying a message.
    case checksumMismatch = "checksum_mismatch"
    /// Best bid at or above best ask after applying a message.
    case crossed
    /// A frame could not be decoded or carried impossible values (negative qty, non-positive price).
    case malformedFrame = "malformed_frame"
    /// No message for longer than the freshness budget.
    case stale
    /// The market-data connection dropped.
    case disconnected
    /// Fetching the snapshot failed, or the pre-snapshot buffer overflowed while waiting for it.
    case snapshotFailed = "snapshot_failed"
    /// The book has never been synchronised since the last reset.
    case awaitingSnapshot = "awaiting_snapshot"
}
