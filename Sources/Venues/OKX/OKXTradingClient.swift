public import AsyncHTTPClient
public import Logging
import NIOHTTP1
public import PropCore

/// OKX v5 private REST (USDT SWAP, cross margin, net position mode) over one-attempt `TradingHTTP`:
/// every request is signed with `OKXSigner` at the `ServerClock` time (OKX accepts ±30 s), and every
/// venue answer is classified by `OKXTradingResponse` into a definite reject or an unresolved outcome.
///
/// OKX acknowledges place/cancel/amend with ids only, so `cancel` and `amend` read the order back
/// (`GET /trade/order`) to return its real state; `place` returns the accepted order as `new`
/// (its fills arrive on the private stream). There is no REST cancel-all for SWAP: `cancelAll` lists the
/// open orders and cancels them in batches of 20.
public struct OKXTradingClient: VenueTradingAPI, CustomStringConvertible, CustomReflectable {
    public var venue: Venue { .okx }
    /// Transport bound to the OKX REST base URL.
    public let http: TradingHTTP
    /// Venue clock offset used for timestamps.
    public let clock: ServerClock
    private let signer: OKXSigner
    private let apiKey: String
    private let passphrase: String
    private let simulatedTrading: Bool

    /// A client with the account's key, secret and passphrase; `simulatedTrading` adds OKX's demo-trading header.
    public init(http: TradingHTTP, apiKey: String, secret: String, passphrase: String, clock: ServerClock,
                simulatedTrading: Bool = false) {
        self.http = http; self.clock = clock; self.signer = OKXSigner(secret: secret)
        self.apiKey = apiKey; self.passphrase = passphrase; self.simulatedTrading = simulatedTrading
    }

    /// A client for `baseURL` (`https://openapi.okx.com` or the simulator's) over its own `TradingHTTP`;
    /// `governor` paces requests by OKX's limits (nil = none); `onForbidden` hears the outgoing-request guard.
    public init(baseURL: String, apiKey: String, secret: String, passphrase: String, http: HTTPClient = .shared,
                timeoutMs: Int64 = 5_000, clock: ServerClock = ServerClock(), simulatedTrading: Bool = false,
                governor: RateGovernor? = nil, onForbidden: (@Sendable (VenueOrderError) -> Void)? = nil,
                logger: Logger = Logger(label: "propbot.okx.trading")) {
        self.init(http: TradingHTTP(venue: .okx, baseURL: baseURL, http: http, timeoutMs: timeoutMs, logger: logger,
                                    governor: governor, onForbidden: onForbidden),
                  apiKey: apiKey, secret: secret, passphrase: passphrase, clock: clock, simulatedTrading: simulatedTrading)
    }

    /// Redacted: no key material.
    public var description: String { "OKXTradingClient(\(http.baseURL), credentials: <redacted>)" }
    /// Empty mirror so reflection cannot reach the credentials.
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    // MARK: transport

    /// Signs and sends one request; returns the envelope's `data` items.
    private func request(_ method: HTTPMethod, _ pathAndQuery: String, body: String? = nil, cost: RequestCost,
                         clientOrderId: String = "") async throws(VenueOrderError) -> [JSONTree] {
        try await request(method, pathAndQuery, bodyBytes: body.map { Array($0.utf8) }, cost: cost, clientOrderId: clientOrderId)
    }

    /// `request` with the body already as the bytes that are signed and sent.
    private func request(_ method: HTTPMethod, _ pathAndQuery: String, bodyBytes body: [UInt8]?, cost: RequestCost,
                         clientOrderId: String = "") async throws(VenueOrderError) -> [JSONTree] {
        let ts = OKXSigner.timestamp(ms: clock.nowMs)
        let sign = signer.signature(timestamp: ts, method: method.rawValue, requestPath: pathAndQuery, bodyBytes: body ?? [])
        var headers = [(OKXSigner.keyHeader, apiKey), (OKXSigner.signHeader, sign), (OKXSigner.timestampHeader, ts),
                       (OKXSigner.passphraseHeader, passphrase), ("Content-Type", "application/json")]
        if simulatedTrading { headers.append((OKXConstants.simulatedTradingHeader, "1")) }
        let response = try await http.send(method: method, pathAndQuery: pathAndQuery, body: body,
                                           headers: headers, cost: cost)
        let path = String(pathAndQuery.prefix { $0 != "?" })
        return try OKXTradingResponse.data(status: response.status, headers: response.headers, body: response.body,
                                           path: path, clientOrderId: clientOrderId)
    }

