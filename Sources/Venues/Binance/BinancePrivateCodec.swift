public import PropCore

/// Decodes Binance USD-M private JSON (REST order/trade/position/balance bodies and user-data stream
/// events) into PropCore reports. Every missing or malformed field is a `VenueCodecError` naming it;
/// numbers keep their exact decimal text (parsed at their own scale).
public enum BinancePrivateCodec {
    typealias J = JSONTree
    static let venue = Venue.binance

    // MARK: field readers

    static func field(_ o: J, _ key: String) throws(VenueCodecError) -> J {
        guard let v = o[key], v != .null else { throw VenueCodecError(.missingField, field: key, venue: venue) }
        return v
    }

    static func text(_ o: J, _ key: String) throws(VenueCodecError) -> String {
        guard let t = try field(o, key).text else { throw VenueCodecError(.wrongType, field: key, venue: venue) }
        return t
    }

    static func int(_ o: J, _ key: String) throws(VenueCodecError) -> Int64 {
        guard let v = try field(o, key).int64 else { throw VenueCodecError(.badNumber, field: key, venue: venue) }
        return v
    }

    static func bool(_ o: J, _ key: String) throws(VenueCodecError) -> Bool {
        guard let v = try field(o, key).bool else { throw VenueCodecError(.wrongType, field: key, venue: venue) }
        return v
    }

    static func decimal<T: FixedPoint>(_ o: J, _ key: String, _ type: T.Type) throws(VenueCodecError) -> T {
        guard let v = T(try text(o, key)) else { throw VenueCodecError(.badNumber, field: key, venue: venue) }
        return v
    }

    /// A price field where `"0"` means "none" (market orders, nothing filled yet).
    static func optionalPrice(_ o: J, _ key: String) throws(VenueCodecError) -> Price? {
        guard o[key] != nil, o[key] != .null else { return nil }
        let p = try decimal(o, key, Price.self)
        return p.isZero ? nil : p
    }

    static func instrument(_ o: J, _ key: String) throws(VenueCodecError) -> InstrumentId {
        let s = try text(o, key)
        guard let id = NativeSymbol.perpetual(venue: venue, symbol: s) else {
            throw VenueCodecError(.unknownSymbol, field: key, venue: venue)
        }
        return id
    }

    // MARK: enums

    static func side(_ s: String, _ key: String) throws(VenueCodecError) -> OrderSide {
        switch s {
        case "BUY": return .buy
        case "SELL": return .sell
        default: throw VenueCodecError(.wrongType, field: key, venue: venue)
        }
    }

    /// Conditional types (STOP, TAKE_PROFIT, …) are limit-like for our purposes; only MARKET is a market order.
    static func orderType(_ s: String) -> OrderType { s == "MARKET" ? .market : .limit }

    static func timeInForce(_ s: String) -> TimeInForce {
        switch s {
        case "IOC": .ioc
        case "FOK": .fok
        case "GTX": .postOnly
        default: .gtc
        }
    }

    /// Binance `status` / `X`; an unknown status is an error (the order is then reconciled by query).
    static func status(_ s: String, _ key: String) throws(VenueCodecError) -> VenueOrderStatus {
        switch s {
        case "NEW": return .new
        case "PARTIALLY_FILLED": return .partiallyFilled
        case "FILLED": return .filled
        case "CANCELED": return .canceled
        case "REJECTED": return .rejected
        case "EXPIRED", "EXPIRED_IN_MATCH": return .expired
        default: throw VenueCodecError(.wrongType, field: key, venue: venue)
        }
    }

    // MARK: REST bodies

    /// One order object (`POST/GET/DELETE/PUT /fapi/v1/order`, `openOrders`, batch items).
    public static func order(_ o: JSONTree) throws(VenueCodecError) -> OrderReport {
        guard o.isObject else { throw VenueCodecError(.wrongType, field: "order", venue: venue) }
        let type = orderType(try text(o, "type"))
        return OrderReport(
            instrument: try instrument(o, "symbol"), clientOrderId: try text(o, "clientOrderId"),
            venueOrderId: try text(o, "orderId"), side: try side(try text(o, "side"), "side"), type: type,
            timeInForce: timeInForce(try text(o, "timeInForce")),
            price: type == .market ? nil : try optionalPrice(o, "price"),
            qty: try decimal(o, "origQty", Qty.self), filledQty: try decimal(o, "executedQty", Qty.self),
            averagePrice: try optionalPrice(o, "avgPrice"), status: try status(try text(o, "status"), "status"),
            reduceOnly: try bool(o, "reduceOnly"), updateMs: try int(o, "updateTime"))
    }

    /// An array of order objects (`openOrders`).
    public static func orders(_ body: JSONTree) throws(VenueCodecError) -> [OrderReport] {
        guard let items = body.array else { throw VenueCodecError(.wrongType, field: "body", venue: venue) }
        var out: [OrderReport] = []
        for item in items { out.append(try order(item)) }
        return out
    }

    /// One `userTrades` row. The endpoint carries no client order id, so the caller supplies it (looked up by `orderId`).
    public static func trade(_ o: JSONTree, clientOrderId: String) throws(VenueCodecError) -> FillReport {
        FillReport(instrument: try instrument(o, "symbol"), clientOrderId: clientOrderId,
                   venueOrderId: try text(o, "orderId"), tradeId: try text(o, "id"),
                   side: try side(try text(o, "side"), "side"), price: try decimal(o, "price", Price.self),
                   qty: try decimal(o, "qty", Qty.self), fee: try decimal(o, "commission", Qty.self),
                   feeAsset: try text(o, "commissionAsset"), isMaker: try bool(o, "maker"), tsMs: try int(o, "time"))
    }

