public import AsyncHTTPClient
public import Logging
import NIOHTTP1
public import PropCore

/// Binance USD-M private REST (orders, account, dead-man switch) over `TradingHTTP`: every parameter goes in
/// the query string, signed by `BinanceSigner` with a `ServerClock` timestamp and `recvWindow`
/// (venues/binance-usdm.md §3–7). One attempt per call; failures come back classified as `VenueOrderError`.
public struct BinanceTradingClient: VenueTradingAPI, CustomStringConvertible, CustomReflectable {
    public var venue: Venue { .binance }
    /// Transport (base URL, timeout).
    public let http: TradingHTTP
    /// Venue clock offset used for request timestamps; `syncServerTime()` re-measures it.
    public let clock: ServerClock
    /// `recvWindow` sent with every signed request, ms.
    public let recvWindowMs: Int
    /// Called with the venue's usage headers after every answer (for the rate-limit governor).
    public let onUsage: (@Sendable (BinanceRateUsage) -> Void)?
    let apiKey: String
    let signer: BinanceSigner

    /// A client over an existing transport.
    public init(http: TradingHTTP, apiKey: String, apiSecret: String, clock: ServerClock = ServerClock(),
                recvWindowMs: Int = BinanceTradingPaths.defaultRecvWindowMs,
                onUsage: (@Sendable (BinanceRateUsage) -> Void)? = nil) {
        self.http = http; self.apiKey = apiKey; self.signer = BinanceSigner(secret: apiSecret)
        self.clock = clock; self.recvWindowMs = min(60_000, max(1, recvWindowMs)); self.onUsage = onUsage
    }

    /// A client for `baseURL` (e.g. `https://fapi.binance.com` or the simulator's REST URL). `governor` paces requests
    /// by the venue's limits (nil = none); `onForbidden` hears the outgoing-request guard.
    public init(baseURL: String, apiKey: String, apiSecret: String, httpClient: HTTPClient = .shared,
                timeoutMs: Int64 = 5_000, clock: ServerClock = ServerClock(),
                recvWindowMs: Int = BinanceTradingPaths.defaultRecvWindowMs, governor: RateGovernor? = nil,
                onForbidden: (@Sendable (VenueOrderError) -> Void)? = nil, logger: Logger,
                onUsage: (@Sendable (BinanceRateUsage) -> Void)? = nil) {
        self.init(http: TradingHTTP(venue: .binance, baseURL: baseURL, http: httpClient, timeoutMs: timeoutMs, logger: logger,
                                    governor: governor, onForbidden: onForbidden),
                  apiKey: apiKey, apiSecret: apiSecret, clock: clock, recvWindowMs: recvWindowMs, onUsage: onUsage)
    }

    /// Redacted: neither the key nor the secret.
    public var description: String { "BinanceTradingClient(\(http.baseURL), key: <redacted>, secret: <redacted>)" }
    /// Empty mirror so `dump` cannot reach the credentials.
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    // MARK: orders

    public func place(_ order: OrderRequest) async throws(VenueOrderError) -> OrderReport {
        let pathAndQuery = BinanceTradingParams.signedPlace(order, signer: signer, timestampMs: clock.nowMs, recvWindowMs: recvWindowMs)
        let body = try await send(.POST, BinanceTradingPaths.order, pathAndQuery: pathAndQuery,
                                  priority: .place, clientOrderId: order.clientOrderId)
        return try decode(BinanceTradingPaths.order) { () throws(VenueCodecError) in try BinancePrivateCodec.order(body) }
    }

    public func placeBatch(_ orders: [OrderRequest]) async throws(VenueOrderError) -> [Result<OrderReport, VenueOrderError>] {
        var out: [Result<OrderReport, VenueOrderError>] = []
        var start = 0
        while start < orders.count {
            let chunk = Array(orders[start..<min(orders.count, start + BinanceTradingPaths.maxBatchPlace)])
            start += chunk.count
            let body = try await signed(.POST, BinanceTradingPaths.batchOrders, [("batchOrders", BinanceTradingParams.batch(chunk))],
                                        priority: .place, clientOrderId: nil, batchCount: chunk.count)
            out += try batchResults(body, ids: chunk.map(\.clientOrderId), path: BinanceTradingPaths.batchOrders)
        }
        return out
    }

