import Hummingbird
import HummingbirdWebSocket
import PropCore

/// Bybit v5 front-end: `/v5/market/*` (what ccxt `bybit` `load_markets`/`fetch_order_book` call; spot,
/// inverse and option categories answer empty lists) and the `/v5/public/linear` socket.
enum BybitSimRoutes {
    static func add(to router: Router<SimHTTP.Context>, state: SimState, time: any TimeSource) {
        router.get("/v5/market/time") { _, _ -> Response in
            let ms = time.wallMillis()
            return SimHTTP.json(BybitSimCodec.ok(#"{"timeSecond":"\#(ms / 1000)","timeNano":"\#(ms)000000"}"#, nowMs: ms))
        }
        router.get("/v5/system/status") { _, _ in SimHTTP.json(BybitSimCodec.ok(#"{"list":[]}"#, nowMs: time.wallMillis())) }
        router.get("/v5/market/instruments-info") { request, _ -> Response in
            let now = time.wallMillis()
            guard let category = request.uri.queryParameters["category"].map(String.init) else { return error(10001, "params error: category is required", now) }
            guard category == "linear" else {
                return SimHTTP.json(BybitSimCodec.ok(#"{"category":"\#(category)","list":[],"nextPageCursor":""}"#, nowMs: now))
            }
            var all = await state.instruments(of: .bybit)
            if let sym = request.uri.queryParameters["symbol"].map(String.init) { all = all.filter { $0.spec.nativeSymbol == sym } }
            return SimHTTP.json(BybitSimCodec.ok(#"{"category":"linear","list":[\#(all.map(BybitSimCodec.instrument).joined(separator: ","))],"nextPageCursor":""}"#, nowMs: now))
        }
        router.get("/v5/market/orderbook") { request, _ -> Response in
            let now = time.wallMillis()
            guard request.uri.queryParameters["category"] == "linear" else { return error(10001, "params error: category only support linear", now) }
            guard let sym = request.uri.queryParameters["symbol"].map(String.init) else { return error(10001, "params error: symbol is required", now) }
            var limit = 25
            if let raw = request.uri.queryParameters["limit"] {
                guard let n = Int(String(raw)), (1...1000).contains(n) else { return error(10001, "params error: limit invalid", now) }
                limit = n
            }
            guard let s = await state.instrument(venue: .bybit, symbol: sym) else { return error(10001, "params error: symbol invalid", now) }
            let u = s.viewIndex(depth: 1000).map { s.views[$0].updateId } ?? 0
            let body = #"{"s":"\#(sym)","b":\#(BybitSimCodec.levels(s.book.top(.buy, limit), s.spec)),"a":\#(BybitSimCodec.levels(s.book.top(.sell, limit), s.spec)),"ts":\#(now),"u":\#(u),"seq":\#(s.crossSequence),"cts":\#(now)}"#
            return SimHTTP.json(BybitSimCodec.ok(body, nowMs: now))
        }
        router.get("/v5/market/tickers") { request, _ -> Response in
            let now = time.wallMillis()
            guard let category = request.uri.queryParameters["category"].map(String.init) else { return error(10001, "params error: category is required", now) }
            guard category == "linear" else { return SimHTTP.json(BybitSimCodec.ok(#"{"category":"\#(category)","list":[]}"#, nowMs: now)) }
            var all = await state.instruments(of: .bybit)
            if let sym = request.uri.queryParameters["symbol"].map(String.init) { all = all.filter { $0.spec.nativeSymbol == sym } }
            let mids = await state.market.assetMids
            let items = all.map { BybitSimCodec.tickerItem($0, indexMid: mids[$0.spec.id.base] ?? $0.mid, nowMs: now) }
            return SimHTTP.json(BybitSimCodec.ok(#"{"category":"linear","list":[\#(items.joined(separator: ","))]}"#, nowMs: now))
        }
        BybitSimPrivateRoutes.add(to: router, state: state, time: time)
        router.ws("/v5/public/linear") { inbound, outbound, _ in
            await SimWebSocketSession.run(state: state, venue: .bybit, combined: false, topics: [],
                                          inbound: inbound, outbound: outbound, time: time)
        }
    }

    /// Bybit business errors: HTTP 200 with a non-zero `retCode`.
    static func error(_ code: Int, _ msg: String, _ now: Int64) -> Response {
        SimHTTP.json(#"{"retCode":\#(code),"retMsg":\#(SimHTTP.quote(msg)),"result":{},"retExtInfo":{},"time":\#(now)}"#)
    }
}
