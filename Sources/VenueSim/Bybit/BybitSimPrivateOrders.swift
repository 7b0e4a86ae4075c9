import PropCore

/// Bybit order endpoints of the simulator: parse the venue's parameters into the venue-neutral request,
/// call the matching engine, render the answer. Reply shapes follow venues/bybit-v5.md §4.
enum BybitSimOrders {
    typealias Reply = BybitSimPrivateRoutes.Reply

    /// `orderLinkId`: at most 36 of letters, digits, `-`, `_`.
    static func validLinkId(_ s: String) -> Bool {
        s.utf8.count <= 36 && s.utf8.allSatisfy { c in
            (48...57).contains(c) || (65...90).contains(c) || (97...122).contains(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: "_")
        }
    }

    /// The linear instrument named by `symbol`, or the venue's error.
    static func instrument(_ s: SimState, _ p: [String: String]) async -> Result<InstrumentId, BybitSimError> {
        guard (p["category"] ?? "") == "linear" else { return .failure(.init(10001, "params error: category only support linear")) }
        guard let sym = p["symbol"], !sym.isEmpty else { return .failure(.init(10001, "params error: symbol is required")) }
        guard let st = await s.instrument(venue: .bybit, symbol: sym) else { return .failure(.init(10001, "params error: symbol invalid")) }
        return .success(st.spec.id)
    }

    /// Parses one order object (`category` may come from the batch envelope).
    static func orderRequest(_ s: SimState, _ p: [String: String]) async -> Result<OrderRequest, BybitSimError> {
        let id: InstrumentId
        switch await instrument(s, p) {
        case .failure(let e): return .failure(e)
        case .success(let i): id = i
        }
        let side: OrderSide
        switch p["side"] {
        case "Buy": side = .buy
        case "Sell": side = .sell
        default: return .failure(.init(10001, "params error: side invalid"))
        }
        let type: OrderType
        switch p["orderType"] {
        case "Limit": type = .limit
        case "Market": type = .market
        default: return .failure(.init(10001, "params error: orderType invalid"))
        }
        guard let qtyText = p["qty"], let qty = Qty(qtyText), qty.units > 0 else { return .failure(.init(10001, "params error: qty invalid")) }
        var price: Price?
        if type == .limit {
            guard let t = p["price"], let pr = Price(t), pr.units > 0 else { return .failure(.init(10001, "params error: price invalid")) }
            price = pr
        }
        let tif: TimeInForce
        switch p["timeInForce"] ?? (type == .market ? "IOC" : "GTC") {
        case "GTC": tif = type == .market ? .ioc : .gtc
        case "IOC": tif = .ioc
        case "FOK": tif = .fok
        case "PostOnly" where type == .limit: tif = .postOnly
        default: return .failure(.init(10001, "params error: timeInForce invalid"))
        }
        if let idx = p["positionIdx"], idx != "0" { return .failure(.init(10001, "params error: position idx not match position mode")) }
        let link = p["orderLinkId"] ?? ""
        guard validLinkId(link) else { return .failure(.init(10001, "params error: orderLinkId invalid")) }
        let reduceOnly = p["reduceOnly"] == "true"
        return .success(OrderRequest(clientOrderId: link, instrument: id, side: side, type: type, timeInForce: tif,
                                     price: price, qty: qty, reduceOnly: reduceOnly))
    }

    /// Places one order. A crossing PostOnly order is accepted (the engine cancels it and records why).
    static func place(_ s: SimState, _ p: [String: String]) async -> Result<OrderReport, BybitSimError> {
        let request: OrderRequest
        switch await orderRequest(s, p) {
        case .failure(let e): return .failure(e)
        case .success(let r): request = r
        }
        switch await s.placeOrder(request) {
        case .success(let report): return .success(report)
        case .failure(.postOnlyWouldTake):
            if let report = await s.queryOrder(instrument: request.instrument, clientOrderId: request.clientOrderId, venueOrderId: nil) {
                return .success(report)
            }
            return .failure(BybitSimError(BybitSimPrivateRoutes.reject(.postOnlyWouldTake)))
        case .failure(let reason): return .failure(BybitSimError(BybitSimPrivateRoutes.reject(reason)))
        }
    }