    public func cancel(instrument: InstrumentId, clientOrderId: String) async throws(VenueOrderError) -> OrderReport {
        let body = try await signed(.DELETE, BinanceTradingPaths.order,
                                    [("symbol", NativeSymbol.symbol(for: instrument)), ("origClientOrderId", clientOrderId)],
                                    priority: .cancel, clientOrderId: clientOrderId)
        return try decode(BinanceTradingPaths.order) { () throws(VenueCodecError) in try BinancePrivateCodec.order(body) }
    }

    public func cancelBatch(instrument: InstrumentId, clientOrderIds: [String]) async throws(VenueOrderError) -> [Result<OrderReport, VenueOrderError>] {
        var out: [Result<OrderReport, VenueOrderError>] = []
        var start = 0
        while start < clientOrderIds.count {
            let chunk = Array(clientOrderIds[start..<min(clientOrderIds.count, start + BinanceTradingPaths.maxBatchCancel)])
            start += chunk.count
            let body = try await signed(.DELETE, BinanceTradingPaths.batchOrders,
                                        [("symbol", NativeSymbol.symbol(for: instrument)),
                                         ("origClientOrderIdList", BinanceTradingParams.stringList(chunk))],
                                        priority: .cancel, clientOrderId: nil)
            out += try batchResults(body, ids: chunk, path: BinanceTradingPaths.batchOrders)
        }
        return out
    }

    public func cancelAll(instrument: InstrumentId?) async throws(VenueOrderError) {
        // Binance cancels per symbol only: without an instrument, every symbol with open orders is swept.
        var targets: [InstrumentId] = []
        if let instrument { targets = [instrument] } else {
            for o in try await openOrders(instrument: nil) where !targets.contains(o.instrument) { targets.append(o.instrument) }
        }
        for id in targets {
            _ = try await signed(.DELETE, BinanceTradingPaths.allOpenOrders, [("symbol", NativeSymbol.symbol(for: id))],
                                 priority: .cancel, clientOrderId: nil)
        }
    }

    public func amend(instrument: InstrumentId, clientOrderId: String, newPrice: Price?, newQty: Qty?) async throws(VenueOrderError) -> OrderReport {
        // `PUT /fapi/v1/order` needs side, quantity and price together; what the caller keeps comes from the venue.
        let current = try await queryOrder(instrument: instrument, clientOrderId: clientOrderId)
        guard let price = newPrice ?? current.price else {
            throw .invalidOrder(venue: .binance, code: "amend", message: "у ордера \(clientOrderId) нет цены (рыночный ордер не изменить)")
        }
        let body = try await signed(.PUT, BinanceTradingPaths.order,
                                    [("symbol", NativeSymbol.symbol(for: instrument)), ("origClientOrderId", clientOrderId),
                                     ("side", current.side == .buy ? "BUY" : "SELL"),
                                     ("quantity", (newQty ?? current.qty).description), ("price", price.description)],
                                    priority: .amend, clientOrderId: clientOrderId)
        return try decode(BinanceTradingPaths.order) { () throws(VenueCodecError) in try BinancePrivateCodec.order(body) }
    }

    // MARK: queries

    public func queryOrder(instrument: InstrumentId, clientOrderId: String) async throws(VenueOrderError) -> OrderReport {
        let body = try await signed(.GET, BinanceTradingPaths.order,
                                    [("symbol", NativeSymbol.symbol(for: instrument)), ("origClientOrderId", clientOrderId)],
                                    priority: .query, clientOrderId: clientOrderId)
        return try decode(BinanceTradingPaths.order) { () throws(VenueCodecError) in try BinancePrivateCodec.order(body) }
    }

    /// The order with venue id `orderId` (used to name the client id of REST fills).
    func queryOrder(instrument: InstrumentId, orderId: String) async throws(VenueOrderError) -> OrderReport {
        let body = try await signed(.GET, BinanceTradingPaths.order,
                                    [("symbol", NativeSymbol.symbol(for: instrument)), ("orderId", orderId)],
                                    priority: .query, clientOrderId: nil)
        return try decode(BinanceTradingPaths.order) { () throws(VenueCodecError) in try BinancePrivateCodec.order(body) }
    }

