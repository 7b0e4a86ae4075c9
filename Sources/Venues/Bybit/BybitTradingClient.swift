public import AsyncHTTPClient
public import Logging
import NIOHTTP1
public import PropCore

/// Bybit v5 private REST (category `linear`): orders, account and the disconnect-cancel-all switch, signed
/// with `BybitSigner` (`X-BAPI-*` headers, venues/bybit-v5.md §3) and timestamped from a `ServerClock`.
/// One attempt per call; every failure is already classified (`VenueOrderError.outcome`).
public struct BybitTradingClient: VenueTradingAPI, CustomStringConvertible {
    public var venue: Venue { .bybit }
    /// Most orders per `create-batch` / `cancel-batch` request we send (the protocol's Bybit limit).
    public static let batchLimit = 10

    let http: TradingHTTP
    let apiKey: String
    let signer: BybitSigner
    /// Venue clock used for `X-BAPI-TIMESTAMP`; `syncServerTime()` re-measures it.
    public let clock: ServerClock
    /// `X-BAPI-RECV-WINDOW` in ms: the venue accepts `server − window ≤ timestamp < server + 1000`.
    public let recvWindowMs: Int

    /// A client for `baseURL` (`https://api.bybit.com` or the simulator's). The secret is kept only inside the signer.
    /// `governor` paces requests by the venue's limits (nil = none); `onForbidden` hears the outgoing-request guard.
    public init(baseURL: String, apiKey: String, apiSecret: String, http: HTTPClient = .shared, timeoutMs: Int64 = 5_000,
                recvWindowMs: Int = 5_000, clock: ServerClock = ServerClock(), governor: RateGovernor? = nil,
                onForbidden: (@Sendable (VenueOrderError) -> Void)? = nil,
                logger: Logger = Logger(label: "propbot.bybit.trading")) {
        self.http = TradingHTTP(venue: .bybit, baseURL: baseURL, http: http, timeoutMs: timeoutMs, logger: logger,
                                governor: governor, onForbidden: onForbidden)
        self.apiKey = apiKey
        self.signer = BybitSigner(secret: apiSecret)
        self.clock = clock
        self.recvWindowMs = recvWindowMs
    }

    /// Redacted: names the venue and URL only.
    public var description: String { "BybitTradingClient(\(http.baseURL), key: <redacted>)" }

    // MARK: orders

    public func place(_ order: OrderRequest) async throws(VenueOrderError) -> OrderReport {
        let body = BybitTradingRequests.orderBody(order, withCategory: true)
        let answer = try await call(.POST, "/v5/order/create", bodyBytes: body,
                                    cost: RequestCost(priority: .place, orders: 1, endpoint: "order/create"),
                                    clientOrderId: order.clientOrderId)
        let report = acknowledged(order, venueOrderId: answer.result["orderId"]?.text ?? "", atMs: answer.timeMs)
        return try await confirmPostOnly(order, ack: report)
    }

    public func placeBatch(_ orders: [OrderRequest]) async throws(VenueOrderError) -> [Result<OrderReport, VenueOrderError>] {
        var out: [Result<OrderReport, VenueOrderError>] = []
        var start = 0
        while start < orders.count {
            let chunk = Array(orders[start..<min(start + Self.batchLimit, orders.count)])
            start += chunk.count
            let answer = try await call(.POST, "/v5/order/create-batch", body: BybitTradingRequests.createBatch(chunk),
                                        cost: RequestCost(priority: .place, orders: chunk.count, endpoint: "order/create-batch"),
                                        clientOrderId: chunk.first?.clientOrderId ?? "")
            let items = perItem(answer, count: chunk.count, path: "/v5/order/create-batch", ids: chunk.map(\.clientOrderId))
            for (order, item) in zip(chunk, items) {
                switch item {
                case .failure(let e): out.append(.failure(e))
                case .success(let o):
                    let ack = acknowledged(order, venueOrderId: o["orderId"]?.text ?? "", atMs: answer.timeMs)
                    do throws(VenueOrderError) { out.append(.success(try await confirmPostOnly(order, ack: ack))) }
                    catch { out.append(.failure(error)) }
                }
            }
        }
        return out
    }

