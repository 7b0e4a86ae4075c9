import Engine
import PropCore

/// Builders for requests, reports and fills, so each test states only what matters to it.
enum Fx {
    static let btc = InstrumentId(venue: .binance, base: "BTC", quote: "USDT")
    static let okxEth = InstrumentId(venue: .okx, base: "ETH", quote: "USDT")

    static func q(_ units: Int64, _ scale: Int = 0) -> Qty { Qty(units: units, scale: scale) }
    static func p(_ units: Int64, _ scale: Int = 0) -> Price { Price(units: units, scale: scale) }

    static func request(_ id: String = "c1", qty: Int64 = 10, side: OrderSide = .buy, on instrument: InstrumentId = btc) -> OrderRequest {
        OrderRequest(clientOrderId: id, instrument: instrument, side: side, type: .limit, price: p(65_000), qty: q(qty))
    }

    static func report(_ id: String = "c1", _ status: VenueOrderStatus, filled: Int64 = 0, ms: Int64, qty: Int64 = 10,
                       venueId: String = "v-1", side: OrderSide = .buy, avg: Price? = nil,
                       on instrument: InstrumentId = btc) -> OrderReport {
        OrderReport(instrument: instrument, clientOrderId: id, venueOrderId: venueId, side: side, type: .limit,
                    timeInForce: .gtc, price: p(65_000), qty: q(qty), filledQty: q(filled),
                    averagePrice: avg ?? (filled > 0 ? p(65_000) : nil), status: status, reduceOnly: false, updateMs: ms)
    }

    /// A report for the default order `c1`.
    static func report(_ status: VenueOrderStatus, filled: Int64 = 0, ms: Int64, qty: Int64 = 10, venueId: String = "v-1",
                       side: OrderSide = .buy, avg: Price? = nil, on instrument: InstrumentId = btc) -> OrderReport {
        report("c1", status, filled: filled, ms: ms, qty: qty, venueId: venueId, side: side, avg: avg, on: instrument)
    }

    static func fill(_ id: String = "c1", trade: String, qty: Int64, price: Price = p(65_000), ms: Int64,
                     venueId: String = "v-1", side: OrderSide = .buy, on instrument: InstrumentId = btc) -> FillReport {
        FillReport(instrument: instrument, clientOrderId: id, venueOrderId: venueId, tradeId: trade, side: side,
                   price: price, qty: q(qty), fee: q(1, 2), feeAsset: "USDT", isMaker: true, tsMs: ms)
    }

    /// A tracked order already in `state` (driven there through the machine, so its fields are consistent).
    static func order(_ events: [OrderEvent], id: String = "c1", qty: Int64 = 10) -> TrackedOrder {
        var o = TrackedOrder(request: request(id, qty: qty), parentId: nil)
        for (i, e) in events.enumerated() { _ = OrderStateMachine.step(&o, e, nowNs: UInt64(i + 1)) }
        return o
    }
}

extension OrderCommand {
    /// Whether this command would put a new order (a new id) on the venue.
    var isPlace: Bool { if case .place = self { true } else { false } }
    var isQuery: Bool { if case .query = self { true } else { false } }
    var isCancel: Bool { if case .cancel = self { true } else { false } }
    var isResend: Bool { if case .resend = self { true } else { false } }
    var alertCode: String? { if case .alert(let code, _) = self { code } else { nil } }
}