    private static func cost(_ p: RequestCost.Priority, _ endpoint: String, orders: Int = 0) -> RequestCost {
        RequestCost(priority: p, weight: 1, orders: orders, endpoint: endpoint)
    }

    private func checkId(_ id: String) throws(VenueOrderError) {
        guard OKXTradingRequests.isValidClientOrderId(id) else {
            throw .invalidOrder(venue: .okx, code: "clOrdId", message: "client id «\(id)» не подходит OKX: 1–32 латинские буквы и цифры")
        }
    }

    private func decodeEach<T>(_ items: [JSONTree], path: String,
                               _ decode: (JSONTree) throws(OKXPrivateCodec.DecodeError) -> T) throws(VenueOrderError) -> [T] {
        var out: [T] = []
        for item in items {
            do { out.append(try decode(item)) } catch {
                throw .unresolved(venue: .okx, path: path, detail: "ответ не разобран: \(error)")
            }
        }
        return out
    }

    // MARK: orders

    private func accepted(_ order: OrderRequest, _ item: JSONTree, path: String) throws(VenueOrderError) -> OrderReport {
        if let e = OKXTradingResponse.itemError(item, clientOrderId: order.clientOrderId) { throw e }
        guard let ordId = item.literal("ordId"), !ordId.isEmpty else {
            throw .unresolved(venue: .okx, path: path, detail: "нет ordId для \(order.clientOrderId)")
        }
        return OrderReport(instrument: order.instrument, clientOrderId: order.clientOrderId, venueOrderId: ordId,
                           side: order.side, type: order.type, timeInForce: order.timeInForce, price: order.price,
                           qty: order.qty, filledQty: .zero, averagePrice: nil, status: .new, reduceOnly: order.reduceOnly,
                           updateMs: item.literal("ts").flatMap { Int64($0) } ?? clock.nowMs)
    }

    public func place(_ order: OrderRequest) async throws(VenueOrderError) -> OrderReport {
        try checkId(order.clientOrderId)
        let path = OKXTradingRequests.placePath
        let items = try await request(.POST, path, bodyBytes: OKXTradingRequests.orderBody(order),
                                      cost: Self.cost(.place, "order", orders: 1), clientOrderId: order.clientOrderId)
        guard let item = items.first else { throw .unresolved(venue: .okx, path: path, detail: "пустой data") }
        return try accepted(order, item, path: path)
    }

    public func placeBatch(_ orders: [OrderRequest]) async throws(VenueOrderError) -> [Result<OrderReport, VenueOrderError>] {
        guard !orders.isEmpty else { return [] }
        guard orders.count <= OKXTradingRequests.maxBatch else {
            throw .invalidOrder(venue: .okx, code: "batch", message: "в пакете \(orders.count) ордеров, OKX принимает не больше 20")
        }
        for o in orders { try checkId(o.clientOrderId) }
        let path = OKXTradingRequests.batchPlacePath
        let items = try await request(.POST, path, body: OKXTradingRequests.batchBody(orders),
                                      cost: Self.cost(.place, "batch-orders", orders: orders.count))
        return orders.enumerated().map { n, order in
            // OKX answers in request order (a repeated id in one batch must get its own answer); only a short
            // answer is matched by clOrdId.
            let item = items.count == orders.count ? items[n] : items.first { $0.literal("clOrdId") == order.clientOrderId }
            guard let item else {
                return .failure(.unresolved(venue: .okx, path: path, detail: "нет ответа для \(order.clientOrderId)"))
            }
            return Result { () throws(VenueOrderError) -> OrderReport in try accepted(order, item, path: path) }
        }
    }

    public func cancel(instrument: InstrumentId, clientOrderId: String) async throws(VenueOrderError) -> OrderReport {
        guard OKXTradingRequests.isValidClientOrderId(clientOrderId) else { throw .unknownOrder(venue: .okx, clientOrderId: clientOrderId) }
        let path = OKXTradingRequests.cancelPath
        let items = try await request(.POST, path, body: OKXTradingRequests.cancelObject(instrument, clientOrderId),
                                      cost: Self.cost(.cancel, "cancel-order"), clientOrderId: clientOrderId)
        guard let item = items.first else { throw .unresolved(venue: .okx, path: path, detail: "пустой data") }
        if let e = OKXTradingResponse.itemError(item, clientOrderId: clientOrderId) { throw e }
        return try await queryOrder(instrument: instrument, clientOrderId: clientOrderId)
    }

