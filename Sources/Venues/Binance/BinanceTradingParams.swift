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

    /// `POST /fapi/v1/order` path and signed query in one buffer — byte for byte
    /// `order + "?" + signer.signedQuery(params: place(o), …)`, without the intermediate pairs and strings.
    public static func signedPlace(_ o: OrderRequest, signer: BinanceSigner, timestampMs: Int64, recvWindowMs: Int) -> String {
        let capacity = 256 + 3 * o.clientOrderId.utf8.count
        return signer.signedPathAndQuery(path: BinanceTradingPaths.order, capacity: capacity, timestampMs: timestampMs,
                                         recvWindowMs: recvWindowMs) { w in
            w.symbol(o.instrument)
            w.literal("side=", o.side == .buy ? "BUY" : "SELL")
            w.literal("type=", o.type == .market ? "MARKET" : "LIMIT")
            if o.type == .limit {
                switch o.timeInForce {
                case .gtc: w.literal("timeInForce=", "GTC")
                case .ioc: w.literal("timeInForce=", "IOC")
                case .fok: w.literal("timeInForce=", "FOK")
                case .postOnly: w.literal("timeInForce=", "GTX")
                }
            }
            w.decimal("quantity=", o.qty)
            if o.type == .limit, let price = o.price { w.decimal("price=", price) }
            if o.reduceOnly { w.literal("reduceOnly=", "true") }
            w.encoded("newClientOrderId=", o.clientOrderId)
            w.literal("newOrderRespType=", "RESULT")
        }
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
