public import PropCore

/// Bybit v5 private request bodies and query strings, rendered by hand so the signed bytes are exactly the
/// bytes sent, and decimals are printed exactly from the fixed-point values (venues/bybit-v5.md §4).
public enum BybitTradingRequests {
    /// Bybit's category for USDT perpetuals.
    public static let category = "linear"

    /// One order object (`/v5/order/create` body, or an element of `create-batch`'s `request`).
    public static func order(_ o: OrderRequest, withCategory: Bool) -> String {
        var fields: [String] = []
        if withCategory { fields.append(#""category":"linear""#) }
        fields.append(#""symbol":\#(JSONLiteral.string(NativeSymbol.symbol(for: o.instrument)))"#)
        fields.append(#""side":"\#(o.side == .buy ? "Buy" : "Sell")""#)
        fields.append(#""orderType":"\#(o.type == .market ? "Market" : "Limit")""#)
        fields.append(#""qty":"\#(o.qty.description)""#)
        if o.type == .limit, let p = o.price { fields.append(#""price":"\#(p.description)""#) }
        fields.append(#""timeInForce":"\#(timeInForce(o))""#)
        fields.append(#""orderLinkId":\#(JSONLiteral.string(o.clientOrderId))"#)
        fields.append(#""reduceOnly":\#(o.reduceOnly)"#)
        fields.append(#""positionIdx":0"#)
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// Bybit's `timeInForce`: PostOnly is a time-in-force there; market orders are always IOC (or FOK).
    static func timeInForce(_ o: OrderRequest) -> String {
        switch (o.type, o.timeInForce) {
        case (.market, .fok): "FOK"
        case (.market, _): "IOC"
        case (.limit, .gtc): "GTC"
        case (.limit, .ioc): "IOC"
        case (.limit, .fok): "FOK"
        case (.limit, .postOnly): "PostOnly"
        }
    }

    /// `/v5/order/create-batch` body.
    public static func createBatch(_ orders: [OrderRequest]) -> String {
        #"{"category":"linear","request":[\#(orders.map { order($0, withCategory: false) }.joined(separator: ","))]}"#
    }

    /// `/v5/order/cancel` body.
    public static func cancel(symbol: String, clientOrderId: String) -> String {
        #"{"category":"linear","symbol":\#(JSONLiteral.string(symbol)),"orderLinkId":\#(JSONLiteral.string(clientOrderId))}"#
    }

    /// `/v5/order/cancel-batch` body.
    public static func cancelBatch(symbol: String, clientOrderIds: [String]) -> String {
        let items = clientOrderIds.map { #"{"symbol":\#(JSONLiteral.string(symbol)),"orderLinkId":\#(JSONLiteral.string($0))}"# }
        return #"{"category":"linear","request":[\#(items.joined(separator: ","))]}"#
    }

    /// `/v5/order/cancel-all` body: one symbol, or every USDT-settled order.
    public static func cancelAll(symbol: String?) -> String {
        if let symbol { return #"{"category":"linear","symbol":\#(JSONLiteral.string(symbol))}"# }
        return #"{"category":"linear","settleCoin":"USDT"}"#
    }

    /// `/v5/order/amend` body.
    public static func amend(symbol: String, clientOrderId: String, newPrice: Price?, newQty: Qty?) -> String {
        var s = #"{"category":"linear","symbol":\#(JSONLiteral.string(symbol)),"orderLinkId":\#(JSONLiteral.string(clientOrderId))"#
        if let newQty { s += #","qty":"\#(newQty.description)""# }
        if let newPrice { s += #","price":"\#(newPrice.description)""# }
        return s + "}"
    }

    /// `/v5/order/disconnected-cancel-all` body (`timeWindow` in seconds, 3…300).
    public static func disconnectCancelAll(timeWindowSeconds: Int) -> String {
        #"{"product":"DERIVATIVES","timeWindow":\#(timeWindowSeconds)}"#
    }

    /// A query string in the given order (Bybit signs it exactly as sent, unsorted).
    public static func query(_ items: [(String, String)]) -> String {
        items.map { "\($0.0)=\(PercentEncoding.encode($0.1))" }.joined(separator: "&")
    }
}
