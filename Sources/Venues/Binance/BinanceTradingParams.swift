public import PropCore

/// Renders `OrderRequest`s as Binance USD-M request parameters: exact decimal text (the request is
/// already on the venue's grid), post-only as `timeInForce=GTX`, reduce-only as `reduceOnly=true`,
/// and `newOrderRespType=RESULT` so market and IOC answers carry the final state.
public enum BinanceTradingParams {
    /// Parameters of `POST /fapi/v1/order`, in the order they are sent.
    public static func place(_ o: OrderRequest) -> [(String, String)] {
        var p: [(String, String)] = [
            ("symbol", NativeSymbol.symbol(for: o.instrument)),
            ("side", o.side == .buy ? "BUY" : "SELL"),
            ("type", o.type == .market ? "MARKET" : "LIMIT"),
        ]
        if o.type == .limit { p.append(("timeInForce", timeInForce(o.timeInForce))) }
        p.append(("quantity", o.qty.description))
        if o.type == .limit, let price = o.price { p.append(("price", price.description)) }
        if o.reduceOnly { p.append(("reduceOnly", "true")) }
        p.append(("newClientOrderId", o.clientOrderId))
        p.append(("newOrderRespType", "RESULT"))
        return p
    }

    /// Binance `timeInForce` for ours.
    public static func timeInForce(_ t: TimeInForce) -> String {
        switch t {
        case .gtc: "GTC"
        case .ioc: "IOC"
        case .fok: "FOK"
        case .postOnly: "GTX"
        }
    }

    /// The `batchOrders` JSON list (every value a JSON string, as the venue expects).
    public static func batch(_ orders: [OrderRequest]) -> String {
        "[" + orders.map { o in
            "{" + place(o).map { "\(JSONLiteral.string($0.0)):\(JSONLiteral.string($0.1))" }.joined(separator: ",") + "}"
        }.joined(separator: ",") + "]"
    }

    /// A JSON list of strings (`origClientOrderIdList`).
    public static func stringList(_ items: [String]) -> String {
        "[" + items.map(JSONLiteral.string).joined(separator: ",") + "]"
    }
}
