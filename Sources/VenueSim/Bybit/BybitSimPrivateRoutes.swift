import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import PropCore

/// Bybit v5 private front-end: `/v5/order/*`, `/v5/execution/list`, `/v5/position/list`,
/// `/v5/account/{wallet-balance,fee-rate,info}`, `/v5/user/query-api`, the disconnect-cancel-all switch and
/// the `/v5/private` socket. Requests are authenticated and rate-limited (`BybitSimPrivateAuth`), served by
/// the venue-neutral `SimState` trading API, and answered in Bybit's shapes (HTTP 200, `retCode` envelope).
enum BybitSimPrivateRoutes {
    /// The venue's per-UID, per-second limits (venues/bybit-v5.md §4).
    static let orderLimit = 10
    static let queryLimit = 50
    static let dcpLimit = 5

    /// What a handler answers: `result` (and batch `retExtInfo`) JSON text, or a venue error.
    enum Reply {
        case ok(String, ext: String = "{}")
        case failure(Int, String)
    }

    typealias Handler = @Sendable (SimState, BybitSimCall) async -> Reply

    static func add(to router: Router<SimHTTP.Context>, state: SimState, time: any TimeSource) {
        func route(_ method: HTTPRequest.Method, _ path: String, limit: Int, _ handler: @escaping Handler) {
            let endpoint = String(path.dropFirst(4))
            router.on(RouterPath(path), method: method) { request, _ -> Response in
                let raw = try await request.body.collect(upTo: 1 << 20)
                switch await BybitSimPrivateAuth.admit(request, body: String(buffer: raw), endpoint: endpoint, limit: limit, state: state) {
                case .refused(let response): return response
                case .admitted(let call):
                    switch await handler(state, call) {
                    case .ok(let result, let ext):
                        return SimHTTP.json(#"{"retCode":0,"retMsg":"OK","result":\#(result),"retExtInfo":\#(ext),"time":\#(call.nowMs)}"#,
                                            headers: call.limitHeaders)
                    case .failure(let code, let msg):
                        return error(code, msg, call.nowMs, headers: call.limitHeaders)
                    }
                }
            }
        }
        route(.post, "/v5/order/create", limit: orderLimit) { s, c in await BybitSimOrders.create(s, c.params) }
        route(.post, "/v5/order/create-batch", limit: orderLimit) { s, c in await BybitSimOrders.createBatch(s, c) }
        route(.post, "/v5/order/amend", limit: orderLimit) { s, c in await BybitSimOrders.amend(s, c.params) }
        route(.post, "/v5/order/cancel", limit: orderLimit) { s, c in await BybitSimOrders.cancel(s, c.params) }
        route(.post, "/v5/order/cancel-batch", limit: orderLimit) { s, c in await BybitSimOrders.cancelBatch(s, c) }
        route(.post, "/v5/order/cancel-all", limit: orderLimit) { s, c in await BybitSimOrders.cancelAll(s, c.params) }
        route(.post, "/v5/order/disconnected-cancel-all", limit: dcpLimit) { s, c in await BybitSimOrders.disconnectCancelAll(s, c.params) }
        route(.get, "/v5/order/realtime", limit: queryLimit) { s, c in await BybitSimAccountQueries.orders(s, c.params, history: false) }
        route(.get, "/v5/order/history", limit: queryLimit) { s, c in await BybitSimAccountQueries.orders(s, c.params, history: true) }
        route(.get, "/v5/execution/list", limit: queryLimit) { s, c in await BybitSimAccountQueries.executions(s, c.params) }
        route(.get, "/v5/position/list", limit: queryLimit) { s, c in await BybitSimAccountQueries.positions(s, c.params) }
        route(.get, "/v5/account/wallet-balance", limit: queryLimit) { s, c in await BybitSimAccountQueries.wallet(s, c.params) }
        route(.get, "/v5/account/fee-rate", limit: queryLimit) { s, c in await BybitSimAccountQueries.feeRate(s, c.params) }
        route(.get, "/v5/account/info", limit: queryLimit) { _, c in
            .ok(#"{"unifiedMarginStatus":6,"marginMode":"REGULAR_MARGIN","isMasterTrader":false,"spotHedgingStatus":"OFF","updatedTime":"\#(c.nowMs)","dcpStatus":"ON","timeWindow":10,"smpGroup":0}"#)
        }
        route(.get, "/v5/user/query-api", limit: queryLimit) { s, _ in
            let key = await s.credentials.apiKey
            return .ok(#"{"id":"1","note":"propbot-sim","apiKey":\#(SimHTTP.quote(key)),"readOnly":0,"secret":"","permissions":{"ContractTrade":["Order","Position"],"Spot":[],"Wallet":[],"Options":[],"Derivatives":[],"CopyTrading":[],"BlockTrade":[],"Exchange":[],"NFT":[],"Affiliate":[]},"ips":["*"],"type":1,"deadlineDay":-1,"expiredAt":"","createdAt":"2024-01-01T00:00:00Z","unified":0,"uta":1,"userID":1,"inviterID":0,"vipLevel":"No VIP","mktMakerLevel":"0","affiliateID":0,"rsaPublicKey":"","isMaster":true,"parentUid":"0","kycLevel":"LEVEL_DEFAULT","kycRegion":""}"#)
        }
        // Coin list (read-only; what ccxt's load_markets asks for once keys are set). No chains: the
        // simulated account can neither deposit nor withdraw.
        route(.get, "/v5/asset/coin/query-info", limit: queryLimit) { s, _ in
            var coins = ["USDT"]
            for i in await s.instruments(of: .bybit) where !coins.contains(i.spec.id.base) { coins.append(i.spec.id.base) }
            let rows = coins.map { #"{"name":"\#($0)","coin":"\#($0)","remainAmount":"0","chains":[]}"# }
            return .ok(#"{"rows":[\#(rows.joined(separator: ","))]}"#)
        }
        router.ws("/v5/private") { inbound, outbound, _ in
            await SimWebSocketSession.run(state: state, venue: .bybit, combined: false, topics: [SimState.bybitPrivateMarker],
                                          inbound: inbound, outbound: outbound, time: time)
        }
    }

    /// A Bybit business error: HTTP 200 with a non-zero `retCode`.
    static func error(_ code: Int, _ msg: String, _ now: Int64, headers: HTTPFields = [:]) -> Response {
        SimHTTP.json(#"{"retCode":\#(code),"retMsg":\#(SimHTTP.quote(msg)),"result":{},"retExtInfo":{},"time":\#(now)}"#, headers: headers)
    }

    /// The venue's code and text for a matching-engine refusal.
    static func reject(_ r: SimRejectReason) -> (Int, String) {
        switch r {
        case .duplicateClientOrderId: (110072, "OrderLinkedID is duplicate")
        case .unknownOrder: (110001, "order not exists or too late to cancel")
        case .postOnlyWouldTake: (10001, "params error: PostOnly order would take liquidity")
        case .reduceOnlyViolation: (110017, "current position is zero, cannot fix reduce-only order qty")
        case .insufficientMargin: (110007, "ab not enough for new order")
        case .invalidQuantity: (10001, "params error: qty invalid")
        case .invalidPrice: (10001, "params error: price invalid")
        case .belowMinNotional: (110094, "Order does not meet minimum order value")
        case .unknownSymbol: (10001, "params error: symbol invalid")
        case .notAmendable: (110008, "order has been finished or cancelled")
        }
    }
}
