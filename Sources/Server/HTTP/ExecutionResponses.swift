import Engine
import Hummingbird
import PropCore

/// `GET /api/execution/orders`: one tracked order.
struct OrderRowResponse: ResponseEncodable {
    var clientOrderId: String
    var venueOrderId: String?
    var instrument: String
    var side: String
    var type: String
    var timeInForce: String
    var price: String?
    var qty: String
    var filledQty: String
    var avgPrice: String?
    var state: String
    var reason: String?

    init(_ o: TrackedOrder) {
        clientOrderId = o.clientOrderId; venueOrderId = o.venueOrderId; instrument = o.instrument.description
        side = o.request.side.rawValue; type = o.request.type.rawValue; timeInForce = o.request.timeInForce.rawValue
        price = o.request.price?.description; qty = o.request.qty.description; filledQty = o.filledQty.description
        avgPrice = o.avgPrice?.description; state = o.state.rawValue; reason = o.lastReasonCode
    }

    enum CodingKeys: String, CodingKey {
        case clientOrderId = "client_order_id", venueOrderId = "venue_order_id", instrument, side, type
        case timeInForce = "time_in_force", price, qty, filledQty = "filled_qty", avgPrice = "avg_price", state, reason
    }
}

/// `GET /api/execution/status`: may the bot trade, why not, and what the operator must see.
struct ExecutionStatusResponse: ResponseEncodable {
    var tradingAllowed: Bool
    var holdReasons: [String]
    var venues: [String]
    var openOrders: Int
    var unresolvedOrders: Int
    var recovery: RecoveryReport?
    var alerts: [ExecutionAlert]

    enum CodingKeys: String, CodingKey {
        case tradingAllowed = "trading_allowed", holdReasons = "hold_reasons", venues
        case openOrders = "open_orders", unresolvedOrders = "unresolved_orders", recovery, alerts
    }
}

extension ExecutionPlane {
    func statusResponse() async -> ExecutionStatusResponse {
        let orders = await executor.orders
        return ExecutionStatusResponse(
            tradingAllowed: await executor.tradingAllowed, holdReasons: await executor.holdReasons,
            venues: venues.map(\.rawValue), openOrders: orders.filter { !$0.state.isFinal }.count,
            unresolvedOrders: await executor.unresolvedOrders.count, recovery: recovery,
            alerts: Array(await executor.alerts.suffix(50)))
    }

    func orderRows() async -> [OrderRowResponse] {
        await executor.orders.suffix(500).map(OrderRowResponse.init)
    }
}
