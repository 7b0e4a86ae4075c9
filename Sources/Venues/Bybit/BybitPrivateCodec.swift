public import PropCore

/// One Bybit order as the venue reports it, with the venue's own reject/cancel reason
/// (Bybit accepts a crossing PostOnly order and then cancels it with `EC_PostOnlyWillTakeLiquidity`).
public struct BybitOrderState: Sendable, Hashable {
    public var report: OrderReport
    /// `rejectReason` (`EC_NoError` when none).
    public var rejectReason: String

    /// The venue cancelled a PostOnly order because it would have taken liquidity.
    public var postOnlyWouldTake: Bool { rejectReason == BybitPrivateCodec.postOnlyRejectReason }
}

/// Decodes Bybit v5 private objects (REST `result.list` items and private-stream `data` items of the
/// `order`, `execution`, `position` and `wallet` topics) into the venue-neutral reports.
/// Field spellings follow venues/bybit-v5.md §4–5; REST and WS use the same item shapes except
/// positions (`avgPrice` in REST, `entryPrice` on the stream).
public enum BybitPrivateCodec {
    /// The `rejectReason` of a PostOnly order cancelled because it would cross.
    public static let postOnlyRejectReason = "EC_PostOnlyWillTakeLiquidity"

    /// An order item.
    public static func order(_ o: JSONTree, field: String) throws(VenueCodecError) -> BybitOrderState {
        let instrument = try symbol(o, field)
        let status: VenueOrderStatus
        switch try text(o, "orderStatus", field) {
        case "New", "Created", "Untriggered", "Triggered", "Active": status = .new
        case "PartiallyFilled": status = .partiallyFilled
        case "Filled": status = .filled
        case "Cancelled", "PartiallyFilledCanceled", "Deactivated": status = .canceled
        case "Rejected": status = .rejected
        default: throw VenueCodecError(.wrongType, field: field + ".orderStatus", venue: .bybit)
        }
        let tif: TimeInForce
        switch o["timeInForce"]?.text ?? "GTC" {
        case "IOC": tif = .ioc
        case "FOK": tif = .fok
        case "PostOnly": tif = .postOnly
        default: tif = .gtc
        }
        let type: OrderType = try text(o, "orderType", field) == "Market" ? .market : .limit
        let price = try optionalDecimal(o, "price", field, Price.self)
        let report = OrderReport(
            instrument: instrument,
            clientOrderId: o["orderLinkId"]?.text ?? "",
            venueOrderId: try text(o, "orderId", field),
            side: try side(o, field),
            type: type, timeInForce: tif,
            price: type == .market ? nil : price.flatMap { $0.isZero ? nil : $0 },
            qty: try decimal(o, "qty", field, Qty.self),
            filledQty: try optionalDecimal(o, "cumExecQty", field, Qty.self) ?? .zero,
            averagePrice: try optionalDecimal(o, "avgPrice", field, Price.self).flatMap { $0.isZero ? nil : $0 },
            status: status,
            reduceOnly: o["reduceOnly"]?.bool ?? false,
            updateMs: o["updatedTime"]?.int64 ?? o["createdTime"]?.int64 ?? 0)
        return BybitOrderState(report: report, rejectReason: o["rejectReason"]?.text ?? "EC_NoError")
    }

    /// What one `execution` item is: a trade of ours or a funding settlement.
    public enum Execution: Sendable, Hashable {
        case fill(FillReport)
        case funding(instrument: InstrumentId, amount: Qty, tsMs: Int64)
        /// Another `execType` (settlement, delivery…) with no order-book meaning.
        case other(String)
    }

    /// An execution item (`execType` Trade/AdlTrade/BustTrade are fills; Funding is a funding payment).
    public static func execution(_ o: JSONTree, field: String) throws(VenueCodecError) -> Execution {
        let instrument = try symbol(o, field)
        let execType = o["execType"]?.text ?? "Trade"
        let fee = try optionalDecimal(o, "execFee", field, Qty.self) ?? .zero
        let ts = o["execTime"]?.int64 ?? 0
        switch execType {
        case "Trade", "AdlTrade", "BustTrade", "BlockTrade", "MovePosition":
            return .fill(FillReport(
                instrument: instrument,
                clientOrderId: o["orderLinkId"]?.text ?? "",
                venueOrderId: try text(o, "orderId", field),
                tradeId: try text(o, "execId", field),
                side: try side(o, field),
                price: try decimal(o, "execPrice", field, Price.self),
                qty: try decimal(o, "execQty", field, Qty.self),
                fee: fee,
                feeAsset: o["feeCurrency"]?.nonEmptyText ?? "USDT",
                isMaker: o["isMaker"]?.bool ?? false,
                tsMs: ts))
        case "Funding":
            // Bybit reports the funding fee paid as a positive execFee: the account's amount is its negative.
            return .funding(instrument: instrument, amount: -fee, tsMs: ts)
        default:
            return .other(execType)
        }
    }

