public import PropCore

/// OKX v5 private objects (REST `data[]` items and private-stream pushes) → PropCore reports.
/// Shared by the trading client and the private stream because OKX uses the same field names in both.
/// Every decoder returns `nil`-free typed errors naming the field, never traps.
public enum OKXPrivateCodec {
    /// A field that is missing or unreadable, for logs and `.unresolved` detail.
    public struct DecodeError: Error, Sendable, Equatable, CustomStringConvertible {
        public var field: String
        public var description: String { "поле \(field) отсутствует или нечитаемо" }
        public init(_ field: String) { self.field = field }
    }

    /// `instId` (`BTC-USDT-SWAP`) → canonical id.
    static func instrument(_ o: JSONTree) throws(DecodeError) -> InstrumentId {
        guard let s = o.literal("instId"), let id = NativeSymbol.perpetual(venue: .okx, symbol: s) else { throw DecodeError("instId") }
        return id
    }

    static func text(_ o: JSONTree, _ key: String) throws(DecodeError) -> String {
        guard let s = o.literal(key) else { throw DecodeError(key) }
        return s
    }

    /// A decimal field; `""` reads as `empty` (OKX sends empty strings for "not applicable").
    static func decimal<T: FixedPoint>(_ o: JSONTree, _ key: String, _ type: T.Type, empty: T? = nil) throws(DecodeError) -> T {
        let s = try text(o, key)
        if s.isEmpty, let empty { return empty }
        guard let v = T(s) else { throw DecodeError(key) }
        return v
    }

    /// An optional decimal: absent, `""` or zero read as nil (OKX `avgPx` is `""` or `"0"` before a fill).
    static func optionalPrice(_ o: JSONTree, _ key: String) throws(DecodeError) -> Price? {
        guard let s = o.literal(key), !s.isEmpty else { return nil }
        guard let v = Price(s) else { throw DecodeError(key) }
        return v.isZero ? nil : v
    }

    static func int(_ o: JSONTree, _ key: String) throws(DecodeError) -> Int64 {
        guard let s = o.literal(key), let v = Int64(s) else { throw DecodeError(key) }
        return v
    }

    static func side(_ o: JSONTree) throws(DecodeError) -> OrderSide {
        guard let s = o.literal("side"), let v = OrderSide(rawValue: s) else { throw DecodeError("side") }
        return v
    }

    /// OKX `ordType` → our type and time in force.
    public static func orderType(_ ordType: String) -> (OrderType, TimeInForce)? {
        switch ordType {
        case "limit": (.limit, .gtc)
        case "market": (.market, .gtc)
        case "post_only": (.limit, .postOnly)
        case "ioc": (.limit, .ioc)
        case "fok": (.limit, .fok)
        case "optimal_limit_ioc": (.market, .ioc)
        default: nil
        }
    }

    /// Our type and time in force → OKX `ordType` (post-only is an order type on OKX, not a TIF).
    public static func ordType(_ type: OrderType, _ tif: TimeInForce) -> String {
        switch (type, tif) {
        case (.market, _): "market"
        case (.limit, .gtc): "limit"
        case (.limit, .ioc): "ioc"
        case (.limit, .fok): "fok"
        case (.limit, .postOnly): "post_only"
        }
    }

    /// OKX `state` → our status. `mmp_canceled` counts as cancelled.
    public static func status(_ state: String) -> VenueOrderStatus? {
        switch state {
        case "live": .new
        case "partially_filled": .partiallyFilled
        case "filled": .filled
        case "canceled", "mmp_canceled": .canceled
        default: nil
        }
    }

