import Hummingbird
import HummingbirdWebSocket
import PropCore

/// Binance USD-M front-end: `/fapi/v1/*` market data (what our connector and ccxt `binanceusdm`
/// `load_markets`/`fetch_order_book`/`fetch_ticker` call) and the `/ws` and `/stream` sockets.
enum BinanceSimRoutes {
    static let validLimits: Set<Int> = [5, 10, 20, 50, 100, 500, 1000]

    static func add(to router: Router<SimHTTP.Context>, state: SimState, time: any TimeSource) {
        router.get("/fapi/v1/ping") { _, _ in SimHTTP.json("{}") }
        router.get("/fapi/v1/time") { _, _ in SimHTTP.json(#"{"serverTime":\#(time.wallMillis())}"#) }
        router.get("/fapi/v1/exchangeInfo") { _, _ in
            SimHTTP.json(BinanceSimCodec.exchangeInfo(await state.instruments(of: .binance), nowMs: time.wallMillis()))
        }
        router.get("/fapi/v1/depth") { request, _ -> Response in
            guard let symbol = request.uri.queryParameters["symbol"].map(String.init) else { return missing("symbol") }
            var limit = 500
            if let raw = request.uri.queryParameters["limit"] {
                guard let l = Int(String(raw)), validLimits.contains(l) else {
                    return SimHTTP.json(#"{"code":-1130,"msg":"Data sent for paramter 'limit' is not valid."}"#, status: .badRequest)
                }
                limit = l
            }
            guard let s = await state.instrument(venue: .binance, symbol: symbol) else { return invalidSymbol() }
            return SimHTTP.json(BinanceSimCodec.depth(s, limit: limit, nowMs: time.wallMillis()))
        }
        router.get("/fapi/v1/ticker/24hr") { request, _ in
            await perSymbol(request, state) { BinanceSimCodec.ticker24hr($0, nowMs: time.wallMillis()) }
        }
        router.get("/fapi/v1/ticker/bookTicker") { request, _ in
            await perSymbol(request, state) { BinanceSimCodec.restBookTicker($0, nowMs: time.wallMillis()) }
        }
        router.get("/fapi/v1/premiumIndex") { request, _ in
            let mids = await state.market.assetMids
            return await perSymbol(request, state) {
                BinanceSimCodec.premiumIndex($0, indexMid: mids[$0.spec.id.base] ?? $0.mid, nowMs: time.wallMillis())
            }
        }
        let keys = BinanceSimListenKeys(seed: state.config.seed)
        BinanceSimPrivateRoutes.add(to: router, state: state, keys: keys)
        for path in ["/ws", "/ws/**", "/stream"] {
            router.ws(RouterPath(path)) { inbound, outbound, context in
                let uri = context.request.uri
                // `/ws/<listenKey>` with the live key is the user-data stream; anything else names market streams.
                if uri.path.hasPrefix("/ws/"), case let key = String(uri.path.dropFirst(4)), !key.contains("@"),
                   await keys.isLive(key, nowMs: time.wallMillis()) {
                    await BinanceSimPrivateSession.run(key: key, state: state, keys: keys, inbound: inbound, outbound: outbound, time: time)
                    return
                }
                var topics: Set<String> = []
                let combined = uri.path.hasPrefix("/stream")
                if combined {
                    if let streams = uri.queryParameters["streams"] { topics = Set(streams.split(separator: "/").map(String.init)) }
                } else if uri.path.count > 4 {
                    topics = Set(uri.path.dropFirst(4).split(separator: "/").map(String.init))
                }
                await SimWebSocketSession.run(state: state, venue: .binance, combined: combined, topics: topics,
                                              inbound: inbound, outbound: outbound, time: time)
            }
        }
    }

    /// One object for `?symbol=`, else an array over all symbols.
    static func perSymbol(_ request: Request, _ state: SimState, _ render: (SimInstrumentState) -> String) async -> Response {
        if let symbol = request.uri.queryParameters["symbol"].map(String.init) {
            guard let s = await state.instrument(venue: .binance, symbol: symbol) else { return invalidSymbol() }
            return SimHTTP.json(render(s))
        }
        return SimHTTP.json("[" + (await state.instruments(of: .binance)).map(render).joined(separator: ",") + "]")
    }

    static func invalidSymbol() -> Response {
        SimHTTP.json(#"{"code":-1121,"msg":"Invalid symbol."}"#, status: .badRequest)
    }

    static func missing(_ name: String) -> Response {
        SimHTTP.json(#"{"code":-1102,"msg":"Mandatory parameter '\#(name)' was not sent, was empty/null, or malformed."}"#, status: .badRequest)
    }
}
