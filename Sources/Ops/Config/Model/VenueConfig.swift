/// Connection settings and credentials of one venue.
public struct VenueConfig: Sendable, Equatable, Encodable {
    /// Whether the bot connects to this venue.
    public var enabled: Bool
    /// REST base URL (`https://fapi.binance.com`); `nil` in demo, where the simulator's URL is used.
    public var restURL: String?
    /// Public WebSocket URL; `nil` in demo.
    public var wsURL: String?
    /// Private WebSocket URL where the venue has a separate one (OKX, Bybit); `nil` = derive from `wsURL`.
    public var wsPrivateURL: String?
    /// API key.
    public var apiKey: Secret?
    /// API secret.
    public var apiSecret: Secret?
    /// API passphrase (OKX only).
    public var passphrase: Secret?
    /// Send `x-simulated-trading: 1` (OKX demo trading only).
    public var simulatedTrading: Bool

    /// Creates a venue section.
    public init(
        enabled: Bool, restURL: String? = nil, wsURL: String? = nil, wsPrivateURL: String? = nil,
        apiKey: Secret? = nil, apiSecret: Secret? = nil, passphrase: Secret? = nil, simulatedTrading: Bool = false
    ) {
        self.enabled = enabled; self.restURL = restURL; self.wsURL = wsURL; self.wsPrivateURL = wsPrivateURL
        self.apiKey = apiKey; self.apiSecret = apiSecret; self.passphrase = passphrase
        self.simulatedTrading = simulatedTrading
    }

    /// A venue that is switched off.
    public static let disabled = VenueConfig(enabled: false)

    enum CodingKeys: String, CodingKey {
        case enabled
        case restURL = "rest_url"
        case wsURL = "ws_url"
        case wsPrivateURL = "ws_private_url"
        case apiKey = "api_key"
        case apiSecret = "api_secret"
        case passphrase
        case simulatedTrading = "simulated_trading"
    }
}
