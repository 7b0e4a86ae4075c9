import PropCore

/// Reads `POST /fapi/v1/order` (and `batchOrders` item) parameters into an `OrderRequest`, with the venue's
/// code for each thing it refuses before the matching engine sees the order.
enum BinanceSimPrivateOrderParams {
    /// A refusal: code and message.
    struct Refusal: Error, Sendable { var code: Int; var msg: String; var json: String { BinanceSimPrivateCodec.error(code, msg) } }

    /// The venue's client id rule `^[\.A-Z\:/a-z0-9_-]{1,36}$`.
    static func validClientId(_ s: String) -> Bool {
        guard (1...36).contains(s.utf8.count) else { return false }
        return s.utf8.allSatisfy { c in
            (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
                || c == UInt8(ascii: ".") || c == UInt8(ascii: ":") || c == UInt8(ascii: "/") || c == UInt8(ascii: "_")
                || c == UInt8(ascii: "-")
        }
    }

    static func missing(_ name: String) -> Refusal {
        Refusal(code: -1102, msg: "Mandatory parameter '\(name)' was not sent, was empty/null, or malformed.")
    }

    /// The instrument of `symbol` when the simulator lists it.
    static func instrument(_ p: [String: String], state: SimState) async -> Result<(InstrumentId, SimInstrumentSpec), Refusal> {
        guard let symbol = p["symbol"], !symbol.isEmpty else { return .failure(missing("symbol")) }
        guard let s = await state.instrument(venue: .binance, symbol: symbol) else {
            return .failure(Refusal(code: -1121, msg: "Invalid symbol."))
        }
        return .success((s.spec.id, s.spec))
    }

    /// The order described by `p` (values as strings).
    static func order(_ p: [String: String], instrument: InstrumentId) -> Result<OrderRequest, Refusal> {
        let side: OrderSide
        switch p["side"] {
        case "BUY": side = .buy
        case "SELL": side = .sell
        case nil, "": return .failure(missing("side"))
        default: return .failure(Refusal(code: -1117, msg: "Invalid side."))
        }
        if let ps = p["positionSide"], !ps.isEmpty, ps != "BOTH" {
            return .failure(Refusal(code: -4061, msg: "Order's position side does not match user's setting."))
        }
        let type: OrderType
        switch p["type"] {
        case "LIMIT": type = .limit
        case "MARKET": type = .market
        case nil, "": return .failure(missing("type"))
        default: return .failure(Refusal(code: -1116, msg: "Invalid orderType."))
        }
        var tif = TimeInForce.gtc
        if type == .limit {
            switch p["timeInForce"] {
            case "GTC", "GTD": tif = .gtc
            case "IOC": tif = .ioc
            case "FOK": tif = .fok
            case "GTX": tif = .postOnly
            case nil, "": return .failure(missing("timeInForce"))
            default: return .failure(Refusal(code: -1115, msg: "Invalid timeInForce."))
            }
        }
        guard let qtyText = p["quantity"], !qtyText.isEmpty else { return .failure(missing("quantity")) }
        guard let qty = Qty(qtyText), qty.units > 0 else {
            return .failure(Refusal(code: -4003, msg: "Quantity less than or equal to zero."))
        }
        var price: Price?
        if type == .limit {
            guard let text = p["price"], !text.isEmpty else { return .failure(missing("price")) }
            guard let px = Price(text), px.units > 0 else { return .failure(Refusal(code: -4001, msg: "Price less than 0.")) }
            price = px
        }
        let reduceOnly: Bool
        switch p["reduceOnly"] {
        case nil, "", "false", "FALSE": reduceOnly = false
        case "true", "TRUE": reduceOnly = true
        default: return .failure(Refusal(code: -1130, msg: "Data sent for parameter 'reduceOnly' is not valid."))
        }
        let clientId = p["newClientOrderId"] ?? ""
        if !clientId.isEmpty, !validClientId(clientId) {
            return .failure(Refusal(code: -4015, msg: "Client order id is not valid."))
        }
        return .success(OrderRequest(clientOrderId: clientId, instrument: instrument, side: side, type: type,
                                     timeInForce: tif, price: price, qty: qty, reduceOnly: reduceOnly))
    }
}
