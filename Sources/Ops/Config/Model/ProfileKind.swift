/// The run mode a profile file is for. Modes differ only in which adapters are plugged in (see DESIGN.md).
public enum ProfileKind: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// Built-in venue simulator in process; the default when no profile is given.
    case demo
    /// Real public market data, fills simulated against the live book.
    case paper
    /// Venue test environments with test keys.
    case testnet
    /// Live data, decisions logged, no orders: the strategy trades against the live book through simulated
    /// fills, and no trading client is ever built, whatever keys the profile holds.
    case shadow
    /// Real orders under caps.
    case live

    public var description: String { rawValue }

    /// Whether the mode sends orders that move real money, so the strictest safety rules apply.
    public var movesRealMoney: Bool { self == .live }

    /// Whether fills are simulated against the live book (paper venues) instead of orders going to a venue.
    public var simulatesFills: Bool { self == .paper || self == .shadow }

    /// Whether enabled venues need API keys (modes that place or query private state on a venue).
    public var requiresVenueKeys: Bool { self == .testnet || self == .live }

    /// Default database file. Each mode gets its own so a demo journal can never be replayed against live venues.
    public var defaultStoragePath: String {
        self == .live ? "./data/propbot.sqlite" : "./data/propbot-\(rawValue).sqlite"
    }
}
