/// Bybit v5 public linear socket `/v5/public/linear`: `orderbook.{depth}.SYM` (snapshot on subscribe, then
/// `u`+1 deltas), `publicTrade.SYM`, `tickers.SYM` (mark price, funding). The client sends
/// `{"op":"ping"}` every ping interval; a book is resynced by unsubscribing and subscribing its topic.
public struct BybitPublicStream: VenuePublicProtocol {
    public typealias Codec = BybitCodec
    public typealias REST = BybitRESTClient

    /// The stream set.
    public init() {}

    public var snapshotsOverREST: Bool { false }
    public var heartbeat: HeartbeatPolicy { .textPeriodic(#"{"req_id":"hb","op":"ping"}"#) }

    public func makeREST(transport: VenueRESTTransport) -> BybitRESTClient { BybitRESTClient(transport: transport) }

    public func webSocketURL(base: String, symbols: [String], settings: FeedSettings) -> String {
        joinURL(base, "/v5/public/linear")
    }

    /// The book topic at the configured depth (the nearest offered one: 1, 50, 200, 1000).
    public func bookTopic(symbol: String, settings: FeedSettings) -> String {
        let depth = [1, 50, 200, 1000].first { $0 >= settings.depth } ?? 1000
        return "orderbook.\(depth).\(symbol)"
    }

    /// Bybit accepts at most 10 topics per subscribe request, so topics go in chunks of 10.
    public func subscribeFrames(symbols: [String], settings: FeedSettings) -> [String] {
        let topics = symbols.flatMap { [bookTopic(symbol: $0, settings: settings), "publicTrade.\($0)", "tickers.\($0)"] }
        return stride(from: 0, to: topics.count, by: 10).map { start in
            let chunk = topics[start..<min(start + 10, topics.count)].map { "\"\($0)\"" }.joined(separator: ",")
            return #"{"req_id":"sub\#(start)","op":"subscribe","args":[\#(chunk)]}"#
        }
    }

    public func bookResubscribeFrames(symbol: String, settings: FeedSettings) -> [String] {
        let topic = bookTopic(symbol: symbol, settings: settings)
        return [#"{"req_id":"unsub","op":"unsubscribe","args":["\#(topic)"]}"#,
                #"{"req_id":"resub","op":"subscribe","args":["\#(topic)"]}"#]
    }
}