    public func openOrders(instrument: InstrumentId?) async throws(VenueOrderError) -> [OrderReport] {
        let params = instrument.map { [("symbol", NativeSymbol.symbol(for: $0))] } ?? []
        let body = try await signed(.GET, BinanceTradingPaths.openOrders, params, priority: .query, clientOrderId: nil,
                                    symbolGiven: instrument != nil)
        return try decode(BinanceTradingPaths.openOrders) { () throws(VenueCodecError) in try BinancePrivateCodec.orders(body) }
    }

    public func fills(instrument: InstrumentId, sinceMs: Int64) async throws(VenueOrderError) -> [FillReport] {
        let symbol = NativeSymbol.symbol(for: instrument)
        let path = BinanceTradingPaths.userTrades
        var rows: [JSONTree] = []
        // First page by time; further pages by `fromId` (the venue refuses fromId together with startTime).
        var params = [("symbol", symbol), ("startTime", String(sinceMs)), ("limit", "1000")]
        for _ in 0..<20 {
            let body = try await signed(.GET, path, params, priority: .query, clientOrderId: nil)
            guard let page = body.array else { throw .unresolved(venue: .binance, path: path, detail: "ответ не является списком сделок") }
            rows += page
            guard page.count >= 1000, let last = page.last?["id"]?.int64 else { break }
            params = [("symbol", symbol), ("fromId", String(last + 1)), ("limit", "1000")]
        }
        var clientIds: [String: String] = [:]
        var out: [FillReport] = []
        for row in rows {
            guard let orderId = row["orderId"]?.text else { throw .unresolved(venue: .binance, path: path, detail: "в сделке нет orderId") }
            if (row["time"]?.int64 ?? sinceMs) < sinceMs { continue }
            if clientIds[orderId] == nil {
                clientIds[orderId] = try await queryOrder(instrument: instrument, orderId: orderId).clientOrderId
            }
            let client = clientIds[orderId] ?? ""
            out.append(try decode(path) { () throws(VenueCodecError) in try BinancePrivateCodec.trade(row, clientOrderId: client) })
        }
        return out.sorted { ($0.tsMs, Int64($0.tradeId) ?? 0) < ($1.tsMs, Int64($1.tradeId) ?? 0) }
    }

    public func positions() async throws(VenueOrderError) -> [PositionReport] {
        let body = try await signed(.GET, BinanceTradingPaths.positionRisk, [], priority: .query, clientOrderId: nil)
        return try decode(BinanceTradingPaths.positionRisk) { () throws(VenueCodecError) in try BinancePrivateCodec.positions(body) }
    }

    public func balances() async throws(VenueOrderError) -> [BalanceReport] {
        let body = try await signed(.GET, BinanceTradingPaths.balance, [], priority: .query, clientOrderId: nil)
        return try decode(BinanceTradingPaths.balance) { () throws(VenueCodecError) in try BinancePrivateCodec.balances(body) }
    }

    // MARK: safety and time

    public func armDeadManSwitch(timeoutMs: Int64, instruments: [InstrumentId]) async throws(VenueOrderError) {
        for id in instruments {
            _ = try await signed(.POST, BinanceTradingPaths.countdownCancelAll,
                                 [("symbol", NativeSymbol.symbol(for: id)), ("countdownTime", String(max(0, timeoutMs)))],
                                 priority: .cancel, clientOrderId: nil)
        }
    }

    public func syncServerTime() async throws(VenueOrderError) -> Int64 {
        let path = BinanceTradingPaths.time
        let sent = clock.localMs
        let response = try await http.send(method: .GET, pathAndQuery: path,
                                           cost: BinanceTradingPaths.cost(method: "GET", path: path, priority: .query))
        let received = clock.localMs
        guard response.status == 200, let server = JSONTree.parse(response.body)?["serverTime"]?.int64 else {
            throw BinanceTradingErrors.error(status: response.status, headers: response.headers, body: response.body,
                                             path: path, clientOrderId: nil)
        }
        clock.record(serverMs: server, sentMs: sent, receivedMs: received)
        return clock.offsetMs
    }

    // MARK: plumbing

