/// Binance USD-M public streams: one combined-stream socket (`/stream?streams=…`) carrying
/// `<sym>@depth@100ms`, `<sym>@aggTrade` and `<sym>@markPrice@1s`; books are synced from the REST
/// snapshot while diffs are buffered. The server pings; the WebSocket layer answers.
public struct BinancePublicStream: VenuePublicProtocol {
    public typealias Codec = BinanceCodec
    public typealias REST = BinanceRESTClient

    /// The stream set for a symbol list.
    public init() {}

    public var snapshotsOverREST: Bool { true }
    public var heartbeat: HeartbeatPolicy { .serverPings }

    public func makeREST(transport: VenueRESTTransport) -> BinanceRESTClient { BinanceRESTClient(transport: transport) }

    /// Stream names of one symbol, lowercased as Binance requires.
    public func streams(symbol: String) -> [String] {
        let s = symbol.lowercased()
        return ["\(s)@depth@100ms", "\(s)@aggTrade", "\(s)@markPrice@1s"]
    }

    public func webSocketURL(base: String, symbols: [String], settings: FeedSettings) -> String {
        joinURL(base, "/stream?streams=" + symbols.flatMap(streams(symbol:)).joined(separator: "/"))
    }

    /// Nothing to send: the combined-stream URL already subscribes.
    public func subscribeFrames(symbols: [String], settings: FeedSettings) -> [String] { [] }

    /// Resync goes through the REST snapshot; the diff stream stays subscribed.
    public func bookResubscribeFrames(symbol: String, settings: FeedSettings) -> [String] { [] }
}
