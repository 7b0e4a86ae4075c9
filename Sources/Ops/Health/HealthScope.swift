/// What a component's check is about: the whole bot, one venue, or one symbol on a venue.
public struct HealthScope: Sendable, Hashable, Codable {
    /// Venue name (`binance`), nil for bot-wide components.
    public var venue: String?
    /// Symbol (`BTCUSDT`), nil unless the check is about one instrument.
    public var symbol: String?

    /// A scope; both nil means bot-wide.
    public init(venue: String? = nil, symbol: String? = nil) { self.venue = venue; self.symbol = symbol }

    /// Bot-wide.
    public static let global = HealthScope()

    /// The level of the scope, for the `scope=` filter.
    public var level: ScopeFilter {
        if symbol != nil { return .symbol }
        if venue != nil { return .venue }
        return .all
    }
}

/// The `scope=` filter of `/api/ui/health/components`: `all` lists everything, `venue` the per-venue
/// components, `symbol` the per-symbol ones.
public enum ScopeFilter: String, Sendable, Hashable, CaseIterable, Codable {
    case all, venue, symbol
}
