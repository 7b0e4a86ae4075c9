public import PropCore

/// Everything that differs between venues' public market-data streams: codec, REST paths, socket URL,
/// subscription frames, heartbeat and where book snapshots come from. One small value per venue
/// (`BinancePublicStream`, `OKXPublicStream`, `BybitPublicStream`) parameterises `MarketDataFeed`.
public protocol VenuePublicProtocol: Sendable {
    /// Decoder of the venue's frames and REST bodies.
    associatedtype Codec: PublicMarketCodec
    /// The venue's public REST client.
    associatedtype REST: PublicRESTClient where REST.Codec == Codec
    /// `true` when book snapshots must be fetched over REST while diffs are buffered (Binance);
    /// `false` when the socket sends a snapshot after subscribing (OKX, Bybit).
    var snapshotsOverREST: Bool { get }
    /// How the socket is kept alive.
    var heartbeat: HeartbeatPolicy { get }
    /// Builds the REST client over a transport.
    func makeREST(transport: VenueRESTTransport) -> REST
    /// The full socket URL for `symbols` (native symbols) given the venue's WS base URL.
    func webSocketURL(base: String, symbols: [String], settings: FeedSettings) -> String
    /// Frames sent after each connect: books, trades, mark/funding/tickers for `symbols`.
    func subscribeFrames(symbols: [String], settings: FeedSettings) -> [String]
    /// Frames that make the venue send a fresh book snapshot for one symbol (unsubscribe + subscribe);
    /// empty where resync goes through REST.
    func bookResubscribeFrames(symbol: String, settings: FeedSettings) -> [String]
}

extension VenuePublicProtocol {
    /// The venue this protocol speaks.
    public var venue: Venue { Codec.venue }
}

/// Joins a base URL and a path without doubling or dropping the slash.
func joinURL(_ base: String, _ path: String) -> String {
    var b = base
    while b.hasSuffix("/") { b.removeLast() }
    return path.hasPrefix("/") ? b + path : b + "/" + path
}
