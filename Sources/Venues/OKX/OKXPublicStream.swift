/// OKX v5 public socket `/ws/v5/public`: `books` (400 levels, snapshot on subscribe, then `prevSeqId`-chained
/// updates), `trades`, `mark-price`, `funding-rate`. The client sends the text `ping` when idle and the
/// server answers `pong`; a book is resynced by unsubscribing and subscribing its `books` channel.
public struct OKXPublicStream: VenuePublicProtocol {
    public typealias Codec = OKXCodec
    public typealias REST = OKXRESTClient

    /// The stream set.
    public init() {}

    public var snapshotsOverREST: Bool { false }
    public var heartbeat: HeartbeatPolicy { .textWhenIdle("ping") }

    public func makeREST(transport: VenueRESTTransport) -> OKXRESTClient { OKXRESTClient(transport: transport) }

    public func webSocketURL(base: String, symbols: [String], settings: FeedSettings) -> String {
        joinURL(base, "/ws/v5/public")
    }

    public func subscribeFrames(symbols: [String], settings: FeedSettings) -> [String] {
        let channels = ["books", "trades", "mark-price", "funding-rate"]
        let args = symbols.flatMap { s in channels.map { #"{"channel":"\#($0)","instId":"\#(s)"}"# } }
        return [#"{"id":"sub1","op":"subscribe","args":[\#(args.joined(separator: ","))]}"#]
    }

    public func bookResubscribeFrames(symbol: String, settings: FeedSettings) -> [String] {
        let arg = #"{"channel":"books","instId":"\#(symbol)"}"#
        return [#"{"id":"unsub","op":"unsubscribe","args":[\#(arg)]}"#, #"{"id":"resub","op":"subscribe","args":[\#(arg)]}"#]
    }
}
