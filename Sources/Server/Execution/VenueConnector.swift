public import AsyncHTTPClient
public import Logging
public import Ops
public import PropCore
public import Venues

/// A venue's private stream, whatever its protocol: decoded events plus the loop that keeps it connected.
public protocol PrivateEventSource: Sendable {
    var events: AsyncStream<PrivateStreamEvent> { get }
    /// Connects, authenticates, subscribes and reconnects until the task is cancelled.
    func run() async
}

extension BinancePrivateStream: PrivateEventSource {}
extension OKXPrivateStream: PrivateEventSource {}
extension BybitPrivateStream: PrivateEventSource {}

/// API credentials for one venue. Never printed: `description` is redacted.
public struct VenueCredentials: Sendable, CustomStringConvertible {
    public var apiKey: String
    public var apiSecret: String
    /// OKX only.
    public var passphrase: String

    public init(apiKey: String, apiSecret: String, passphrase: String = "") {
        self.apiKey = apiKey; self.apiSecret = apiSecret; self.passphrase = passphrase
    }

    public var description: String { "VenueCredentials(<redacted>)" }
}

/// A venue's trading client and private stream, built the same way for the simulator and the real venue.
public struct VenueConnection: Sendable {
    public var api: any VenueTradingAPI
    public var stream: any PrivateEventSource
    /// The venue's request budget (nil for the paper venue, which sends nothing).
    public var governor: RateGovernor? = nil
}

/// Builds venue connections: signed client with the venue's rate-limit governor and the withdraw/transfer
/// guard, a shared server clock, and the private stream.
public enum VenueConnector {
    public static func connect(_ venue: Venue, urls: VenueBaseURLs, credentials: VenueCredentials,
                               execution: ExecutionConfig, http: HTTPClient = .shared, simulatedTrading: Bool = false,
                               onForbidden: (@Sendable (VenueOrderError) -> Void)? = nil,
                               recorder: FrameRecorder? = nil, logger: Logger) -> VenueConnection {
        let clock = ServerClock()
        let governor = RateGovernor(limits: .published(for: venue))
        let timeout = Int64(execution.requestTimeoutMs)
        let feed = FeedSettings(staleMs: 30_000)
        switch venue {
        case .binance:
            let transport = TradingHTTP(venue: .binance, baseURL: urls.rest, http: http, timeoutMs: timeout, logger: logger,
                                        governor: governor, onForbidden: onForbidden)
            let client = BinanceTradingClient(http: transport, apiKey: credentials.apiKey, apiSecret: credentials.apiSecret,
                                              clock: clock, recvWindowMs: execution.recvWindowMs)
            return VenueConnection(api: client, stream: BinancePrivateStream(client: client, wsBaseURL: urls.ws,
                                                                              settings: FeedSettings(staleMs: 60_000), logger: logger,
                                                                              recorder: recorder), governor: governor)
        case .okx:
            let transport = TradingHTTP(venue: .okx, baseURL: urls.rest, http: http, timeoutMs: timeout, logger: logger,
                                        governor: governor, onForbidden: onForbidden)
            let client = OKXTradingClient(http: transport, apiKey: credentials.apiKey, secret: credentials.apiSecret,
                                          passphrase: credentials.passphrase, clock: clock, simulatedTrading: simulatedTrading)
            return VenueConnection(api: client, stream: OKXPrivateStream(wsBaseURL: urls.ws, apiKey: credentials.apiKey,
                                                                          secret: credentials.apiSecret,
                                                                          passphrase: credentials.passphrase, clock: clock,
                                                                          settings: feed, logger: logger, recorder: recorder),
                                   governor: governor)
        case .bybit:
            let client = BybitTradingClient(baseURL: urls.rest, apiKey: credentials.apiKey, apiSecret: credentials.apiSecret,
                                            http: http, timeoutMs: timeout, recvWindowMs: execution.recvWindowMs,
                                            clock: clock, governor: governor, onForbidden: onForbidden, logger: logger)
            return VenueConnection(api: client, stream: BybitPrivateStream(wsBaseURL: urls.ws, apiKey: credentials.apiKey,
                                                                            apiSecret: credentials.apiSecret, settings: feed,
                                                                            clock: clock, logger: logger, recorder: recorder),
                                   governor: governor)
        }
    }
}
