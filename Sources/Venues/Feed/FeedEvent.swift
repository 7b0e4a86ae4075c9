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
    /// The profile asks for an instrument the venue does not list: it gets no book; the others run normally.
    case instrumentNotListed(instrument: InstrumentId, symbol: String)

    /// What the operator is told, in Russian, for the events that need attention; `nil` for routine ones.
    public var messageRu: String? {
        switch self {
        case .instrumentNotListed(let id, let symbol):
            "Биржа \(id.venue.canonicalName) не знает инструмент \(id) (символ \(symbol)): стакан не ведётся. "
                + "Подсказка: проверьте список instruments в профиле и листинг биржи"
        case .bookStale(let id, let age):
            "Стакан \(id) не обновлялся \(age) мс: торговать по нему нельзя. Подсказка: проверьте связь с биржей; бот переподключится сам"
        case .bookInvalidated(let id, let reason):
            "Стакан \(id) невалиден (\(reason)), идёт пересинхронизация"
        case .restFailed(let venue, _, let message):
            "\(venue.canonicalName): \(message)"
        case .connected, .disconnected, .bookResynced, .bookFresh:
            nil
        }
    }
}
