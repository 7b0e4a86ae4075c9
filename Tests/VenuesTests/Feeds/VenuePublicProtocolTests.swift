import Testing
import Venues

/// Subscription frames and URLs each venue's stream set produces.
@Suite("Venue public stream specifics")
struct VenuePublicProtocolTests {
    let settings = FeedSettings(depth: 200)

    @Test("Binance subscribes through the combined-stream URL with depth, trades and mark price per symbol")
    func binanceCombinedStreamURL() {
        let p = BinancePublicStream()
        let url = p.webSocketURL(base: "wss://fstream.binance.com/", symbols: ["BTCUSDT", "ETHUSDT"], settings: settings)
        #expect(url == "wss://fstream.binance.com/stream?streams=btcusdt@depth@100ms/btcusdt@aggTrade/btcusdt@markPrice@1s/ethusdt@depth@100ms/ethusdt@aggTrade/ethusdt@markPrice@1s")
        #expect(p.subscribeFrames(symbols: ["BTCUSDT"], settings: settings).isEmpty)
        #expect(p.bookResubscribeFrames(symbol: "BTCUSDT", settings: settings).isEmpty)
        #expect(BinanceRESTClient.depthSnapshotPath(symbol: "BTCUSDT", limit: 300) == "/fapi/v1/depth?symbol=BTCUSDT&limit=500")
    }

    @Test("OKX subscribes the 400-level books channel and resyncs by unsubscribe then subscribe")
    func okxBooksSubscription() {
        let p = OKXPublicStream()
        let frame = p.subscribeFrames(symbols: ["BTC-USDT-SWAP"], settings: settings)[0]
        #expect(frame.contains(#"{"channel":"books","instId":"BTC-USDT-SWAP"}"#))
        #expect(frame.contains(#""op":"subscribe""#))
        let resub = p.bookResubscribeFrames(symbol: "BTC-USDT-SWAP", settings: settings)
        #expect(resub.count == 2 && resub[0].contains("unsubscribe") && resub[1].contains(#""op":"subscribe""#))
        #expect(p.webSocketURL(base: "ws://127.0.0.1:1", symbols: [], settings: settings) == "ws://127.0.0.1:1/ws/v5/public")
    }

    @Test("Bybit subscribes at most ten topics per request and uses the configured book depth")
    func bybitChunksTopicsByTen() {
        let p = BybitPublicStream()
        let symbols = (0..<5).map { "S\($0)USDT" }
        let frames = p.subscribeFrames(symbols: symbols, settings: settings)
        #expect(frames.count == 2)
        #expect(frames[0].contains(#""orderbook.200.S0USDT""#))
        #expect(frames.allSatisfy { $0.split(separator: ",").filter { $0.contains("USDT") }.count <= 10 })
        #expect(p.bookTopic(symbol: "BTCUSDT", settings: FeedSettings(depth: 100)) == "orderbook.200.BTCUSDT")
    }
}