    public func cancel(instrument: InstrumentId, clientOrderId: String) async throws(VenueOrderError) -> OrderReport {
        let symbol = NativeSymbol.symbol(for: instrument)
        let answer = try await call(.POST, "/v5/order/cancel", body: BybitTradingRequests.cancel(symbol: symbol, clientOrderId: clientOrderId),
                                    cost: RequestCost(priority: .cancel, endpoint: "order/cancel"), clientOrderId: clientOrderId)
        return await stateAfter(instrument: instrument, clientOrderId: clientOrderId,
                                venueOrderId: answer.result["orderId"]?.text ?? "", fallbackStatus: .canceled, atMs: answer.timeMs)
    }

    public func cancelBatch(instrument: InstrumentId, clientOrderIds: [String]) async throws(VenueOrderError) -> [Result<OrderReport, VenueOrderError>] {
        let symbol = NativeSymbol.symbol(for: instrument)
        var out: [Result<OrderReport, VenueOrderError>] = []
        var start = 0
        while start < clientOrderIds.count {
            let chunk = Array(clientOrderIds[start..<min(start + Self.batchLimit, clientOrderIds.count)])
            start += chunk.count
            let answer = try await call(.POST, "/v5/order/cancel-batch", body: BybitTradingRequests.cancelBatch(symbol: symbol, clientOrderIds: chunk),
                                        cost: RequestCost(priority: .cancel, endpoint: "order/cancel-batch"),
                                        clientOrderId: chunk.first ?? "")
            let items = perItem(answer, count: chunk.count, path: "/v5/order/cancel-batch", ids: chunk)
            for (id, item) in zip(chunk, items) {
                switch item {
                case .failure(let e): out.append(.failure(e))
                case .success(let o):
                    out.append(.success(await stateAfter(instrument: instrument, clientOrderId: id, venueOrderId: o["orderId"]?.text ?? "",
                                                         fallbackStatus: .canceled, atMs: answer.timeMs)))
                }
            }
        }
        return out
    }

    public func cancelAll(instrument: InstrumentId?) async throws(VenueOrderError) {
        _ = try await call(.POST, "/v5/order/cancel-all",
                           body: BybitTradingRequests.cancelAll(symbol: instrument.map(NativeSymbol.symbol(for:))),
                           cost: RequestCost(priority: .cancel, endpoint: "order/cancel-all"))
    }

    public func amend(instrument: InstrumentId, clientOrderId: String, newPrice: Price?, newQty: Qty?) async throws(VenueOrderError) -> OrderReport {
        let symbol = NativeSymbol.symbol(for: instrument)
        let answer = try await call(.POST, "/v5/order/amend",
                                    body: BybitTradingRequests.amend(symbol: symbol, clientOrderId: clientOrderId, newPrice: newPrice, newQty: newQty),
                                    cost: RequestCost(priority: .amend, endpoint: "order/amend"), clientOrderId: clientOrderId)
        return await stateAfter(instrument: instrument, clientOrderId: clientOrderId, venueOrderId: answer.result["orderId"]?.text ?? "",
                                fallbackStatus: .new, atMs: answer.timeMs)
    }

    // MARK: queries

    public func queryOrder(instrument: InstrumentId, clientOrderId: String) async throws(VenueOrderError) -> OrderReport {
        try await queryOrderState(instrument: instrument, clientOrderId: clientOrderId).report
    }

    /// The order with the venue's reject reason: open and recent orders first, then the order history.
    public func queryOrderState(instrument: InstrumentId, clientOrderId: String) async throws(VenueOrderError) -> BybitOrderState {
        let q = BybitTradingRequests.query([("category", "linear"), ("symbol", NativeSymbol.symbol(for: instrument)),
                                            ("orderLinkId", clientOrderId)])
        for path in ["/v5/order/realtime", "/v5/order/history"] {
            let answer = try await call(.GET, path, query: q, cost: RequestCost(priority: .query, endpoint: String(path.dropFirst(4))),
                                        clientOrderId: clientOrderId)
            let orders = try decodeList(answer, path: path, BybitPrivateCodec.order)
            if let found = orders.first(where: { $0.report.clientOrderId == clientOrderId }) { return found }
        }
        throw .unknownOrder(venue: .bybit, clientOrderId: clientOrderId)
    }