    /// Sends one signed request and returns the parsed 2xx body; anything else is thrown mapped.
    func signed(_ method: HTTPMethod, _ path: String, _ params: [(String, String)], priority: RequestCost.Priority,
                clientOrderId: String?, symbolGiven: Bool = true, batchCount: Int = 1) async throws(VenueOrderError) -> JSONTree {
        let pathAndQuery = signer.signedPathAndQuery(path: path, timestampMs: clock.nowMs, recvWindowMs: recvWindowMs) { w in
            for (name, value) in params { w.param(name, value) }
        }
        return try await send(method, path, pathAndQuery: pathAndQuery, priority: priority, clientOrderId: clientOrderId,
                              symbolGiven: symbolGiven, batchCount: batchCount)
    }

    /// Sends an already signed `pathAndQuery` (for `path`) and returns the parsed 2xx body.
    func send(_ method: HTTPMethod, _ path: String, pathAndQuery: String, priority: RequestCost.Priority,
              clientOrderId: String?, symbolGiven: Bool = true, batchCount: Int = 1) async throws(VenueOrderError) -> JSONTree {
        let cost = BinanceTradingPaths.cost(method: method.rawValue, path: path, priority: priority,
                                            symbolGiven: symbolGiven, batchCount: batchCount)
        let response = try await http.send(method: method, pathAndQuery: pathAndQuery,
                                           headers: [(BinanceSigner.apiKeyHeader, apiKey)], cost: cost)
        return try answer(response, path: path, clientOrderId: clientOrderId)
    }

    /// Reports usage headers, then returns the JSON of a 2xx answer or throws the mapped error.
    func answer(_ response: TradingHTTPResponse, path: String, clientOrderId: String?) throws(VenueOrderError) -> JSONTree {
        onUsage?(BinanceRateUsage(headers: response.headers))
        guard (200..<300).contains(response.status) else {
            throw BinanceTradingErrors.error(status: response.status, headers: response.headers, body: response.body,
                                             path: path, clientOrderId: clientOrderId)
        }
        guard let json = JSONTree.parse(response.body) else {
            throw .unresolved(venue: .binance, path: path, detail: "ответ HTTP \(response.status) не является JSON")
        }
        // Some endpoints answer HTTP 200 with an error object (`cancel all` uses code 200 for success).
        if let code = json["code"]?.int64, code < 0 {
            throw BinanceTradingErrors.error(code: code, msg: json["msg"]?.text ?? "", status: response.status,
                                             retryAfterMs: nil, path: path, clientOrderId: clientOrderId)
        }
        return json
    }

    /// Runs a decoder; a malformed answer to an accepted request is unresolved (the venue may have acted).
    func decode<T>(_ path: String, _ body: () throws(VenueCodecError) -> T) throws(VenueOrderError) -> T {
        do { return try body() } catch {
            throw .unresolved(venue: .binance, path: path, detail: error.messageRu)
        }
    }

    /// Per-item results of a batch answer (each item an order or a `{code,msg}` error).
    func batchResults(_ body: JSONTree, ids: [String], path: String) throws(VenueOrderError) -> [Result<OrderReport, VenueOrderError>] {
        guard let items = body.array, items.count == ids.count else {
            throw .unresolved(venue: .binance, path: path, detail: "число ответов пакета не совпадает с числом ордеров")
        }
        return zip(items, ids).map { item, id in
            if let code = item["code"]?.int64 {
                return .failure(BinanceTradingErrors.error(code: code, msg: item["msg"]?.text ?? "", status: 200,
                                                           retryAfterMs: nil, path: path, clientOrderId: id))
            }
            do throws(VenueCodecError) { return .success(try BinancePrivateCodec.order(item)) } catch {
                return .failure(.unresolved(venue: .binance, path: path, detail: error.messageRu))
            }
        }
    }
}

/// The venue's usage headers of one answer (`X-MBX-USED-WEIGHT-1M`, `X-MBX-ORDER-COUNT-10S`, `X-MBX-ORDER-COUNT-1M`).
public struct BinanceRateUsage: Sendable, Hashable {
    public var usedWeight1m: Int?
    public var orderCount10s: Int?
    public var orderCount1m: Int?

    /// Reads the headers (names lowercased).
    public init(headers: [String: String]) {
        usedWeight1m = headers["x-mbx-used-weight-1m"].flatMap { Int($0) }
        orderCount10s = headers["x-mbx-order-count-10s"].flatMap { Int($0) }
        orderCount1m = headers["x-mbx-order-count-1m"].flatMap { Int($0) }
    }
}
