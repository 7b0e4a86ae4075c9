import PropCore
import Testing
import Venues

/// Every Bybit `retCode` the venue doc lists maps to the right `VenueOrderError` and outcome.
@Suite struct BybitErrorMappingTests {
    @Test func retCodeTable() {
        let now: Int64 = 1_000_000
        func map(_ code: Int64) -> VenueOrderError {
            BybitTradingErrors.error(retCode: code, retMsg: "m", clientOrderId: "C1", headers: ["x-bapi-limit-reset-timestamp": "1000250"], nowMs: now)
        }
        let v = Venue.bybit
        #expect(map(110072) == .duplicateClientOrderId(venue: v, clientOrderId: "C1"))
        #expect(map(110001) == .unknownOrder(venue: v, clientOrderId: "C1"))
        #expect(map(110008) == .unknownOrder(venue: v, clientOrderId: "C1"))
        #expect(map(110017) == .reduceOnlyRejected(venue: v, clientOrderId: "C1"))
        for c: Int64 in [110004, 110007, 110012] { #expect(map(c) == .insufficientMargin(venue: v, clientOrderId: "C1")) }
        #expect(map(10002) == .timestampOutsideWindow(venue: v, code: "10002"))
        for c: Int64 in [10003, 10004, 10005, 10010] { #expect(map(c) == .authenticationFailed(venue: v, code: String(c), message: "m")) }
        #expect(map(10006) == .rateLimited(venue: v, code: "10006", retryAfterMs: 250))
        for c: Int64 in [10001, 110003, 110094] { #expect(map(c) == .invalidOrder(venue: v, code: String(c), message: "m")) }
        // Outcome open: the request may have taken effect.
        for c: Int64 in [10000, 10014, 10016, 110079, 999_999] {
            #expect(map(c) == .unknownVenueCode(venue: v, code: String(c), message: "m"))
            #expect(map(c).outcome == .unresolved)
        }
        for c: Int64 in [110072, 110001, 110017, 110007, 10002, 10004, 10006, 10001] { #expect(map(c).outcome == .rejected) }
    }

    @Test func httpStatusesWithoutABody() {
        #expect(BybitTradingErrors.httpError(status: 403, path: "/p", headers: [:], nowMs: 0) == .rateLimited(venue: .bybit, code: "http_403", retryAfterMs: 600_000))
        #expect(BybitTradingErrors.httpError(status: 429, path: "/p", headers: ["retry-after": "2"], nowMs: 0) == .rateLimited(venue: .bybit, code: "http_429", retryAfterMs: 2000))
        #expect(BybitTradingErrors.httpError(status: 502, path: "/p", headers: [:], nowMs: 0).outcome == .unresolved)
    }

    @Test func requestBodiesRenderExactDecimalsAndVenueSpellings() {
        let id = InstrumentId(venue: .bybit, base: "BTC", quote: "USDT")
        let o = OrderRequest(clientOrderId: "A1", instrument: id, side: .buy, type: .limit, timeInForce: .postOnly,
                             price: Price(units: 6_500_010, scale: 2), qty: Qty(units: 1, scale: 3), reduceOnly: true)
        #expect(BybitTradingRequests.order(o, withCategory: true)
                == #"{"category":"linear","symbol":"BTCUSDT","side":"Buy","orderType":"Limit","qty":"0.001","price":"65000.10","timeInForce":"PostOnly","orderLinkId":"A1","reduceOnly":true,"positionIdx":0}"#)
        let m = OrderRequest(clientOrderId: "A2", instrument: id, side: .sell, type: .market, qty: Qty(units: 25, scale: 2))
        #expect(BybitTradingRequests.order(m, withCategory: false)
                == #"{"symbol":"BTCUSDT","side":"Sell","orderType":"Market","qty":"0.25","timeInForce":"IOC","orderLinkId":"A2","reduceOnly":false,"positionIdx":0}"#)
        #expect(BybitTradingRequests.query([("a", "x y"), ("b", "1")]) == "a=x%20y&b=1")
    }

    @Test func clientDescriptionHidesTheSecret() {
        let c = BybitTradingClient(baseURL: "http://127.0.0.1:1", apiKey: "K", apiSecret: "TOPSECRET-123")
        #expect(!String(describing: c).contains("TOPSECRET"))
        #expect(!String(reflecting: c).contains("TOPSECRET"))
        var dumped = ""
        dump(c, to: &dumped)
        #expect(!dumped.contains("TOPSECRET"))
    }
}