    public func openOrders(instrument: InstrumentId?) async throws(VenueOrderError) -> [OrderReport] {
        var base: [(String, String)] = [("category", "linear")]
        if let instrument { base.append(("symbol", NativeSymbol.symbol(for: instrument))) } else { base.append(("settleCoin", "USDT")) }
        base.append(("openOnly", "0"))
        base.append(("limit", "50"))
        let states = try await paged(path: "/v5/order/realtime", base: base, endpoint: "order/realtime", BybitPrivateCodec.order)
        return states.map(\.report).filter { !$0.status.isFinal }
    }

    public func fills(instrument: InstrumentId, sinceMs: Int64) async throws(VenueOrderError) -> [FillReport] {
        // The venue serves at most 7 days per query window.
        let start = max(sinceMs, clock.nowMs - 7 * 86_400_000 + 60_000)
        let base: [(String, String)] = [("category", "linear"), ("symbol", NativeSymbol.symbol(for: instrument)),
                                        ("startTime", String(start)), ("limit", "100")]
        let executions = try await paged(path: "/v5/execution/list", base: base, endpoint: "execution/list", BybitPrivateCodec.execution)
        var fills: [FillReport] = []
        for case .fill(let f) in executions where f.tsMs >= sinceMs { fills.append(f) }
        // Newest first on the wire; the protocol wants oldest first (ties by trade id for a stable order).
        return fills.sorted { ($0.tsMs, $0.tradeId) < ($1.tsMs, $1.tradeId) }
    }

    public func positions() async throws(VenueOrderError) -> [PositionReport] {
        let base: [(String, String)] = [("category", "linear"), ("settleCoin", "USDT"), ("limit", "200")]
        let items = try await paged(path: "/v5/position/list", base: base, endpoint: "position/list", BybitPrivateCodec.position)
        return items.filter { !$0.qty.isZero }
    }

    public func balances() async throws(VenueOrderError) -> [BalanceReport] {
        let path = "/v5/account/wallet-balance"
        let answer = try await call(.GET, path, query: "accountType=UNIFIED",
                                    cost: RequestCost(priority: .query, endpoint: "account/wallet-balance"))
        let accounts = try decodeList(answer, path: path, BybitPrivateCodec.usdtBalance)
        return accounts.compactMap { $0 }
    }

    /// Sets Bybit's disconnect-cancel-all window (`timeWindow` = `timeoutMs` rounded up to seconds, 3…300):
    /// the venue cancels every open derivatives order once no DCP-subscribed private stream has been
    /// connected for that long, so `BybitPrivateStream` staying up is the refresh. Bybit has no "off"
    /// value, so `timeoutMs` 0 sends nothing (the switch then fires only when the stream is stopped).
    public func armDeadManSwitch(timeoutMs: Int64, instruments: [InstrumentId]) async throws(VenueOrderError) {
        guard timeoutMs > 0 else { return }
        let seconds = Int(min(300, max(3, (timeoutMs + 999) / 1000)))
        _ = try await call(.POST, "/v5/order/disconnected-cancel-all",
                           body: BybitTradingRequests.disconnectCancelAll(timeWindowSeconds: seconds),
                           cost: RequestCost(priority: .cancel, endpoint: "order/disconnected-cancel-all"))
    }

    public func syncServerTime() async throws(VenueOrderError) -> Int64 {
        let path = "/v5/market/time"
        let sent = clock.localMs
        let response = try await http.send(method: .GET, pathAndQuery: path, cost: RequestCost(priority: .query, endpoint: "market/time"))
        let received = clock.localMs
        guard let json = JSONTree.parse(response.body),
              let serverMs = json["time"]?.int64 ?? json["result"]?["timeNano"]?.int64.map({ $0 / 1_000_000 }) else {
            throw .unresolved(venue: .bybit, path: path, detail: "ответ без поля time (HTTP \(response.status))")
        }
        clock.record(serverMs: serverMs, sentMs: sent, receivedMs: received)
        return clock.offsetMs
    }
}
