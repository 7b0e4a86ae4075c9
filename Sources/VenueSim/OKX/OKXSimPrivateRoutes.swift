import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import PropCore

/// OKX v5 private REST front-end: orders (place, batch, cancel, batch cancel, amend, query, pending), fills,
/// positions, balance, fee rates, Cancel-All-After, and the `/ws/v5/private` socket. Every request is signed
/// and checked like the venue (`OKXSimPrivateAuth`), counted against OKX's per-endpoint limits (HTTP 429
/// `50011` when over), and served by the venue-neutral `SimState` trading API.
enum OKXSimPrivateRoutes {
    /// Per-endpoint limits as (requests, window ms); trading limits are per instrument (venues/okx-v5.md §4, §6).
    enum Limit {
        static let order = (60, Int64(2_000))
        static let batchOrders = (300, Int64(2_000))
        static let query = (60, Int64(2_000))
        static let account = (10, Int64(2_000))
        static let cancelAllAfter = (1, Int64(1_000))
    }

    static func add(to router: Router<SimHTTP.Context>, state: SimState, time: any TimeSource) {
        router.post("/api/v5/trade/order") { r, _ in await serve(r, state) { req in await place(req, state) } }
        router.post("/api/v5/trade/batch-orders") { r, _ in await serve(r, state) { req in await placeBatch(req, state) } }
        router.post("/api/v5/trade/cancel-order") { r, _ in await serve(r, state) { req in await cancel(req, state, batch: false) } }
        router.post("/api/v5/trade/cancel-batch-orders") { r, _ in await serve(r, state) { req in await cancel(req, state, batch: true) } }
        router.post("/api/v5/trade/amend-order") { r, _ in await serve(r, state) { req in await amend(req, state) } }
        router.get("/api/v5/trade/order") { r, _ in await serve(r, state) { req in await query(req, state) } }
        router.get("/api/v5/trade/orders-pending") { r, _ in await serve(r, state) { req in await pending(req, state) } }
        router.get("/api/v5/trade/fills") { r, _ in await serve(r, state) { req in await fills(req, state) } }
        router.get("/api/v5/trade/fills-history") { r, _ in await serve(r, state) { req in await fills(req, state) } }
        router.get("/api/v5/account/positions") { r, _ in await serve(r, state) { req in await positions(req, state) } }
        router.get("/api/v5/account/balance") { r, _ in await serve(r, state) { req in await balance(req, state) } }
        router.get("/api/v5/account/trade-fee") { r, _ in await serve(r, state) { req in await tradeFee(req, state) } }
        router.get("/api/v5/asset/currencies") { r, _ in await serve(r, state) { req in await currencies(req, state) } }
        router.post("/api/v5/trade/cancel-all-after") { r, _ in await serve(r, state) { req in await cancelAllAfter(req, state) } }
        router.ws("/ws/v5/private") { inbound, outbound, _ in
            await SimWebSocketSession.run(state: state, venue: .okx, combined: false, topics: [SimState.okxPrivateMarker],
                                          inbound: inbound, outbound: outbound, time: time)
        }
    }

    // MARK: plumbing

