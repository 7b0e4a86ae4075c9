import PropCore

/// Bybit account queries of the simulator: orders (realtime/history), executions, positions, wallet, fee rates.
enum BybitSimAccountQueries {
    typealias Reply = BybitSimPrivateRoutes.Reply

    /// The instrument of an optional `symbol` (nil = all); `.failure` for a symbol the venue does not list.
    static func optionalInstrument(_ s: SimState, _ p: [String: String]) async -> Result<InstrumentId?, BybitSimError> {
        guard (p["category"] ?? "") == "linear" else { return .failure(.init(10001, "params error: category only support linear")) }
        guard let sym = p["symbol"], !sym.isEmpty else { return .success(nil) }
        guard let st = await s.instrument(venue: .bybit, symbol: sym) else { return .failure(.init(10001, "params error: symbol invalid")) }
        return .success(st.spec.id)
    }

    /// `/v5/order/realtime` (open orders, or one order open or recently closed by id) and `/v5/order/history`
    /// (closed orders by id). The simulator answers in one page.
    static func orders(_ s: SimState, _ p: [String: String], history: Bool) async -> Reply {
        let instrument: InstrumentId?
        switch await optionalInstrument(s, p) {
        case .failure(let e): return .failure(e.code, e.msg)
        case .success(let i): instrument = i
        }
        let orderId = p["orderId"].flatMap { $0.isEmpty ? nil : $0 }, link = p["orderLinkId"].flatMap { $0.isEmpty ? nil : $0 }
        if !history, instrument == nil, p["settleCoin"] == nil, p["baseCoin"] == nil, orderId == nil, link == nil {
            return .failure(10001, "params error: symbol, baseCoin or settleCoin is required")
        }
        var reports: [OrderReport] = []
        if orderId != nil || link != nil {
            var candidates: [InstrumentId]
            if let instrument { candidates = [instrument] } else { candidates = await s.instruments(of: .bybit).map(\.spec.id) }
            for id in candidates {
                if let r = await s.queryOrder(instrument: id, clientOrderId: link, venueOrderId: orderId) { reports = [r]; break }
            }
            if history { reports = reports.filter { $0.status.isFinal } }
        } else if !history {
            reports = await s.openOrders(venue: .bybit, instrument: instrument)
            if let base = p["baseCoin"] { reports = reports.filter { $0.instrument.base == base } }
            // Newest first, like the venue.
            reports.reverse()
        }
        var items: [String] = []
        for r in reports { items.append(await s.bybitOrderItem(r, stream: false)) }
        return .ok(#"{"list":[\#(items.joined(separator: ","))],"nextPageCursor":"","category":"linear"}"#)
    }

    /// `/v5/execution/list`: newest first, `limit` (1…100, default 50) per page, `cursor` = offset.
    static func executions(_ s: SimState, _ p: [String: String]) async -> Reply {
        let instrument: InstrumentId?
        switch await optionalInstrument(s, p) {
        case .failure(let e): return .failure(e.code, e.msg)
        case .success(let i): instrument = i
        }
        let limit = p["limit"].flatMap { Int($0) } ?? 50
        guard (1...100).contains(limit) else { return .failure(10001, "params error: limit invalid") }
        let start = p["startTime"].flatMap { Int64($0) } ?? 0
        let end = p["endTime"].flatMap { Int64($0) } ?? Int64.max
        let offset = p["cursor"].flatMap { Int($0) } ?? 0
        var fills = await s.fills(venue: .bybit, instrument: instrument, sinceMs: start).filter { $0.tsMs <= end }
        if let oid = p["orderId"], !oid.isEmpty { fills = fills.filter { $0.venueOrderId == oid } }
        if let link = p["orderLinkId"], !link.isEmpty { fills = fills.filter { $0.clientOrderId == link } }
        fills.reverse()
        let page = fills.dropFirst(max(0, offset)).prefix(limit)
        var items: [String] = []
        for f in page { items.append(await s.bybitExecutionItem(f, stream: false)) }
        let next = offset + page.count < fills.count ? String(offset + page.count) : ""
        return .ok(#"{"nextPageCursor":"\#(next)","category":"linear","list":[\#(items.joined(separator: ","))]}"#)
    }

    /// `/v5/position/list`: one symbol (also when flat) or every open USDT position.
    static func positions(_ s: SimState, _ p: [String: String]) async -> Reply {
        let instrument: InstrumentId?
        switch await optionalInstrument(s, p) {
        case .failure(let e): return .failure(e.code, e.msg)
        case .success(let i): instrument = i
        }
        var list: [PositionReport]
        if let instrument {
            list = (await s.position(instrument)).map { [$0] } ?? []
        } else {
            guard p["settleCoin"] != nil || p["baseCoin"] != nil else { return .failure(10001, "params error: symbol or settleCoin is required") }
            list = await s.positions(venue: .bybit)
            if let base = p["baseCoin"] { list = list.filter { $0.instrument.base == base } }
        }
        var items: [String] = []
        for r in list { items.append(await s.bybitPositionItem(r, stream: false)) }
        return .ok(#"{"list":[\#(items.joined(separator: ","))],"nextPageCursor":"","category":"linear"}"#)
    }

    /// `/v5/account/wallet-balance?accountType=UNIFIED`.
    static func wallet(_ s: SimState, _ p: [String: String]) async -> Reply {
        guard p["accountType"] == "UNIFIED" else { return .failure(10001, "params error: accountType only support UNIFIED") }
        return .ok(#"{"list":[\#(await s.bybitWalletItem())]}"#)
    }

    /// `/v5/account/fee-rate`.
    static func feeRate(_ s: SimState, _ p: [String: String]) async -> Reply {
        let instrument: InstrumentId?
        switch await optionalInstrument(s, p) {
        case .failure(let e): return .failure(e.code, e.msg)
        case .success(let i): instrument = i
        }
        let rates = await s.feeRates(venue: .bybit)
        var symbols: [String]
        if let instrument { symbols = [NativeSymbol.symbol(for: instrument)] } else { symbols = await s.instruments(of: .bybit).map(\.spec.nativeSymbol) }
        let items = symbols.map { #"{"symbol":"\#($0)","takerFeeRate":"\#(rates.taker.trimmedDescription)","makerFeeRate":"\#(rates.maker.trimmedDescription)"}"# }
        return .ok(#"{"list":[\#(items.joined(separator: ","))]}"#)
    }
}
