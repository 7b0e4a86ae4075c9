public import PropCore

/// Bybit v5 private request bodies and query strings, rendered by hand so the signed bytes are exactly the
/// bytes sent, and decimals are printed exactly from the fixed-point values (venues/bybit-v5.md §4).
public enum BybitTradingRequests {
    /// Bybit's category for USDT perpetuals.
    public static let category = "linear"

    /// One order object (`/v5/order/create` body, or an element of `create-batch`'s `request`).
    public static func order(_ o: OrderRequest, withCategory: Bool) -> String {
        var w = RequestBytes(capacity: 256 + o.clientOrderId.utf8.count)
        writeOrder(o, withCategory: withCategory, into: &w)
        return w.string
    }

    /// `order(o, withCategory:)` as the UTF-8 bytes that are signed and sent.
    public static func orderBody(_ o: OrderRequest, withCategory: Bool) -> [UInt8] {
        var w = RequestBytes(capacity: 256 + o.clientOrderId.utf8.count)
        writeOrder(o, withCategory: withCategory, into: &w)
        return w.bytes
    }

    static func writeOrder(_ o: OrderRequest, withCategory: Bool, into w: inout RequestBytes) {
        w.ascii(withCategory ? #"{"category":"linear","symbol":""# : #"{"symbol":""#)
        w.nativeSymbol(o.instrument, .json)
        w.ascii(o.side == .buy ? #"","side":"Buy","orderType":""# : #"","side":"Sell","orderType":""#)
        w.ascii(o.type == .market ? "Market" : "Limit")
        w.ascii(#"","qty":""#)
        w.decimal(o.qty, trimZeros: false)
        if o.type == .limit, let p = o.price {
            w.ascii(#"","price":""#)
            w.decimal(p, trimZeros: false)
        }
        w.ascii(#"","timeInForce":""#)
        switch (o.type, o.timeInForce) {
        case (.market, .fok): w.ascii("FOK")
        case (.market, _): w.ascii("IOC")
        case (.limit, .gtc): w.ascii("GTC")
        case (.limit, .ioc): w.ascii("IOC")
        case (.limit, .fok): w.ascii("FOK")
        case (.limit, .postOnly): w.ascii("PostOnly")
        }
        w.ascii(#"","orderLinkId":"#)
        w.jsonString(o.clientOrderId)
        w.ascii(o.reduceOnly ? #","reduceOnly":true,"positionIdx":0}"# : #","reduceOnly":false,"positionIdx":0}"#)
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
        var w = RequestBytes(capacity: 48 + orders.count * 256)
        w.ascii(#"{"category":"linear","request":["#)
        for (i, o) in orders.enumerated() {
            if i > 0 { w.byte(UInt8(ascii: ",")) }
            writeOrder(o, withCategory: false, into: &w)
        }
        w.ascii("]}")
        return w.string
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
