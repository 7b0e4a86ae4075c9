public import PropCore

/// Something an operator or the engine should know about a feed; delivered on `MarketDataFeed.events`.
public enum FeedEvent: Sendable, Hashable {
    /// The WebSocket connection was (re)established; `connectCount` is 1 for the first connection.
    case connected(venue: Venue, connectCount: Int)
    /// The WebSocket connection ended; every book of the venue is invalid until resynced.
    case disconnected(venue: Venue, reason: String)
    /// One book became invalid (gap, checksum, malformed frame, disconnect…) and is being resynced.
    case bookInvalidated(instrument: InstrumentId, reason: String)
    /// One book is valid again after a (re)sync.
    case bookResynced(instrument: InstrumentId, seq: Int64)
    /// A REST snapshot or instrument request failed even after retries.
    case restFailed(venue: Venue, code: String, messageRu: String)
    /// No update for longer than `staleMs`: the book must not be traded on.
    case bookStale(instrument: InstrumentId, ageMs: Int64)
    /// Updates flow again after `bookStale`.
    case bookFresh(instrument: InstrumentId)
}
