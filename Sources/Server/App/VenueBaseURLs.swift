import Ops
import PropCore
import Venues

/// REST and WebSocket base URLs (scheme, host and port; the feeds add the venue's paths).
public struct VenueBaseURLs: Sendable, Equatable {
    public var rest: String
    public var ws: String

    public init(rest: String, ws: String) { self.rest = rest; self.ws = ws }

    /// The venue's production hosts, used when a profile gives no URL.
    public static func production(_ venue: Venue) -> VenueBaseURLs {
        switch venue {
        case .binance: VenueBaseURLs(rest: BinanceConstants.restBaseURL, ws: BinanceConstants.wsBaseURL)
        case .okx: VenueBaseURLs(rest: OKXConstants.restBaseURL, ws: "wss://ws.okx.com:8443")
        case .bybit: VenueBaseURLs(rest: BybitConstants.restBaseURL, ws: "wss://stream.bybit.com")
        }
    }

    /// The profile's URLs for `venue`, falling back to production hosts.
    public static func configured(_ venue: Venue, in profile: ProfileConfig) -> VenueBaseURLs {
        let fallback = production(venue)
        let config = profile.venues[venue]
        return VenueBaseURLs(rest: config.restURL ?? fallback.rest, ws: config.wsURL ?? fallback.ws)
    }
}
