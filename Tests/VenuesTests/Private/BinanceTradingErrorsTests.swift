import Logging
import PropCore
import Testing
@testable import Venues

/// Every code in venues/binance-usdm.md §3/§6 maps to the right `VenueOrderError` and outcome.
@Suite struct BinanceTradingErrorsTests {
    static func map(_ status: Int, _ body: String, headers: [String: String] = [:]) -> VenueOrderError {
        BinanceTradingErrors.error(status: status, headers: headers, body: Array(body.utf8), path: "/fapi/v1/order", clientOrderId: "pb1")
    }

    static func body(_ code: Int, _ msg: String = "m") -> String { #"{"code":\#(code),"msg":"\#(msg)"}"# }

    @Test func documentedCodesMapToTheirCases() {
        let table: [(Int, Int, VenueOrderError)] = [
            (400, -4116, .duplicateClientOrderId(venue: .binance, clientOrderId: "pb1")),
            (400, -2011, .unknownOrder(venue: .binance, clientOrderId: "pb1")),
            (400, -2013, .unknownOrder(venue: .binance, clientOrderId: "pb1")),
            (400, -5022, .postOnlyWouldTake(venue: .binance, clientOrderId: "pb1")),
            (400, -2022, .reduceOnlyRejected(venue: .binance, clientOrderId: "pb1")),
            (400, -4118, .reduceOnlyRejected(venue: .binance, clientOrderId: "pb1")),
            (400, -2019, .insufficientMargin(venue: .binance, clientOrderId: "pb1")),
            (400, -2018, .insufficientMargin(venue: .binance, clientOrderId: "pb1")),
            (400, -1021, .timestampOutsideWindow(venue: .binance, code: "-1021")),
            (400, -5028, .timestampOutsideWindow(venue: .binance, code: "-5028")),
            (400, -1022, .authenticationFailed(venue: .binance, code: "-1022", message: "m")),
            (401, -2014, .authenticationFailed(venue: .binance, code: "-2014", message: "m")),
            (401, -2015, .authenticationFailed(venue: .binance, code: "-2015", message: "m")),
            (400, -1125, .authenticationFailed(venue: .binance, code: "-1125", message: "m")),
            (400, -4164, .invalidOrder(venue: .binance, code: "-4164", message: "m")),
            (400, -4015, .invalidOrder(venue: .binance, code: "-4015", message: "m")),
            (400, -1121, .invalidOrder(venue: .binance, code: "-1121", message: "m")),
            (429, -1003, .rateLimited(venue: .binance, code: "-1003", retryAfterMs: nil)),
            (429, -1015, .rateLimited(venue: .binance, code: "-1015", retryAfterMs: nil)),
            (400, -9999, .unknownVenueCode(venue: .binance, code: "-9999", message: "m")),
        ]
        for (status, code, expected) in table {
            #expect(Self.map(status, Self.body(code)) == expected, "code \(code)")
        }
    }

    @Test func outcomesAreDefiniteOnlyWhereTheVenueSaidSo() {
        #expect(Self.map(400, Self.body(-4116)).outcome == .rejected)
        #expect(Self.map(400, Self.body(-9999)).outcome == .unresolved)
        #expect(Self.map(503, Self.body(-1001, "Internal error")).outcome == .unresolved)
        #expect(Self.map(400, Self.body(-1007, "Timeout waiting for response from backend server. Send status unknown; execution status unknown.")).outcome == .unresolved)
        #expect(Self.map(502, "<html>Bad Gateway</html>").outcome == .unresolved)
        #expect(Self.map(400, "not json").outcome == .unresolved)
    }

    @Test func retryAfterAndBanAreRead() {
        #expect(Self.map(429, Self.body(-1003), headers: ["retry-after": "7"]) == .rateLimited(venue: .binance, code: "-1003", retryAfterMs: 7_000))
        #expect(Self.map(418, Self.body(-1003), headers: ["retry-after": "120"]) == .banned(venue: .binance, retryAfterMs: 120_000))
        #expect(Self.map(429, "", headers: [:]) == .rateLimited(venue: .binance, code: "HTTP 429", retryAfterMs: nil))
    }

    @Test func operatorTextIsRussianAndNeverCarriesTheSecret() {
        let secret = "super-secret-value"
        let client = BinanceTradingClient(baseURL: "http://127.0.0.1:1", apiKey: "k", apiSecret: secret, logger: .init(label: "t"))
        #expect(!String(describing: client).contains(secret))
        #expect(!String(reflecting: client).contains(secret))
        var dumped = ""
        dump(client, to: &dumped)
        #expect(!dumped.contains(secret))
        let e = Self.map(400, Self.body(-1022, "Signature for this request is not valid."))
        #expect(e.messageRu.contains("подпись") && !e.messageRu.contains(secret))
    }

    @Test func paramsRenderExactDecimalsAndPostOnlyAsGTX() {
        let o = OrderRequest(clientOrderId: "pb1", instrument: InstrumentId(venue: .binance, base: "BTC", quote: "USDT"), side: .buy,
                             type: .limit, timeInForce: .postOnly, price: Price(units: 6500010, scale: 2), qty: Qty(units: 10, scale: 3),
                             reduceOnly: true)
        let p = BinanceTradingParams.place(o)
        #expect(p.map(\.0) == ["symbol", "side", "type", "timeInForce", "quantity", "price", "reduceOnly", "newClientOrderId", "newOrderRespType"])
        #expect(p.map(\.1) == ["BTCUSDT", "BUY", "LIMIT", "GTX", "0.010", "65000.10", "true", "pb1", "RESULT"])
        let m = BinanceTradingParams.place(OrderRequest(clientOrderId: "m", instrument: o.instrument, side: .sell, type: .market, qty: Qty(units: 1, scale: 3)))
        #expect(!m.contains { $0.0 == "price" || $0.0 == "timeInForce" || $0.0 == "reduceOnly" })
        #expect(BinanceTradingParams.batch([o]).hasPrefix(#"[{"symbol":"BTCUSDT","side":"BUY""#))
    }
}
