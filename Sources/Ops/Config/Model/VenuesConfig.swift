public import PropCore

/// The three venues' sections, one field per venue so the encoded form reads like the YAML.
public struct VenuesConfig: Sendable, Equatable, Encodable {
    /// Binance USD-M futures.
    public var binance: VenueConfig
    /// OKX v5.
    public var okx: VenueConfig
    /// Bybit v5.
    public var bybit: VenueConfig

    /// Creates the venues section.
    public init(binance: VenueConfig, okx: VenueConfig, bybit: VenueConfig) {
        self.binance = binance; self.okx = okx; self.bybit = bybit
    }

    /// The section of one venue.
    public subscript(venue: Venue) -> VenueConfig {
        get {
            switch venue {
            case .binance: binance
            case .okx: okx
            case .bybit: bybit
            }
        }
        set {
            switch venue {
            case .binance: binance = newValue
            case .okx: okx = newValue
            case .bybit: bybit = newValue
            }
        }
    }

    /// Venues switched on, in `Venue.allCases` order.
    public var enabledVenues: [Venue] { Venue.allCases.filter { self[$0].enabled } }
}
