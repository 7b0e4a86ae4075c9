import Engine
import Hummingbird
import PropCore

/// `GET /api/ui/execution`: recent arbitrages with every order (expected vs realised price) and recent fills.
struct ExecutionViewResponse: ResponseEncodable {
    var arbitrages: [ArbitrageRow]
    var fills: [FillRow]
    /// Mean realised − expected slippage over filled legs, bps (positive = worse than expected).
    var meanSlippageBps: Double?
    /// The strategy's latest alerts (leg risk deadline, unhedged exposure, denied residual orders), newest last.
    var alerts: [ExecutionAlert]

    enum CodingKeys: String, CodingKey { case arbitrages, fills, meanSlippageBps = "mean_slippage_bps", alerts }
}

struct ArbitrageRow: Encodable {
    var id: String
    var instrument: String
    var buy: String
    var sell: String
    var style: String
    var phase: String
    var createdAt: String
    var planNetEdgeBps: Double
    var exitReason: String?
    var legs: [LegRow]

    init(_ a: Arbitrage, clientIds: [LegKey: String]) {
        id = a.id; instrument = a.pair; buy = a.buyInstrument.description; sell = a.sellInstrument.description
        style = a.style.rawValue; phase = a.phase.rawValue; createdAt = ISO8601Millis.string(fromMillis: a.createdWallMs)
        planNetEdgeBps = (a.plan.netEdgeBps * 100).rounded() / 100; exitReason = a.exitReason
        legs = a.legs.map { LegRow($0, clientOrderId: clientIds[$0.order.key]) }
    }

    enum CodingKeys: String, CodingKey {
        case id, instrument, buy, sell, style, phase, createdAt = "created_at", planNetEdgeBps = "plan_net_edge_bps"
        case exitReason = "exit_reason", legs
    }
}

struct LegRow: Encodable {
    var key: String
    var clientOrderId: String?
    var purpose: String
    var instrument: String
    var side: String
    var timeInForce: String
    var price: String
    var qty: String
    var filledQty: String
    var expectedPrice: String
    var avgPrice: Double?
    var slippageBps: Double?
    var fees: String
    var outcome: String

    init(_ l: LegRecord, clientOrderId: String?) {
        key = l.order.key.description; self.clientOrderId = clientOrderId; purpose = l.order.purpose.rawValue
        instrument = l.order.instrument.description; side = l.order.side.rawValue
        timeInForce = l.order.timeInForce.rawValue; price = l.order.price.description; qty = l.order.qty.description
        filledQty = l.filledQty.trimmedDescription; expectedPrice = l.order.expectedPrice.trimmedDescription
        avgPrice = l.averagePrice; fees = l.fees.trimmedDescription
        slippageBps = Self.slippage(l)
        switch l.outcome {
        case nil: outcome = "working"
        case .done: outcome = "done"
        case .rejected(let c): outcome = "rejected:\(c)"
        case .denied(let c): outcome = "denied:\(c)"
        }
    }

    /// Realised vs expected price in bps, positive when worse (paid more on a buy, got less on a sell).
    static func slippage(_ l: LegRecord) -> Double? {
        guard let avg = l.averagePrice else { return nil }
        let expected = l.order.expectedPrice.doubleValue
        guard expected > 0 else { return nil }
        let raw = (avg - expected) / expected * 10_000
        return ((l.order.side == .buy ? raw : -raw) * 100).rounded() / 100
    }

    enum CodingKeys: String, CodingKey {
        case key, clientOrderId = "client_order_id", purpose, instrument, side, timeInForce = "time_in_force"
        case price, qty, filledQty = "filled_qty", expectedPrice = "expected_price", avgPrice = "avg_price"
        case slippageBps = "slippage_bps", fees, outcome
    }
}

struct FillRow: Encodable {
    var instrument: String
    var clientOrderId: String
    var tradeId: String
    var side: String
    var price: String
    var qty: String
    var fee: String
    var maker: Bool
    var ts: String

    init(_ f: FillReport) {
        instrument = f.instrument.description; clientOrderId = f.clientOrderId; tradeId = f.tradeId; side = f.side.rawValue
        price = f.price.description; qty = f.qty.description; fee = f.fee.description; maker = f.isMaker
        ts = ISO8601Millis.string(fromMillis: f.tsMs)
    }

    enum CodingKeys: String, CodingKey {
        case instrument, clientOrderId = "client_order_id", tradeId = "trade_id", side, price, qty, fee, maker, ts
    }
}
