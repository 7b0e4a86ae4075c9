/// The venues PropBot trades. Raw values are the lowercase names used in config, APIs and metrics labels.
public enum Venue: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    case binance, okx, bybit

    /// Uppercase form used inside canonical instrument ids (`BINANCE:PERP:BTC-USDT`).
    public var canonicalName: String { rawValue.uppercased() }

    public init?(canonicalName: String) { self.init(rawValue: canonicalName.lowercased()) }

    public var description: String { rawValue }
}