    public func cancelBatch(instrument: InstrumentId, clientOrderIds: [String]) async throws(VenueOrderError) -> [Result<OrderReport, VenueOrderError>] {
        guard !clientOrderIds.isEmpty else { return [] }
        guard clientOrderIds.count <= OKXTradingRequests.maxBatch else {
            throw .invalidOrder(venue: .okx, code: "batch", message: "в пакете отмены \(clientOrderIds.count) ордеров, OKX принимает не больше 20")
        }
        let path = OKXTradingRequests.batchCancelPath
        let valid = clientOrderIds.filter(OKXTradingRequests.isValidClientOrderId)
        var items: [JSONTree] = []
        if !valid.isEmpty {
            let body = "[" + valid.map { OKXTradingRequests.cancelObject(instrument, $0) }.joined(separator: ",") + "]"
            items = try await request(.POST, path, body: body, cost: Self.cost(.cancel, "cancel-batch-orders"))
        }
        var out: [Result<OrderReport, VenueOrderError>] = []
        for id in clientOrderIds {
            guard OKXTradingRequests.isValidClientOrderId(id) else { out.append(.failure(.unknownOrder(venue: .okx, clientOrderId: id))); continue }
            guard let item = items.first(where: { $0.literal("clOrdId") == id }) else {
                out.append(.failure(.unresolved(venue: .okx, path: path, detail: "нет ответа для \(id)"))); continue
            }
            if let e = OKXTradingResponse.itemError(item, clientOrderId: id) { out.append(.failure(e)); continue }
            do { out.append(.success(try await queryOrder(instrument: instrument, clientOrderId: id))) } catch { out.append(.failure(error)) }
        }
        return out
    }

    public func cancelAll(instrument: InstrumentId?) async throws(VenueOrderError) {
        let open = try await openOrders(instrument: instrument)
        let byInstrument = Dictionary(grouping: open, by: \.instrument)
        var firstError: VenueOrderError?
        for (inst, orders) in byInstrument.sorted(by: { $0.key < $1.key }) {
            let ids = orders.map(\.clientOrderId).filter(OKXTradingRequests.isValidClientOrderId)
            var start = 0
            while start < ids.count {
                let chunk = Array(ids[start..<min(ids.count, start + OKXTradingRequests.maxBatch)])
                start += chunk.count
                let body = "[" + chunk.map { OKXTradingRequests.cancelObject(inst, $0) }.joined(separator: ",") + "]"
                do {
                    let items = try await request(.POST, OKXTradingRequests.batchCancelPath, body: body, cost: Self.cost(.cancel, "cancel-batch-orders"))
                    for item in items {
                        // An order that finished meanwhile is not an error for cancel-all.
                        if let e = OKXTradingResponse.itemError(item, clientOrderId: item.literal("clOrdId") ?? ""),
                           e.code != "order_unknown", firstError == nil { firstError = e }
                    }
                } catch {
                    if firstError == nil { firstError = error }
                }
            }
            // Orders without a client id (placed elsewhere) are cancelled by venue id.
            for o in orders where !OKXTradingRequests.isValidClientOrderId(o.clientOrderId) {
                let body = #"{"instId":"\#(NativeSymbol.symbol(for: inst))","ordId":"\#(o.venueOrderId)"}"#
                do { _ = try await request(.POST, OKXTradingRequests.cancelPath, body: body, cost: Self.cost(.cancel, "cancel-order")) } catch {
                    if firstError == nil { firstError = error }
                }
            }
        }
        if let firstError { throw firstError }
    }

    public func amend(instrument: InstrumentId, clientOrderId: String, newPrice: Price?, newQty: Qty?) async throws(VenueOrderError) -> OrderReport {
        guard OKXTradingRequests.isValidClientOrderId(clientOrderId) else { throw .unknownOrder(venue: .okx, clientOrderId: clientOrderId) }
        let path = OKXTradingRequests.amendPath
        let items = try await request(.POST, path, body: OKXTradingRequests.amendBody(instrument, clientOrderId, newPrice: newPrice, newQty: newQty),
                                      cost: Self.cost(.amend, "amend-order"), clientOrderId: clientOrderId)
        guard let item = items.first else { throw .unresolved(venue: .okx, path: path, detail: "пустой data") }
        if let e = OKXTradingResponse.itemError(item, clientOrderId: clientOrderId) { throw e }
        return try await queryOrder(instrument: instrument, clientOrderId: clientOrderId)
    }

