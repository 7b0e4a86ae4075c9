import Hummingbird
import HummingbirdWebSocket
import PropCore

/// OKX v5 front-end: `/api/v5/public/*` and `/api/v5/market/*` (what ccxt `okx` `load_markets` and
/// `fetch_order_book` call; other instrument types answer empty lists) and the `/ws/v5/public` socket.
enum OKXSimRoutes {
    static func add(to router: Router<SimHTTP.Context>, state: SimState, time: any TimeSource) {
        router.get("/api/v5/public/time") { _, _ in SimHTTP.json(OKXSimCodec.ok([#"{"ts":"\#(time.wallMillis())"}"#])) }
        router.get("/api/v5/system/status") { _, _ in SimHTTP.json(OKXSimCodec.ok([])) }
        router.get("/api/v5/public/instruments") { request, _ -> Response in
            guard let type = request.uri.queryParameters["instType"].map(String.init) else {
                return error("50014", "Parameter instType can not be empty.")
            }
            guard ["SPOT", "MARGIN", "SWAP", "FUTURES", "OPTION"].contains(type) else {
                return error("51000", "Parameter instType error")
            }
            guard type == "SWAP" else { return SimHTTP.json(OKXSimCodec.ok([])) }
            var all = await state.instruments(of: .okx)
            if let inst = request.uri.queryParameters["instId"].map(String.init) { all = all.filter { $0.spec.nativeSymbol == inst } }
            return SimHTTP.json(OKXSimCodec.ok(all.map(OKXSimCodec.instrument)))
        }
        router.get("/api/v5/market/books") { request, _ -> Response in
            guard let inst = request.uri.queryParameters["instId"].map(String.init) else {
                return error("50014", "Parameter instId can not be empty.")
            }
            var sz = 1
            if let raw = request.uri.queryParameters["sz"] {
                guard let n = Int(String(raw)), n >= 1 else { return error("51000", "Parameter sz error") }
                sz = min(n, 400)
            }
            guard let s = await state.instrument(venue: .okx, symbol: inst) else { return unknownInstrument() }
            let v = s.views[0]
            return SimHTTP.json(OKXSimCodec.ok([#"{"asks":\#(OKXSimCodec.levels(v.asks.prefix(sz), s.spec)),"bids":\#(OKXSimCodec.levels(v.bids.prefix(sz), s.spec)),"ts":"\#(time.wallMillis())"}"#]))
        }
        router.get("/api/v5/market/ticker") { request, _ -> Response in
            guard let inst = request.uri.queryParameters["instId"].map(String.init) else {
                return error("50014", "Parameter instId can not be empty.")
            }
            guard let s = await state.instrument(venue: .okx, symbol: inst) else { return unknownInstrument() }
            return SimHTTP.json(OKXSimCodec.ok([OKXSimCodec.tickerItem(s, nowMs: time.wallMillis())]))
        }
        router.get("/api/v5/market/tickers") { request, _ -> Response in
            let type = request.uri.queryParameters["instType"].map(String.init)
            guard type == "SWAP" else { return SimHTTP.json(OKXSimCodec.ok([])) }
            return SimHTTP.json(OKXSimCodec.ok(await state.instruments(of: .okx).map { OKXSimCodec.tickerItem($0, nowMs: time.wallMillis()) }))
        }
        router.get("/api/v5/public/mark-price") { request, _ in
            await list(request, state) { OKXSimCodec.markItem($0, nowMs: time.wallMillis()) }
        }
        router.get("/api/v5/public/funding-rate") { request, _ in
            await list(request, state) { OKXSimCodec.fundingItem($0, nowMs: time.wallMillis()) }
        }
        OKXSimPrivateRoutes.add(to: router, state: state, time: time)
        router.ws("/ws/v5/public") { inbound, outbound, _ in
            await SimWebSocketSession.run(state: state, venue: .okx, combined: false, topics: [],
                                          inbound: inbound, outbound: outbound, time: time)
        }
    }

    static func list(_ request: Request, _ state: SimState, _ render: (SimInstrumentState) -> String) async -> Response {
        var all = await state.instruments(of: .okx)
        if let inst = request.uri.queryParameters["instId"].map(String.init) {
            all = all.filter { $0.spec.nativeSymbol == inst }
            if all.isEmpty { return unknownInstrument() }
        }
        return SimHTTP.json(OKXSimCodec.ok(all.map(render)))
    }

    /// OKX business errors come with HTTP 200 and a non-zero `code`.
    static func error(_ code: String, _ msg: String) -> Response {
        SimHTTP.json(#"{"code":"\#(code)","msg":\#(SimHTTP.quote(msg)),"data":[]}"#)
    }

    static func unknownInstrument() -> Response { error("51001", "Instrument ID does not exist") }
}
