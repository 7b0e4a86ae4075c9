import Foundation
import HTTPTypes
import Hummingbird
import PropCore
import Venues

/// Binance USD-M private REST front-end: orders, batch, amend, queries, account, dead-man switch and the
/// listen key, each behind `BinanceSimPrivateGate` (limits, API key, timestamp window, signature) and answered
/// in fapi's own shapes, calling the simulator's venue-neutral trading API.
enum BinanceSimPrivateRoutes {
    typealias Answer = (status: HTTPResponse.Status, json: String)
    typealias Refusal = BinanceSimPrivateOrderParams.Refusal

    static func add(to router: Router<SimHTTP.Context>, state: SimState, keys: BinanceSimListenKeys) {
        func route(_ method: HTTPRequest.Method, _ path: String, auth: BinanceSimPrivateGate.Auth = .signed,
                   _ body: @escaping @Sendable (BinanceSimCall) async -> Answer) {
            router.on(RouterPath(path), method: method) { request, _ in
                await BinanceSimPrivateGate.handle(request, state: state, auth: auth, body)
            }
        }
        let p = BinanceTradingPaths.self
        route(.post, p.order) { await place($0, state) }
        route(.get, p.order) { await query($0, state) }
        route(.get, "/fapi/v1/openOrder") { await query($0, state) }
        route(.delete, p.order) { await cancel($0, state) }
        route(.put, p.order) { await amend($0, state) }
        route(.post, p.batchOrders) { await placeBatch($0, state) }
        route(.delete, p.batchOrders) { await cancelBatch($0, state) }
        route(.delete, p.allOpenOrders) { await cancelAll($0, state) }
        route(.get, p.openOrders) { await openOrders($0, state) }
        route(.get, p.userTrades) { await userTrades($0, state) }
        for path in [p.positionRisk, "/fapi/v2/positionRisk"] { route(.get, path) { await BinanceSimPrivateAccount.positionRisk($0, state) } }
        for path in [p.balance, "/fapi/v2/balance"] { route(.get, path) { await BinanceSimPrivateAccount.balance($0, state) } }
        for path in [p.account, "/fapi/v2/account"] { route(.get, path) { await BinanceSimPrivateAccount.account($0, state) } }
        route(.get, p.leverageBracket) { await BinanceSimPrivateAccount.leverageBrackets($0, state) }
        route(.get, p.commissionRate) { await BinanceSimPrivateAccount.commissionRate($0, state) }
        route(.get, "/fapi/v1/income") { await BinanceSimPrivateAccount.income($0, state) }
        route(.post, p.countdownCancelAll) { await countdown($0, state) }
        route(.post, p.listenKey, auth: .apiKeyOnly) { call in
            (.ok, #"{"listenKey":"\#(await keys.create(nowMs: call.nowMs))"}"#)
        }
        route(.put, p.listenKey, auth: .apiKeyOnly) { call in
            guard let key = await keys.keepAlive(nowMs: call.nowMs) else {
                return (.badRequest, BinanceSimPrivateCodec.error(-1125, "This listenKey does not exist."))
            }
            return (.ok, #"{"listenKey":"\#(key)"}"#)
        }
        route(.delete, p.listenKey, auth: .apiKeyOnly) { _ in
            await keys.close()
            return (.ok, "{}")
        }
        // Simulator-only: make the live listen key lapse now (tests of `listenKeyExpired`).
        router.post("/sim/binance/expire-listen-key") { _, _ in
            await keys.expireNow(state: state)
            return SimHTTP.json("{}")
        }
    }

    static func refused(_ r: Refusal) -> Answer { (.badRequest, r.json) }

    static func rejected(_ reason: SimRejectReason, _ spec: SimInstrumentSpec?, cancel: Bool = false) -> Answer {
        let r = BinanceSimPrivateCodec.reject(reason, spec: spec, cancel: cancel)
        return (.badRequest, BinanceSimPrivateCodec.error(r.code, r.msg))
    }

    static func render(_ r: OrderReport, _ spec: SimInstrumentSpec, _ state: SimState) async -> String {
        let created = await state.orderCreatedMs(instrument: r.instrument, clientOrderId: r.clientOrderId, venueOrderId: r.venueOrderId)
        return BinanceSimPrivateCodec.order(r, spec: spec, createdMs: created)
    }

    /// `orderId` or `origClientOrderId`, one of them required.
    static func ids(_ call: BinanceSimCall) -> Result<(client: String?, venue: String?), Refusal> {
        let client = call["origClientOrderId"], venue = call["orderId"]
        if client == nil, venue == nil {
            return .failure(Refusal(code: -1102, msg: "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!"))
        }
        return .success((client, venue))
    }

    // MARK: handlers

    static func place(_ call: BinanceSimCall, _ state: SimState) async -> Answer {
        let inst: (InstrumentId, SimInstrumentSpec)
        switch await BinanceSimPrivateOrderParams.instrument(call.params, state: state) {
        case .success(let v): inst = v
        case .failure(let r): return refused(r)
        }
        return await placeOne(call.params, inst, state)
    }

    static func placeOne(_ params: [String: String], _ inst: (InstrumentId, SimInstrumentSpec), _ state: SimState) async -> Answer {
        switch BinanceSimPrivateOrderParams.order(params, instrument: inst.0) {
        case .failure(let r): return refused(r)
        case .success(let request):
            switch await state.placeOrder(request) {
            case .success(let report): return (.ok, await render(report, inst.1, state))
            case .failure(let reason): return rejected(reason, inst.1)
            }
        }
    }

    static func query(_ call: BinanceSimCall, _ state: SimState) async -> Answer {
        guard case .success(let inst) = await BinanceSimPrivateOrderParams.instrument(call.params, state: state) else {
            return refused(call["symbol"] == nil ? BinanceSimPrivateOrderParams.missing("symbol") : Refusal(code: -1121, msg: "Invalid symbol."))
        }
        let id: (client: String?, venue: String?)
        switch ids(call) { case .success(let v): id = v; case .failure(let r): return refused(r) }
        guard let report = await state.queryOrder(instrument: inst.0, clientOrderId: id.client, venueOrderId: id.venue) else {
            return rejected(.unknownOrder, inst.1)
        }
        if call.path == "/fapi/v1/openOrder", report.status.isFinal {
            return (.badRequest, BinanceSimPrivateCodec.error(-2013, "Order does not exist."))
        }
        return (.ok, await render(report, inst.1, state))
    }

    static func cancel(_ call: BinanceSimCall, _ state: SimState) async -> Answer {
        guard case .success(let inst) = await BinanceSimPrivateOrderParams.instrument(call.params, state: state) else {
            return refused(call["symbol"] == nil ? BinanceSimPrivateOrderParams.missing("symbol") : Refusal(code: -1121, msg: "Invalid symbol."))
        }
        let id: (client: String?, venue: String?)
        switch ids(call) { case .success(let v): id = v; case .failure(let r): return refused(r) }
        switch await state.cancelOrder(instrument: inst.0, clientOrderId: id.client, venueOrderId: id.venue) {
        case .success(let report): return (.ok, await render(report, inst.1, state))
        case .failure(let reason): return rejected(reason, inst.1, cancel: true)
        }
    }

    static func amend(_ call: BinanceSimCall, _ state: SimState) async -> Answer {
        guard case .success(let inst) = await BinanceSimPrivateOrderParams.instrument(call.params, state: state) else {
            return refused(call["symbol"] == nil ? BinanceSimPrivateOrderParams.missing("symbol") : Refusal(code: -1121, msg: "Invalid symbol."))
        }
        let id: (client: String?, venue: String?)
        switch ids(call) { case .success(let v): id = v; case .failure(let r): return refused(r) }
        for name in ["side", "quantity", "price"] where call[name] == nil { return refused(BinanceSimPrivateOrderParams.missing(name)) }
        guard let price = Price(call["price"] ?? ""), let qty = Qty(call["quantity"] ?? "") else {
            return refused(Refusal(code: -1100, msg: "Illegal characters found in a parameter."))
        }
        if let current = await state.queryOrder(instrument: inst.0, clientOrderId: id.client, venueOrderId: id.venue),
           (current.side == .buy ? "BUY" : "SELL") != call["side"] {
            return refused(Refusal(code: -4072, msg: "Side does not match the original order."))
        }
        switch await state.amendOrder(instrument: inst.0, clientOrderId: id.client, venueOrderId: id.venue, newPrice: price, newQty: qty) {
        case .success(let report): return (.ok, await render(report, inst.1, state))
        case .failure(let reason): return rejected(reason, inst.1)
        }
    }

    static func placeBatch(_ call: BinanceSimCall, _ state: SimState) async -> Answer {
        guard let raw = call["batchOrders"] else { return refused(BinanceSimPrivateOrderParams.missing("batchOrders")) }
        guard let list = try? JSONSerialization.jsonObject(with: Data(raw.utf8)) as? [[String: Any]], !list.isEmpty,
              list.count <= BinanceTradingPaths.maxBatchPlace else {
            return refused(Refusal(code: -1130, msg: "Data sent for parameter 'batchOrders' is not valid."))
        }
        var items: [String] = []
        for entry in list {
            var params: [String: String] = [:]
            for (k, v) in entry { params[k] = (v as? String) ?? "\(v)" }
            let answer: Answer
            switch await BinanceSimPrivateOrderParams.instrument(params, state: state) {
            case .failure(let r): answer = refused(r)
            case .success(let inst): answer = await placeOne(params, inst, state)
            }
            items.append(answer.json)
        }
        return (.ok, "[" + items.joined(separator: ",") + "]")
    }

    static func cancelBatch(_ call: BinanceSimCall, _ state: SimState) async -> Answer {
        guard case .success(let inst) = await BinanceSimPrivateOrderParams.instrument(call.params, state: state) else {
            return refused(call["symbol"] == nil ? BinanceSimPrivateOrderParams.missing("symbol") : Refusal(code: -1121, msg: "Invalid symbol."))
        }
        let byClient = call["origClientOrderIdList"]
        guard let raw = byClient ?? call["orderIdList"],
              let list = try? JSONSerialization.jsonObject(with: Data(raw.utf8)) as? [Any], !list.isEmpty,
              list.count <= BinanceTradingPaths.maxBatchCancel else {
            return refused(Refusal(code: -1102, msg: "Param 'origClientOrderIdList' or 'orderIdList' must be sent, but both were empty/null!"))
        }
        var items: [String] = []
        for entry in list {
            let id = (entry as? String) ?? "\(entry)"
            let result = await state.cancelOrder(instrument: inst.0, clientOrderId: byClient != nil ? id : nil,
                                                 venueOrderId: byClient == nil ? id : nil)
            switch result {
            case .success(let report): items.append(await render(report, inst.1, state))
            case .failure(let reason): items.append(rejected(reason, inst.1, cancel: true).json)
            }
        }
        return (.ok, "[" + items.joined(separator: ",") + "]")
    }

    static func cancelAll(_ call: BinanceSimCall, _ state: SimState) async -> Answer {
        guard case .success(let inst) = await BinanceSimPrivateOrderParams.instrument(call.params, state: state) else {
            return refused(call["symbol"] == nil ? BinanceSimPrivateOrderParams.missing("symbol") : Refusal(code: -1121, msg: "Invalid symbol."))
        }
        await state.cancelAllOrders(venue: .binance, instrument: inst.0)
        return (.ok, #"{"code":200,"msg":"The operation of cancel all open order is done."}"#)
    }

    static func openOrders(_ call: BinanceSimCall, _ state: SimState) async -> Answer {
        var only: InstrumentId?
        if call["symbol"] != nil {
            guard case .success(let inst) = await BinanceSimPrivateOrderParams.instrument(call.params, state: state) else {
                return refused(Refusal(code: -1121, msg: "Invalid symbol."))
            }
            only = inst.0
        }
        var items: [String] = []
        for r in await state.openOrders(venue: .binance, instrument: only) {
            guard let s = await state.instrument(venue: .binance, symbol: NativeSymbol.symbol(for: r.instrument)) else { continue }
            items.append(await render(r, s.spec, state))
        }
        return (.ok, "[" + items.joined(separator: ",") + "]")
    }

    static func userTrades(_ call: BinanceSimCall, _ state: SimState) async -> Answer {
        guard case .success(let inst) = await BinanceSimPrivateOrderParams.instrument(call.params, state: state) else {
            return refused(call["symbol"] == nil ? BinanceSimPrivateOrderParams.missing("symbol") : Refusal(code: -1121, msg: "Invalid symbol."))
        }
        if call["fromId"] != nil, call["startTime"] != nil || call["endTime"] != nil {
            return refused(Refusal(code: -4135, msg: "Parameter fromId is not allowed to be sent with startTime or endTime."))
        }
        let limit = min(1000, max(1, Int(call["limit"] ?? "500") ?? 500))
        let start = Int64(call["startTime"] ?? "") ?? (call.nowMs - 7 * 86_400_000)
        let end = Int64(call["endTime"] ?? "") ?? Int64.max
        var fills = await state.fills(venue: .binance, instrument: inst.0, sinceMs: call["fromId"] != nil ? 0 : start)
            .filter { $0.tsMs <= end }
        if let from = Int64(call["fromId"] ?? "") { fills = fills.filter { (Int64($0.tradeId) ?? 0) >= from } }
        let page = call["fromId"] != nil || call["startTime"] != nil ? Array(fills.prefix(limit)) : Array(fills.suffix(limit))
        return (.ok, "[" + page.map { BinanceSimPrivateCodec.trade($0, spec: inst.1) }.joined(separator: ",") + "]")
    }

    static func countdown(_ call: BinanceSimCall, _ state: SimState) async -> Answer {
        guard case .success(let inst) = await BinanceSimPrivateOrderParams.instrument(call.params, state: state) else {
            return refused(call["symbol"] == nil ? BinanceSimPrivateOrderParams.missing("symbol") : Refusal(code: -1121, msg: "Invalid symbol."))
        }
        guard let ms = Int64(call["countdownTime"] ?? ""), ms >= 0 else {
            return refused(BinanceSimPrivateOrderParams.missing("countdownTime"))
        }
        await state.armDeadManSwitch(venue: .binance, instrument: inst.0, timeoutMs: ms)
        return (.ok, #"{"symbol":"\#(inst.1.nativeSymbol)","countdownTime":"\#(ms)"}"#)
    }
}