    static func create(_ s: SimState, _ p: [String: String]) async -> Reply {
        switch await place(s, p) {
        case .failure(let e): return .failure(e.code, e.msg)
        case .success(let r): return .ok(#"{"orderId":"\#(r.venueOrderId)","orderLinkId":\#(SimHTTP.quote(r.clientOrderId))}"#)
        }
    }

    static func createBatch(_ s: SimState, _ c: BybitSimCall) async -> Reply {
        await batch(c, { await place(s, $0) }) { r, item in
            guard let r else { return #"{"category":"","symbol":"","orderId":"","orderLinkId":"","createAt":""}"# }
            return #"{"category":"linear","symbol":"\#(NativeSymbol.symbol(for: r.instrument))","orderId":"\#(r.venueOrderId)","orderLinkId":\#(SimHTTP.quote(r.clientOrderId)),"createAt":"\#(c.nowMs)"}"#
        }
    }

    /// A batch call (`create-batch`, `cancel-batch`): each item runs `op` in order; `row` renders its `list` entry
    /// (the report on success, nil on failure) and `retExtInfo.list` carries each item's code.
    static func batch(_ c: BybitSimCall, _ op: ([String: String]) async -> Result<OrderReport, BybitSimError>,
                      row: (OrderReport?, [String: String]) -> String) async -> Reply {
        guard (c.params["category"] ?? "") == "linear" else { return .failure(10001, "params error: category only support linear") }
        guard let items = c.items, !items.isEmpty else { return .failure(10001, "params error: request is required") }
        guard items.count <= 20 else { return .failure(10001, "params error: batch size exceeds 20") }
        var list: [String] = [], ext: [String] = []
        for var item in items {
            item["category"] = "linear"
            switch await op(item) {
            case .success(let r):
                list.append(row(r, item))
                ext.append(#"{"code":0,"msg":"OK"}"#)
            case .failure(let e):
                list.append(row(nil, item))
                ext.append(#"{"code":\#(e.code),"msg":\#(SimHTTP.quote(e.msg))}"#)
            }
        }
        return .ok(#"{"list":[\#(list.joined(separator: ","))]}"#, ext: #"{"list":[\#(ext.joined(separator: ","))]}"#)
    }

    /// Cancels one order by `orderId` or `orderLinkId`.
    static func cancelOne(_ s: SimState, _ p: [String: String]) async -> Result<OrderReport, BybitSimError> {
        let id: InstrumentId
        switch await instrument(s, p) {
        case .failure(let e): return .failure(e)
        case .success(let i): id = i
        }
        let orderId = p["orderId"].flatMap { $0.isEmpty ? nil : $0 }, link = p["orderLinkId"].flatMap { $0.isEmpty ? nil : $0 }
        guard orderId != nil || link != nil else { return .failure(.init(10001, "params error: orderId or orderLinkId is required")) }
        switch await s.cancelOrder(instrument: id, clientOrderId: link, venueOrderId: orderId) {
        case .success(let r): return .success(r)
        case .failure(let reason): return .failure(BybitSimError(BybitSimPrivateRoutes.reject(reason)))
        }
    }

    static func cancel(_ s: SimState, _ p: [String: String]) async -> Reply {
        switch await cancelOne(s, p) {
        case .failure(let e): return .failure(e.code, e.msg)
        case .success(let r): return .ok(#"{"orderId":"\#(r.venueOrderId)","orderLinkId":\#(SimHTTP.quote(r.clientOrderId))}"#)
        }
    }

    static func cancelBatch(_ s: SimState, _ c: BybitSimCall) async -> Reply {
        await batch(c, { await cancelOne(s, $0) }) { r, item in
            guard let r else { return #"{"category":"linear","symbol":\#(SimHTTP.quote(item["symbol"] ?? "")),"orderId":"","orderLinkId":""}"# }
            return #"{"category":"linear","symbol":"\#(NativeSymbol.symbol(for: r.instrument))","orderId":"\#(r.venueOrderId)","orderLinkId":\#(SimHTTP.quote(r.clientOrderId))}"#
        }
    }

    static func cancelAll(_ s: SimState, _ p: [String: String]) async -> Reply {
        guard (p["category"] ?? "") == "linear" else { return .failure(10001, "params error: category only support linear") }
        var instrument: InstrumentId?
        if let sym = p["symbol"], !sym.isEmpty {
            guard let st = await s.instrument(venue: .bybit, symbol: sym) else { return .failure(10001, "params error: symbol invalid") }
            instrument = st.spec.id
        } else if p["settleCoin"] != "USDT", p["baseCoin"] == nil {
            return .failure(10001, "params error: symbol, baseCoin or settleCoin is required")
        }
        var cancelled = await s.cancelAllOrders(venue: .bybit, instrument: instrument)
        if instrument == nil, let base = p["baseCoin"] { cancelled = cancelled.filter { $0.instrument.base == base } }
        let items = cancelled.map { #"{"orderId":"\#($0.venueOrderId)","orderLinkId":\#(SimHTTP.quote($0.clientOrderId))}"# }
        return .ok(#"{"list":[\#(items.joined(separator: ","))],"success":"1"}"#)
    }

    static func amend(_ s: SimState, _ p: [String: String]) async -> Reply {
        let id: InstrumentId
        switch await instrument(s, p) {
        case .failure(let e): return .failure(e.code, e.msg)
        case .success(let i): id = i
        }
        let orderId = p["orderId"].flatMap { $0.isEmpty ? nil : $0 }, link = p["orderLinkId"].flatMap { $0.isEmpty ? nil : $0 }
        guard orderId != nil || link != nil else { return .failure(10001, "params error: orderId or orderLinkId is required") }
        var qty: Qty?, price: Price?
        if let t = p["qty"], !t.isEmpty { guard let q = Qty(t), q.units > 0 else { return .failure(10001, "params error: qty invalid") }; qty = q }
        if let t = p["price"], !t.isEmpty { guard let v = Price(t), v.units > 0 else { return .failure(10001, "params error: price invalid") }; price = v }
        guard qty != nil || price != nil else { return .failure(10001, "params error: nothing to amend") }
        switch await s.amendOrder(instrument: id, clientOrderId: link, venueOrderId: orderId, newPrice: price, newQty: qty) {
        case .success(let r): return .ok(#"{"orderId":"\#(r.venueOrderId)","orderLinkId":\#(SimHTTP.quote(r.clientOrderId))}"#)
        case .failure(let reason):
            let (code, msg) = BybitSimPrivateRoutes.reject(reason)
            return .failure(code, msg)
        }
    }

    /// Disconnect-cancel-all: `timeWindow` seconds (3…300); the engine cancels every open order once no
    /// authenticated private socket has been connected for that long.
    static func disconnectCancelAll(_ s: SimState, _ p: [String: String]) async -> Reply {
        guard let t = p["timeWindow"], let seconds = Int64(t), (3...300).contains(seconds) else {
            return .failure(10001, "params error: timeWindow must be between 3 and 300")
        }
        await s.setDisconnectCancelAll(venue: .bybit, windowMs: seconds * 1000)
        return .ok("{}")
    }
}

/// A Bybit `retCode` and `retMsg`.
struct BybitSimError: Error, Sendable {
    var code: Int
    var msg: String
    init(_ code: Int, _ msg: String) { self.code = code; self.msg = msg }
    init(_ pair: (Int, String)) { self.code = pair.0; self.msg = pair.1 }
}