    /// A position item (a flat position, `size` 0 and `side` empty, has qty zero).
    public static func position(_ o: JSONTree, field: String) throws(VenueCodecError) -> PositionReport {
        let instrument = try symbol(o, field)
        let size = try decimal(o, "size", field, Qty.self)
        let signed: Qty
        switch o["side"]?.text ?? "" {
        case "Buy": signed = size
        case "Sell": signed = -size
        case "" where size.isZero, "None" where size.isZero: signed = .zero
        default: throw VenueCodecError(.wrongType, field: field + ".side", venue: .bybit)
        }
        var entry = try optionalDecimal(o, "avgPrice", field, Price.self)
        if entry == nil { entry = try optionalDecimal(o, "entryPrice", field, Price.self) }
        return PositionReport(instrument: instrument, qty: signed, entryPrice: entry.flatMap { $0.isZero ? nil : $0 },
                              unrealizedPnl: try optionalDecimal(o, "unrealisedPnl", field, Qty.self) ?? .zero)
    }

    /// The USDT balance in one wallet item (`accountType` + `coin[]`); nil when the account holds no USDT.
    public static func usdtBalance(_ account: JSONTree, field: String) throws(VenueCodecError) -> BalanceReport? {
        guard let coins = account["coin"]?.array else {
            throw VenueCodecError(.missingField, field: field + ".coin", venue: .bybit)
        }
        for (i, c) in coins.enumerated() where c["coin"]?.text == "USDT" {
            let f = field + ".coin[\(i)]"
            let wallet = try decimal(c, "walletBalance", f, Qty.self)
            // UTA no longer fills `availableToWithdraw`; then free = wallet − position IM − order IM.
            var available = try optionalDecimal(c, "availableToWithdraw", f, Qty.self)
            if available == nil {
                let im = (try optionalDecimal(c, "totalPositionIM", f, Qty.self) ?? .zero)
                    + (try optionalDecimal(c, "totalOrderIM", f, Qty.self) ?? .zero)
                available = wallet - im
            }
            return BalanceReport(venue: .bybit, asset: "USDT", wallet: wallet, available: available ?? wallet)
        }
        return nil
    }

    // MARK: field readers

    static func symbol(_ o: JSONTree, _ field: String) throws(VenueCodecError) -> InstrumentId {
        let s = try text(o, "symbol", field)
        guard let id = NativeSymbol.perpetual(venue: .bybit, symbol: s) else {
            throw VenueCodecError(.unknownSymbol, field: field + ".symbol", venue: .bybit)
        }
        return id
    }

    static func side(_ o: JSONTree, _ field: String) throws(VenueCodecError) -> OrderSide {
        switch try text(o, "side", field) {
        case "Buy": .buy
        case "Sell": .sell
        default: throw VenueCodecError(.wrongType, field: field + ".side", venue: .bybit)
        }
    }

    static func text(_ o: JSONTree, _ key: String, _ field: String) throws(VenueCodecError) -> String {
        guard let v = o[key] else { throw VenueCodecError(.missingField, field: field + "." + key, venue: .bybit) }
        guard let t = v.text else { throw VenueCodecError(.wrongType, field: field + "." + key, venue: .bybit) }
        return t
    }

    static func decimal<T: FixedPoint>(_ o: JSONTree, _ key: String, _ field: String, _ type: T.Type) throws(VenueCodecError) -> T {
        guard let v = try optionalDecimal(o, key, field, type) else {
            throw VenueCodecError(.missingField, field: field + "." + key, venue: .bybit)
        }
        return v
    }

    /// A decimal string; absent, `""` and `null` read as nil.
    static func optionalDecimal<T: FixedPoint>(_ o: JSONTree, _ key: String, _ field: String, _ type: T.Type) throws(VenueCodecError) -> T? {
        guard let v = o[key], v != .null else { return nil }
        guard let t = v.text else { throw VenueCodecError(.wrongType, field: field + "." + key, venue: .bybit) }
        if t.isEmpty { return nil }
        guard let d = T(t) else { throw VenueCodecError(.badNumber, field: field + "." + key, venue: .bybit) }
        return d
    }
}