    /// OKX errors outside an order item: `{"code":…,"msg":…,"data":[]}`.
    static func reply(_ code: String, _ msg: String, status: HTTPResponse.Status = .ok) -> Response {
        SimHTTP.json(#"{"code":"\#(code)","data":[],"msg":\#(SimHTTP.quote(msg))}"#, status: status)
    }

    static let rateLimited = reply("50011", "Too Many Requests", status: .tooManyRequests)

    /// Reads the body, authenticates, parses, then runs `handler`.
    static func serve(_ request: Request, _ state: SimState,
                      _ handler: (OKXSimPrivateRequest) async -> Response) async -> Response {
        var r = request
        let body: String
        do { body = String(buffer: try await r.collectBody(upTo: 1 << 20)) } catch { return reply("50002", "JSON syntax error", status: .badRequest) }
        let now = await state.nowMsPublic()
        let creds = await state.credentials
        if let f = OKXSimPrivateAuth.verify(
            method: request.method.rawValue, requestPath: request.uri.string, body: body,
            key: OKXSimPrivateAuth.header(request, "OK-ACCESS-KEY"), sign: OKXSimPrivateAuth.header(request, "OK-ACCESS-SIGN"),
            timestamp: OKXSimPrivateAuth.header(request, "OK-ACCESS-TIMESTAMP"),
            passphrase: OKXSimPrivateAuth.header(request, "OK-ACCESS-PASSPHRASE"), credentials: creds, nowMs: now) {
            return reply(f.code, f.msg, status: .unauthorized)
        }
        var objects: [[String: String]] = []
        if request.method == .post {
            guard let parsed = OKXSimPrivateRequest.parseBody(body) else { return reply("50002", "JSON syntax error", status: .badRequest) }
            objects = parsed
        }
        var query: [String: String] = [:]
        for (k, v) in request.uri.queryParameters { query[String(k)] = String(v) }
        return await handler(OKXSimPrivateRequest(objects: objects, query: query, nowMs: now))
    }

    /// A per-item failure: OKX `sCode`/`sMsg`.
    struct ItemFailure: Error { var sCode: String; var sMsg: String }

    static func reject(_ reason: SimRejectReason, op: String) -> ItemFailure {
        switch reason {
        case .duplicateClientOrderId: ItemFailure(sCode: "51016", sMsg: "Duplicated clOrdId")
        case .unknownOrder where op == "cancel":
            ItemFailure(sCode: "51400", sMsg: "Order cancellation failed as the order has been filled, canceled or does not exist.")
        case .unknownOrder, .notAmendable:
            ItemFailure(sCode: "51503", sMsg: "Order modification failed as the order has been filled, canceled or does not exist.")
        // The real venue accepts such an order and cancels it (cancelSource 31); the engine refuses it instead,
        // so the refusal carries the post-only code our connector (and the brief) use.
        case .postOnlyWouldTake: ItemFailure(sCode: "51019", sMsg: "Order failed. The post-only order would take liquidity.")
        case .reduceOnlyViolation:
            ItemFailure(sCode: "51169", sMsg: "Order failed because you don't have any positions in this direction for this contract to reduce or close.")
        case .insufficientMargin: ItemFailure(sCode: "51008", sMsg: "Order failed. Insufficient USDT margin in account")
        case .invalidQuantity: ItemFailure(sCode: "51121", sMsg: "Order quantity must be a multiple of the lot size.")
        case .invalidPrice: ItemFailure(sCode: "51000", sMsg: "Parameter px error")
        case .belowMinNotional: ItemFailure(sCode: "51020", sMsg: "Your order should meet or exceed the minimum order amount.")
        case .unknownSymbol: ItemFailure(sCode: "51001", sMsg: "Instrument ID does not exist.")
        }
    }

    static func instrument(_ o: [String: String]) -> Result<InstrumentId, ItemFailure> {
        guard let s = o["instId"], !s.isEmpty else { return .failure(ItemFailure(sCode: "50014", sMsg: "Parameter instId can not be empty.")) }
        guard let id = NativeSymbol.perpetual(venue: .okx, symbol: s) else {
            return .failure(ItemFailure(sCode: "51001", sMsg: "Instrument ID does not exist."))
        }
        return .success(id)
    }

    static func isClOrdId(_ s: String) -> Bool {
        s.utf8.count <= 32 && s.utf8.allSatisfy { (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) }
    }

    /// An order object → `OrderRequest`, with the venue's parameter checks.
    static func orderRequest(_ o: [String: String]) -> Result<OrderRequest, ItemFailure> {
        func bad(_ p: String) -> Result<OrderRequest, ItemFailure> { .failure(ItemFailure(sCode: "51000", sMsg: "Parameter \(p) error")) }
        func empty(_ p: String) -> Result<OrderRequest, ItemFailure> { .failure(ItemFailure(sCode: "50014", sMsg: "Parameter \(p) can not be empty.")) }
        let inst: InstrumentId
        switch instrument(o) { case .success(let i): inst = i; case .failure(let f): return .failure(f) }
        guard let td = o["tdMode"], !td.isEmpty else { return empty("tdMode") }
        guard td == "cross" || td == "isolated" else { return bad("tdMode") }
        guard let sideText = o["side"], let side = OrderSide(rawValue: sideText) else { return o["side"] == nil ? empty("side") : bad("side") }
        if let ps = o["posSide"], !ps.isEmpty, ps != "net" { return bad("posSide") }
        let kind: (OrderType, TimeInForce)
        switch o["ordType"] {
        case "market", "optimal_limit_ioc": kind = (.market, .gtc)
        case "limit": kind = (.limit, .gtc)
        case "post_only": kind = (.limit, .postOnly)
        case "ioc": kind = (.limit, .ioc)
        case "fok": kind = (.limit, .fok)
        case nil: return empty("ordType")
        default: return bad("ordType")
        }
        guard let szText = o["sz"], !szText.isEmpty else { return empty("sz") }
        guard let sz = Qty(szText), sz.units > 0 else { return bad("sz") }
        var px: Price?
        if kind.0 == .limit {
            guard let pxText = o["px"], !pxText.isEmpty else { return empty("px") }
            guard let p = Price(pxText), p.units > 0 else { return bad("px") }
            px = p
        }
        let clOrdId = o["clOrdId"] ?? ""
        guard isClOrdId(clOrdId) else { return bad("clOrdId") }
        return .success(OrderRequest(clientOrderId: clOrdId, instrument: inst, side: side, type: kind.0, timeInForce: kind.1,
                                     price: px, qty: sz, reduceOnly: OKXSimPrivateRequest.isTrue(o["reduceOnly"])))
    }

    // MARK: orders

    /// Places one parsed order; the per-item answer and whether it succeeded.
    static func placeOne(_ o: [String: String], _ state: SimState, nowMs: Int64) async -> (text: String, ok: Bool) {
        let clOrdId = o["clOrdId"] ?? ""
        func fail(_ f: ItemFailure) -> (String, Bool) { (OKXSimPrivateCodec.ack(clOrdId: clOrdId, ordId: "", sCode: f.sCode, sMsg: f.sMsg, nowMs: nowMs), false) }
        let request: OrderRequest
        switch orderRequest(o) { case .success(let r): request = r; case .failure(let f): return fail(f) }
        switch await state.placeOrder(request) {
        case .success(let report):
            return (OKXSimPrivateCodec.ack(clOrdId: clOrdId, ordId: report.venueOrderId, sMsg: "Order placed", nowMs: nowMs), true)
        case .failure(let reason):
            return fail(reject(reason, op: "place"))
        }
    }

    static func place(_ req: OKXSimPrivateRequest, _ state: SimState) async -> Response {
        guard let o = req.objects.first else { return reply("50000", "Body cannot be empty.", status: .badRequest) }
        let (n, w) = Limit.order
        guard await state.okxAllow("order.\(o["instId"] ?? "")", limit: n, windowMs: w) else { return rateLimited }
        return SimHTTP.json(OKXSimPrivateCodec.batch([await placeOne(o, state, nowMs: req.nowMs)], nowMs: req.nowMs))
    }

    static func placeBatch(_ req: OKXSimPrivateRequest, _ state: SimState) async -> Response {
        guard !req.objects.isEmpty else { return reply("50000", "Body cannot be empty.", status: .badRequest) }
        guard req.objects.count <= 20 else { return reply("50025", "Parameter orders count exceeds the limit 20") }
        let (n, w) = Limit.batchOrders
        guard await state.okxAllow("batch-orders", weight: req.objects.count, limit: n, windowMs: w) else { return rateLimited }
        var items: [(text: String, ok: Bool)] = []
        for o in req.objects { items.append(await placeOne(o, state, nowMs: req.nowMs)) }
        return SimHTTP.json(OKXSimPrivateCodec.batch(items, nowMs: req.nowMs))
    }

    /// `cancel-order` (one object) and `cancel-batch-orders` (up to 20).
    static func cancel(_ req: OKXSimPrivateRequest, _ state: SimState, batch: Bool) async -> Response {
        guard !req.objects.isEmpty else { return reply("50000", "Body cannot be empty.", status: .badRequest) }
        guard req.objects.count <= 20 else { return reply("50025", "Parameter orders count exceeds the limit 20") }
        let (n, w) = batch ? Limit.batchOrders : Limit.order
        let bucket = batch ? "cancel-batch-orders" : "cancel.\(req.objects[0]["instId"] ?? "")"
        guard await state.okxAllow(bucket, weight: req.objects.count, limit: n, windowMs: w) else { return rateLimited }
        var items: [(text: String, ok: Bool)] = []
        for o in req.objects {
            let clOrdId = o["clOrdId"] ?? "", ordId = o["ordId"] ?? ""
            func fail(_ f: ItemFailure) { items.append((OKXSimPrivateCodec.ack(clOrdId: clOrdId, ordId: ordId, sCode: f.sCode, sMsg: f.sMsg, nowMs: req.nowMs), false)) }
            guard !clOrdId.isEmpty || !ordId.isEmpty else { fail(ItemFailure(sCode: "51003", sMsg: "Either client order ID or order ID is required.")); continue }
            let inst: InstrumentId
            switch instrument(o) { case .success(let i): inst = i; case .failure(let f): fail(f); continue }
            switch await state.cancelOrder(instrument: inst, clientOrderId: clOrdId.isEmpty ? nil : clOrdId, venueOrderId: ordId.isEmpty ? nil : ordId) {
            case .success(let r):
                items.append((OKXSimPrivateCodec.ack(clOrdId: OKXSimPrivateCodec.clOrdId(r), ordId: r.venueOrderId, sMsg: "", nowMs: req.nowMs), true))
            case .failure(let reason): fail(reject(reason, op: "cancel"))
            }
        }
        return SimHTTP.json(OKXSimPrivateCodec.batch(items, nowMs: req.nowMs))
    }

    static func amend(_ req: OKXSimPrivateRequest, _ state: SimState) async -> Response {
        guard let o = req.objects.first else { return reply("50000", "Body cannot be empty.", status: .badRequest) }
        let (n, w) = Limit.order
        guard await state.okxAllow("amend.\(o["instId"] ?? "")", limit: n, windowMs: w) else { return rateLimited }
        let clOrdId = o["clOrdId"] ?? "", ordId = o["ordId"] ?? ""
        func fail(_ f: ItemFailure) -> Response {
            SimHTTP.json(OKXSimPrivateCodec.batch([(OKXSimPrivateCodec.ack(clOrdId: clOrdId, ordId: ordId, sCode: f.sCode, sMsg: f.sMsg, nowMs: req.nowMs, reqId: o["reqId"] ?? ""), false)], nowMs: req.nowMs))
        }
        guard !clOrdId.isEmpty || !ordId.isEmpty else { return fail(ItemFailure(sCode: "51003", sMsg: "Either client order ID or order ID is required.")) }
        let inst: InstrumentId
        switch instrument(o) { case .success(let i): inst = i; case .failure(let f): return fail(f) }
        let newSz = o["newSz"].flatMap { $0.isEmpty ? nil : $0 }, newPx = o["newPx"].flatMap { $0.isEmpty ? nil : $0 }
        guard newSz != nil || newPx != nil else { return fail(ItemFailure(sCode: "51000", sMsg: "Parameter newSz error")) }
        let qty = newSz.flatMap { Qty($0) }, price = newPx.flatMap { Price($0) }
        if newSz != nil, qty == nil { return fail(ItemFailure(sCode: "51000", sMsg: "Parameter newSz error")) }
        if newPx != nil, price == nil { return fail(ItemFailure(sCode: "51000", sMsg: "Parameter newPx error")) }
        switch await state.amendOrder(instrument: inst, clientOrderId: clOrdId.isEmpty ? nil : clOrdId, venueOrderId: ordId.isEmpty ? nil : ordId,
                                      newPrice: price, newQty: qty) {
        case .success(let r):
            return SimHTTP.json(OKXSimPrivateCodec.batch([(OKXSimPrivateCodec.ack(clOrdId: OKXSimPrivateCodec.clOrdId(r), ordId: r.venueOrderId, sMsg: "", nowMs: req.nowMs, reqId: o["reqId"] ?? ""), true)], nowMs: req.nowMs))
        case .failure(let reason):
            return fail(reject(reason, op: "amend"))
        }
    }

    /// An order object with its accumulated fee and, when it traded, its latest fill.
    static func renderOrder(_ r: OrderReport, _ state: SimState) async -> String {
        let fills = await state.fills(venue: .okx, instrument: r.instrument, sinceMs: 0).filter { $0.venueOrderId == r.venueOrderId }
        let fee = fills.reduce(Qty.zero) { $0 + $1.fee }
        return OKXSimPrivateCodec.order(r, lastFill: fills.last, feeTotal: fee)
    }

    static func query(_ req: OKXSimPrivateRequest, _ state: SimState) async -> Response {
        let (n, w) = Limit.query
        guard await state.okxAllow("query", limit: n, windowMs: w) else { return rateLimited }
        let inst: InstrumentId
        switch instrument(req.query) { case .success(let i): inst = i; case .failure(let f): return reply(f.sCode, f.sMsg) }
        let clOrdId = req.query["clOrdId"] ?? "", ordId = req.query["ordId"] ?? ""
        guard !clOrdId.isEmpty || !ordId.isEmpty else { return reply("51003", "Either client order ID or order ID is required.") }
        guard let r = await state.queryOrder(instrument: inst, clientOrderId: clOrdId.isEmpty ? nil : clOrdId, venueOrderId: ordId.isEmpty ? nil : ordId)
        else { return reply("51603", "Order does not exist") }
        return SimHTTP.json(OKXSimPrivateCodec.ok([await renderOrder(r, state)], nowMs: req.nowMs))
    }

    /// Newest first (OKX order), by numeric venue id.
    static func newestFirst(_ a: OrderReport, _ b: OrderReport) -> Bool {
        (Int64(a.venueOrderId) ?? 0, a.venueOrderId) > (Int64(b.venueOrderId) ?? 0, b.venueOrderId)
    }

    static func pageLimit(_ req: OKXSimPrivateRequest) -> Int { min(100, max(1, req.query["limit"].flatMap { Int($0) } ?? 100)) }

    static func pending(_ req: OKXSimPrivateRequest, _ state: SimState) async -> Response {
        let (n, w) = Limit.query
        guard await state.okxAllow("orders-pending", limit: n, windowMs: w) else { return rateLimited }
        if let t = req.query["instType"], !t.isEmpty, t != "SWAP" { return SimHTTP.json(OKXSimPrivateCodec.ok([], nowMs: req.nowMs)) }
        var inst: InstrumentId?
        if req.query["instId"] != nil {
            switch instrument(req.query) { case .success(let i): inst = i; case .failure(let f): return reply(f.sCode, f.sMsg) }
        }
        var open = await state.openOrders(venue: .okx, instrument: inst).sorted(by: newestFirst)
        if let after = req.query["after"].flatMap({ Int64($0) }) { open = open.filter { (Int64($0.venueOrderId) ?? 0) < after } }
        var items: [String] = []
        for r in open.prefix(pageLimit(req)) { items.append(await renderOrder(r, state)) }
        return SimHTTP.json(OKXSimPrivateCodec.ok(items, nowMs: req.nowMs))
    }

    static func fills(_ req: OKXSimPrivateRequest, _ state: SimState) async -> Response {
        let (n, w) = Limit.query
        guard await state.okxAllow("fills", limit: n, windowMs: w) else { return rateLimited }
        var inst: InstrumentId?
        if req.query["instId"] != nil {
            switch instrument(req.query) { case .success(let i): inst = i; case .failure(let f): return reply(f.sCode, f.sMsg) }
        }
        let begin = req.query["begin"].flatMap { Int64($0) } ?? 0
        let end = req.query["end"].flatMap { Int64($0) } ?? Int64.max
        let all = await state.fills(venue: .okx, instrument: inst, sinceMs: begin).filter { $0.tsMs <= end }
        let page = all.reversed().prefix(pageLimit(req))
        return SimHTTP.json(OKXSimPrivateCodec.ok(page.map(OKXSimPrivateCodec.fill), nowMs: req.nowMs))
    }

    // MARK: account

    static func markPx(_ id: InstrumentId, _ state: SimState) async -> String {
        guard let s = await state.instrument(venue: .okx, symbol: NativeSymbol.symbol(for: id)) else { return "" }
        return OKXSimCodec.markPx(s)
    }

    static func positions(_ req: OKXSimPrivateRequest, _ state: SimState) async -> Response {
        let (n, w) = Limit.account
        guard await state.okxAllow("positions", limit: n, windowMs: w) else { return rateLimited }
        if let t = req.query["instType"], !t.isEmpty, t != "SWAP" { return SimHTTP.json(OKXSimPrivateCodec.ok([], nowMs: req.nowMs)) }
        let wanted = req.query["instId"].map { Set($0.split(separator: ",").map(String.init)) }
        var items: [String] = []
        for p in await state.positions(venue: .okx) where !p.qty.isZero {
            if let wanted, !wanted.contains(NativeSymbol.symbol(for: p.instrument)) { continue }
            items.append(OKXSimPrivateCodec.position(p, markPx: await markPx(p.instrument, state), nowMs: req.nowMs))
        }
        return SimHTTP.json(OKXSimPrivateCodec.ok(items, nowMs: req.nowMs))
    }

    static func accountObject(_ state: SimState, nowMs: Int64) async -> String {
        let b = await state.balance(venue: .okx)
        let upl = await state.positions(venue: .okx).reduce(Qty.zero) { $0 + $1.unrealizedPnl }
        return OKXSimPrivateCodec.account(b, upl: upl, nowMs: nowMs)
    }

    static func balance(_ req: OKXSimPrivateRequest, _ state: SimState) async -> Response {
        let (n, w) = Limit.account
        guard await state.okxAllow("balance", limit: n, windowMs: w) else { return rateLimited }
        return SimHTTP.json(OKXSimPrivateCodec.ok([await accountObject(state, nowMs: req.nowMs)], nowMs: req.nowMs))
    }

    static func tradeFee(_ req: OKXSimPrivateRequest, _ state: SimState) async -> Response {
        let (n, w) = Limit.account
        guard await state.okxAllow("trade-fee", limit: n, windowMs: w) else { return rateLimited }
        let (maker, taker) = await state.feeRates(venue: .okx)
        let m = (-maker).trimmedDescription, t = (-taker).trimmedDescription
        return SimHTTP.json(OKXSimPrivateCodec.ok([#"{"category":"1","delivery":"","exercise":"","fiat":[],"instType":"SWAP","level":"Lv1","maker":"\#(m)","makerU":"\#(m)","makerUSDC":"\#(m)","taker":"\#(t)","takerU":"\#(t)","takerUSDC":"\#(t)","ts":"\#(req.nowMs)"}"#], nowMs: req.nowMs))
    }

    /// The currency list (ccxt reads it while loading markets when it has keys); deposits and withdrawals are
    /// shown disabled: the simulated account only trades.
    static func currencies(_ req: OKXSimPrivateRequest, _ state: SimState) async -> Response {
        let (n, w) = Limit.account
        guard await state.okxAllow("currencies", limit: n, windowMs: w) else { return rateLimited }
        let names = ["USDT": "Tether", "BTC": "Bitcoin", "ETH": "Ethereum", "SOL": "Solana"]
        let items = ["USDT", "BTC", "ETH", "SOL"].map { c in
            #"{"canDep":false,"canInternal":false,"canWd":false,"ccy":"\#(c)","chain":"\#(c)-\#(c == "USDT" ? "ERC20" : c)","depQuotaFixed":"","depQuoteDailyLayer2":"","logoLink":"","mainNet":true,"maxFee":"0","maxFeeForCtAddr":"","maxWd":"0","minDep":"0.00000001","minDepArrivalConfirm":"1","minFee":"0","minFeeForCtAddr":"","minWd":"0","minWdUnlockConfirm":"1","name":"\#(names[c] ?? c)","needTag":false,"usedDepQuotaFixed":"","usedWdQuota":"0","wdQuota":"0","wdTickSz":"8"}"#
        }
        return SimHTTP.json(OKXSimPrivateCodec.ok(items, nowMs: req.nowMs))
    }

    /// Cancel-All-After: `timeOut` 0 (off) or 10…120 s; 1 request per second.
    static func cancelAllAfter(_ req: OKXSimPrivateRequest, _ state: SimState) async -> Response {
        let (n, w) = Limit.cancelAllAfter
        guard await state.okxAllow("cancel-all-after", limit: n, windowMs: w) else { return rateLimited }
        guard let text = req.value("timeOut"), !text.isEmpty else { return reply("50014", "Parameter timeOut can not be empty.") }
        guard let secs = Int64(text), secs == 0 || (10...120).contains(secs) else { return reply("51000", "Parameter timeOut error") }
        await state.armDeadManSwitch(venue: .okx, instrument: nil, timeoutMs: secs * 1000)
        let trigger = secs == 0 ? "0" : String(req.nowMs + secs * 1000)
        return SimHTTP.json(OKXSimPrivateCodec.ok([#"{"triggerTime":"\#(trigger)","tag":"","ts":"\#(req.nowMs)"}"#], nowMs: req.nowMs))
    }
}