    /// An order object (`GET /trade/order`, `orders-pending`, the `orders` channel).
    public static func order(_ o: JSONTree) throws(DecodeError) -> OrderReport {
        let inst = try instrument(o)
        guard let kind = orderType(try text(o, "ordType")) else { throw DecodeError("ordType") }
        guard let st = status(try text(o, "state")) else { throw DecodeError("state") }
        let reduce = o.literal("reduceOnly") == "true"
        let update = (try? int(o, "uTime")) ?? (try? int(o, "cTime")) ?? 0
        return OrderReport(instrument: inst, clientOrderId: o.literal("clOrdId") ?? "", venueOrderId: try text(o, "ordId"),
                           side: try side(o), type: kind.0, timeInForce: kind.1, price: try optionalPrice(o, "px"),
                           qty: try decimal(o, "sz", Qty.self), filledQty: try decimal(o, "accFillSz", Qty.self, empty: .zero),
                           averagePrice: try optionalPrice(o, "avgPx"), status: st, reduceOnly: reduce, updateMs: update)
    }

    /// The fill embedded in an `orders` push (`tradeId`, `fillSz`, `fillPx`, `fillFee`), nil when the push
    /// carries none. OKX fees are negative when charged; ours are positive when paid.
    public static func embeddedFill(_ o: JSONTree) throws(DecodeError) -> FillReport? {
        guard let tradeId = o.literal("tradeId"), !tradeId.isEmpty,
              let sz = o.literal("fillSz"), !sz.isEmpty, let q = Qty(sz), !q.isZero else { return nil }
        let fee = try decimal(o, "fillFee", Qty.self, empty: .zero)
        return FillReport(instrument: try instrument(o), clientOrderId: o.literal("clOrdId") ?? "", venueOrderId: try text(o, "ordId"),
                          tradeId: tradeId, side: try side(o), price: try decimal(o, "fillPx", Price.self), qty: q,
                          fee: -fee, feeAsset: o.literal("fillFeeCcy") ?? "USDT", isMaker: o.literal("execType") == "M",
                          tsMs: (try? int(o, "fillTime")) ?? (try? int(o, "uTime")) ?? 0)
    }

    /// One `GET /trade/fills` item.
    public static func fill(_ o: JSONTree) throws(DecodeError) -> FillReport {
        let fee = try decimal(o, "fee", Qty.self, empty: .zero)
        return FillReport(instrument: try instrument(o), clientOrderId: o.literal("clOrdId") ?? "", venueOrderId: try text(o, "ordId"),
                          tradeId: try text(o, "tradeId"), side: try side(o), price: try decimal(o, "fillPx", Price.self),
                          qty: try decimal(o, "fillSz", Qty.self), fee: -fee, feeAsset: o.literal("feeCcy") ?? "USDT",
                          isMaker: o.literal("execType") == "M", tsMs: (try? int(o, "ts")) ?? (try? int(o, "fillTime")) ?? 0)
    }

    /// One position (`GET /account/positions`, the `positions` channel); net mode, so `pos` is signed.
    public static func position(_ o: JSONTree) throws(DecodeError) -> PositionReport {
        var qty = try decimal(o, "pos", Qty.self, empty: .zero)
        if o.literal("posSide") == "short", !qty.isNegative { qty = -qty }
        return PositionReport(instrument: try instrument(o), qty: qty,
                              entryPrice: qty.isZero ? nil : try optionalPrice(o, "avgPx"),
                              unrealizedPnl: try decimal(o, "upl", Qty.self, empty: .zero))
    }

    /// The USDT line of an account object (`GET /account/balance` `data[0]`, the `account` channel):
    /// wallet = `cashBal`, available = `availEq` (falls back to `availBal`). Nil when there is no USDT line.
    public static func balance(_ account: JSONTree) throws(DecodeError) -> BalanceReport? {
        guard let details = account["details"] else { throw DecodeError("details") }
        for d in (details.array ?? []) where d.literal("ccy") == "USDT" {
            let wallet = try decimal(d, "cashBal", Qty.self, empty: .zero)
            let availText = (d.literal("availEq") ?? "").isEmpty ? "availBal" : "availEq"
            return BalanceReport(venue: .okx, asset: "USDT", wallet: wallet,
                                 available: try decimal(d, availText, Qty.self, empty: .zero))
        }
        return nil
    }
}