    /// Non-zero one-way positions from `GET /fapi/v3/positionRisk`.
    public static func positions(_ body: JSONTree) throws(VenueCodecError) -> [PositionReport] {
        guard let items = body.array else { throw VenueCodecError(.wrongType, field: "body", venue: venue) }
        var out: [PositionReport] = []
        for p in items {
            let qty = try decimal(p, "positionAmt", Qty.self)
            if qty.isZero { continue }
            out.append(PositionReport(instrument: try instrument(p, "symbol"), qty: qty,
                                      entryPrice: try optionalPrice(p, "entryPrice"),
                                      unrealizedPnl: try decimal(p, "unRealizedProfit", Qty.self)))
        }
        return out
    }

    /// The USDT row of `GET /fapi/v3/balance`.
    public static func balances(_ body: JSONTree) throws(VenueCodecError) -> [BalanceReport] {
        guard let items = body.array else { throw VenueCodecError(.wrongType, field: "body", venue: venue) }
        var out: [BalanceReport] = []
        for b in items where b["asset"]?.text == "USDT" {
            out.append(BalanceReport(venue: venue, asset: "USDT", wallet: try decimal(b, "balance", Qty.self),
                                     available: try decimal(b, "availableBalance", Qty.self)))
        }
        return out
    }

    // MARK: user-data stream

    /// What one user-data frame means.
    public enum StreamMessage: Sendable, Hashable {
        /// Events to hand to the order manager (possibly none, e.g. for an unrelated event type).
        case events([PrivateStreamEvent])
        /// `listenKeyExpired`: the stream is dead; a new key and a new connection are needed.
        case listenKeyExpired
    }

    /// Decodes one user-data frame. Unknown event types and method replies decode to no events.
    public static func streamMessage(_ frame: [UInt8]) throws(VenueCodecError) -> StreamMessage {
        guard let root = JSONTree.parse(frame), root.isObject else {
            throw VenueCodecError(.notJSON, field: "frame", venue: venue)
        }
        guard let e = root["e"]?.text else { return .events([]) }
        switch e {
        case "ORDER_TRADE_UPDATE": return .events(try orderTradeUpdate(root))
        case "ACCOUNT_UPDATE": return .events(try accountUpdate(root))
        case "listenKeyExpired": return .listenKeyExpired
        default: return .events([])
        }
    }

    /// `ORDER_TRADE_UPDATE`: the order's state, plus a fill when `x` is `TRADE` (trade id `t`).
    static func orderTradeUpdate(_ root: J) throws(VenueCodecError) -> [PrivateStreamEvent] {
        let o = try field(root, "o")
        let id = try instrument(o, "s")
        let type = orderType(try text(o, "o"))
        let side = try side(try text(o, "S"), "o.S")
        let client = try text(o, "c"), venueId = try text(o, "i")
        let tradeTime = try int(o, "T")
        let report = OrderReport(
            instrument: id, clientOrderId: client, venueOrderId: venueId, side: side, type: type,
            timeInForce: timeInForce(try text(o, "f")), price: type == .market ? nil : try optionalPrice(o, "p"),
            qty: try decimal(o, "q", Qty.self), filledQty: try decimal(o, "z", Qty.self),
            averagePrice: try optionalPrice(o, "ap"), status: try status(try text(o, "X"), "o.X"),
            reduceOnly: try bool(o, "R"), updateMs: tradeTime)
        var events: [PrivateStreamEvent] = [.order(report)]
        if try text(o, "x") == "TRADE" {
            events.append(.fill(FillReport(
                instrument: id, clientOrderId: client, venueOrderId: venueId, tradeId: try text(o, "t"), side: side,
                price: try decimal(o, "L", Price.self), qty: try decimal(o, "l", Qty.self),
                fee: try decimal(o, "n", Qty.self), feeAsset: o["N"]?.text ?? "USDT", isMaker: try bool(o, "m"),
                tsMs: tradeTime)))
        }
        return events
    }

    /// `ACCOUNT_UPDATE`: balances (`B`) and positions (`P`); a `FUNDING_FEE` update also yields the payment.
    static func accountUpdate(_ root: J) throws(VenueCodecError) -> [PrivateStreamEvent] {
        let a = try field(root, "a")
        let ts = try int(root, "E")
        var events: [PrivateStreamEvent] = []
        var fundingAmount: Qty?
        for b in a["B"]?.array ?? [] where b["a"]?.text == "USDT" {
            events.append(.balance(BalanceReport(venue: venue, asset: "USDT", wallet: try decimal(b, "wb", Qty.self),
                                                 available: try decimal(b, "cw", Qty.self))))
            fundingAmount = try decimal(b, "bc", Qty.self)
        }
        var instruments: [InstrumentId] = []
        for p in a["P"]?.array ?? [] {
            let id = try instrument(p, "s")
            instruments.append(id)
            let qty = try decimal(p, "pa", Qty.self)
            events.append(.position(PositionReport(instrument: id, qty: qty,
                                                   entryPrice: qty.isZero ? nil : try optionalPrice(p, "ep"),
                                                   unrealizedPnl: try decimal(p, "up", Qty.self))))
        }
        if a["m"]?.text == "FUNDING_FEE", let amount = fundingAmount, instruments.count == 1 {
            events.append(.funding(instrument: instruments[0], amount: amount, tsMs: ts))
        }
        return events
    }

    /// `{"code":-2019,"msg":"…"}` error body, when it is one.
    public static func errorBody(_ body: [UInt8]) -> (code: Int64, msg: String)? {
        guard let o = JSONTree.parse(body), let code = o["code"]?.int64 else { return nil }
        return (code, o["msg"]?.text ?? "")
    }
}
