public import PropCore

/// OKX v5 private request bodies and paths, rendered as exact JSON text (what is signed is what is sent).
/// Prices and sizes are printed from their fixed-point mantissas, never through `Double`.
public enum OKXTradingRequests {
    public static let placePath = "/api/v5/trade/order"
    public static let batchPlacePath = "/api/v5/trade/batch-orders"
    public static let cancelPath = "/api/v5/trade/cancel-order"
    public static let batchCancelPath = "/api/v5/trade/cancel-batch-orders"
    public static let amendPath = "/api/v5/trade/amend-order"
    public static let orderPath = "/api/v5/trade/order"
    public static let pendingPath = "/api/v5/trade/orders-pending"
    public static let fillsPath = "/api/v5/trade/fills"
    public static let positionsPath = "/api/v5/account/positions"
    public static let balancePath = "/api/v5/account/balance"
    public static let cancelAllAfterPath = "/api/v5/trade/cancel-all-after"
    public static let timePath = "/api/v5/public/time"
    /// Largest batch (place and cancel).
    public static let maxBatch = 20
    /// Largest page of `orders-pending` and `fills`.
    public static let pageLimit = 100

    /// OKX `clOrdId`: 1…32 ASCII letters and digits.
    public static func isValidClientOrderId(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 32 && id.utf8.allSatisfy { (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) }
    }

    /// One order object: cross margin, net position mode (`posSide` omitted), post-only as `ordType`.
    public static func orderObject(_ o: OrderRequest) -> String {
        var w = RequestBytes(capacity: 192 + o.clientOrderId.utf8.count)
        writeOrder(o, into: &w)
        return w.string
    }

    /// `orderObject(o)` as the UTF-8 bytes that are signed and sent.
    public static func orderBody(_ o: OrderRequest) -> [UInt8] {
        var w = RequestBytes(capacity: 192 + o.clientOrderId.utf8.count)
        writeOrder(o, into: &w)
        return w.bytes
    }

    static func writeOrder(_ o: OrderRequest, into w: inout RequestBytes) {
        w.ascii(#"{"instId":""#)
        w.nativeSymbol(o.instrument, .json)
        w.ascii(#"","tdMode":"cross","side":""#)
        w.ascii(o.side == .buy ? "buy" : "sell")
        w.ascii(#"","ordType":""#)
        switch (o.type, o.timeInForce) {
        case (.market, _): w.ascii("market")
        case (.limit, .gtc): w.ascii("limit")
        case (.limit, .ioc): w.ascii("ioc")
        case (.limit, .fok): w.ascii("fok")
        case (.limit, .postOnly): w.ascii("post_only")
        }
        w.ascii(#"","sz":""#)
        w.decimal(o.qty, trimZeros: true)
        if o.type == .limit, let px = o.price {
            w.ascii(#"","px":""#)
            w.decimal(px, trimZeros: true)
        }
        w.ascii(o.reduceOnly ? #"","reduceOnly":true,"clOrdId":"# : #"","clOrdId":"#)
        w.jsonString(o.clientOrderId)
        w.byte(UInt8(ascii: "}"))
    }

    /// `POST /trade/batch-orders` body.
    public static func batchBody(_ orders: [OrderRequest]) -> String {
        var w = RequestBytes(capacity: 2 + orders.count * 224)
        w.byte(UInt8(ascii: "["))
        for (i, o) in orders.enumerated() {
            if i > 0 { w.byte(UInt8(ascii: ",")) }
            writeOrder(o, into: &w)
        }
        w.byte(UInt8(ascii: "]"))
        return w.string
    }

    /// `{"instId":…,"clOrdId":…}` for cancel and query.
    public static func cancelObject(_ instrument: InstrumentId, _ clientOrderId: String) -> String {
        #"{"instId":\#(JSONLiteral.string(NativeSymbol.symbol(for: instrument))),"clOrdId":\#(JSONLiteral.string(clientOrderId))}"#
    }

    /// `POST /trade/amend-order` body; `cxlOnFail` false so a failed amend leaves the order as it was.
    public static func amendBody(_ instrument: InstrumentId, _ clientOrderId: String, newPrice: Price?, newQty: Qty?) -> String {
        var fields = [#""instId":\#(JSONLiteral.string(NativeSymbol.symbol(for: instrument)))"#, #""clOrdId":\#(JSONLiteral.string(clientOrderId))"#,
                      #""cxlOnFail":false"#]
        if let q = newQty { fields.append(#""newSz":"\#(q.trimmedDescription)""#) }
        if let p = newPrice { fields.append(#""newPx":"\#(p.trimmedDescription)""#) }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// `POST /trade/cancel-all-after` body: `timeOut` whole seconds, 0 (off) or 10…120. A shorter wish is
    /// rounded up to the venue's 10 s minimum, a longer one down to 120 s.
    public static func cancelAllAfterBody(timeoutMs: Int64) -> String {
        #"{"timeOut":"\#(cancelAllAfterSeconds(timeoutMs))"}"#
    }

    /// The `timeOut` seconds sent for `timeoutMs`.
    public static func cancelAllAfterSeconds(_ timeoutMs: Int64) -> Int64 {
        guard timeoutMs > 0 else { return 0 }
        return min(120, max(10, (timeoutMs + 999) / 1000))
    }

    /// `GET /trade/order?instId=…&clOrdId=…`.
    public static func queryPath(_ instrument: InstrumentId, _ clientOrderId: String) -> String {
        "\(orderPath)?instId=\(NativeSymbol.symbol(for: instrument))&clOrdId=\(clientOrderId)"
    }
}
