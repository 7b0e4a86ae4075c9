/// What `BookSync.handle(_:)` did with one message, so the feed knows what to do next.
public enum SyncAction: Sendable, Equatable {
    /// The book changed and is valid.
    case applied
    /// Kept until a snapshot arrives (Binance diffs before the REST snapshot).
    case buffered
    /// Harmless and dropped: an old or duplicate message, a heartbeat, or a delta while waiting for a snapshot.
    case ignored
    /// The book is now invalid; fetch a fresh snapshot (Binance REST) or resubscribe (OKX/Bybit WS).
    case resync(BookInvalidReason)
}
