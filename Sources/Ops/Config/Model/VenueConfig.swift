/// Connection settings and credentials of one venue.
public struct VenueConfig: Sendable, Equatable, Encodable {
    /// Whether the bot connects to this venue.
    public var enabled: Bool
    /// REST base URL, scheme + host [+ port] without a path (`https://fapi.binance.com`); `nil` in demo, where
    /// the simulator's URL is used.
    public var restURL: String?
    /// WebSocket base URL, scheme + host [+ port] without a path (`wss://ws.okx.com:8443`); connectors add the
    /// venue's public and private channel paths. `nil` in demo.
    public var wsURL: String?
    /// API key.
    public var apiKey: Secret?
    /// API secret.
    public var apiSecret: Secret?
    /// API passphrase (OKX only).
    public var passphrase: Secret?
    /// Send `x-simulated-trading: 1` (OKX demo trading only).
    public var simulatedTrading: Bool
    /// Our fee tier here. The loader always fills it in (the published base tier when the profile has no
    /// `fees`); `nil` only in configs built in code, and means the same base tier.
    public var fees: FeeTierConfig?

    /// Creates a venue section.
    public init(
        enabled: Bool, restURL: String? = nil, wsURL: String? = nil,
        apiKey: Secret? = nil, apiSecret: Secret? = nil, passphrase: Secret? = nil, simulatedTrading: Bool = false,
        fees: FeeTierConfig? = nil
    ) {
        self.enabled = enabled; self.restURL = restURL; self.wsURL = wsURL
        self.apiKey = apiKey; self.apiSecret = apiSecret; self.passphrase = passphrase
        self.simulatedTrading = simulatedTrading; self.fees = fees
    }

    /// A venue that is switched off.
    public static let disabled = VenueConfig(enabled: false)

    enum CodingKeys: String, CodingKey {
        case enabled
        case restURL = "rest_url"
        case wsURL = "ws_url"
        case apiKey = "api_key"
        case apiSecret = "api_secret"
        case passphrase
        case simulatedTrading = "simulated_trading"
        case fees
    }
}