    public func queryOrder(instrument: InstrumentId, clientOrderId: String) async throws(VenueOrderError) -> OrderReport {
        guard OKXTradingRequests.isValidClientOrderId(clientOrderId) else { throw .unknownOrder(venue: .okx, clientOrderId: clientOrderId) }
        let path = OKXTradingRequests.orderPath
        let items = try await request(.GET, OKXTradingRequests.queryPath(instrument, clientOrderId),
                                      cost: Self.cost(.query, "order-query"), clientOrderId: clientOrderId)
        guard let item = items.first else { throw .unknownOrder(venue: .okx, clientOrderId: clientOrderId) }
        return try decodeEach([item], path: path, OKXPrivateCodec.order)[0]
    }

    public func openOrders(instrument: InstrumentId?) async throws(VenueOrderError) -> [OrderReport] {
        var out: [OrderReport] = []
        var after: String?
        let base = OKXTradingRequests.pendingPath + "?instType=SWAP" + (instrument.map { "&instId=\(NativeSymbol.symbol(for: $0))" } ?? "")
        // Pages of 100, newest first; `after` continues below the last ordId seen.
        for _ in 0..<100 {
            let q = base + "&limit=\(OKXTradingRequests.pageLimit)" + (after.map { "&after=\($0)" } ?? "")
            let items = try await request(.GET, q, cost: Self.cost(.query, "orders-pending"))
            let page = try decodeEach(items, path: OKXTradingRequests.pendingPath, OKXPrivateCodec.order)
            out += page
            guard page.count == OKXTradingRequests.pageLimit, let last = page.last?.venueOrderId, last != after else { break }
            after = last
        }
        return out
    }

    public func fills(instrument: InstrumentId, sinceMs: Int64) async throws(VenueOrderError) -> [FillReport] {
        var seen = Set<String>()
        var out: [FillReport] = []
        var end: Int64?
        let base = OKXTradingRequests.fillsPath + "?instType=SWAP&instId=\(NativeSymbol.symbol(for: instrument))&begin=\(sinceMs)"
        // Pages of 100, newest first; each next page ends at the oldest fill time seen (inclusive, de-duplicated).
        for _ in 0..<1000 {
            let q = base + "&limit=\(OKXTradingRequests.pageLimit)" + (end.map { "&end=\($0)" } ?? "")
            let items = try await request(.GET, q, cost: Self.cost(.query, "fills"))
            let page = try decodeEach(items, path: OKXTradingRequests.fillsPath, OKXPrivateCodec.fill)
            var fresh = 0
            for f in page where f.tsMs >= sinceMs && seen.insert(f.tradeId).inserted { out.append(f); fresh += 1 }
            guard page.count == OKXTradingRequests.pageLimit, fresh > 0, let oldest = page.map(\.tsMs).min() else { break }
            end = oldest
        }
        return out.sorted { ($0.tsMs, $0.tradeId) < ($1.tsMs, $1.tradeId) }
    }

    public func positions() async throws(VenueOrderError) -> [PositionReport] {
        let items = try await request(.GET, OKXTradingRequests.positionsPath + "?instType=SWAP", cost: Self.cost(.query, "positions"))
        return try decodeEach(items, path: OKXTradingRequests.positionsPath, OKXPrivateCodec.position).filter { !$0.qty.isZero }
    }

    public func balances() async throws(VenueOrderError) -> [BalanceReport] {
        let path = OKXTradingRequests.balancePath
        let items = try await request(.GET, path + "?ccy=USDT", cost: Self.cost(.query, "balance"))
        var out: [BalanceReport] = []
        for account in items {
            do { if let b = try OKXPrivateCodec.balance(account) { out.append(b) } } catch {
                throw .unresolved(venue: .okx, path: path, detail: "ответ не разобран: \(error)")
            }
        }
        return out
    }

    public func armDeadManSwitch(timeoutMs: Int64, instruments: [InstrumentId]) async throws(VenueOrderError) {
        _ = try await request(.POST, OKXTradingRequests.cancelAllAfterPath, body: OKXTradingRequests.cancelAllAfterBody(timeoutMs: timeoutMs),
                              cost: Self.cost(.cancel, "cancel-all-after"))
    }

    public func syncServerTime() async throws(VenueOrderError) -> Int64 {
        let path = OKXTradingRequests.timePath
        let sent = clock.localMs
        let response = try await http.send(method: .GET, pathAndQuery: path, cost: Self.cost(.query, "time"))
        let received = clock.localMs
        let items = try OKXTradingResponse.data(status: response.status, headers: response.headers, body: response.body, path: path)
        guard let ts = items.first?.literal("ts"), let serverMs = Int64(ts) else {
            throw .unresolved(venue: .okx, path: path, detail: "нет поля ts")
        }
        clock.record(serverMs: serverMs, sentMs: sent, receivedMs: received)
        return clock.offsetMs
    }
}
