import AsyncHTTPClient
import Atomics
import Logging
import PropCore
import PropertyBased
import Testing
@testable import Venues

/// No request naming withdraw, transfer or address ever leaves the process, however it is spelled.
@Suite struct OutgoingRequestGuardTests {
    private static let forbiddenPaths = [
        "/sapi/v1/capital/withdraw/apply?coin=USDT&address=TXyz&amount=100&timestamp=1&signature=ab",
        "/api/v5/asset/transfer",
        "/v5/asset/transfer/inter-transfer",
        "/fapi/v1/order?symbol=BTCUSDT&side=SELL&note=%77ithdraw",
        "/API/V5/ASSET/TRANSFER",
        "/sapi/v1/capital/%2577ithdraw/apply",
    ]

    private static let legitimate: [(String, String?)] = [
        ("/fapi/v1/order?symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.001&price=65000&newClientOrderId=pb00000010000000000001z&timestamp=1&signature=abc", nil),
        ("/fapi/v1/countdownCancelAll", "symbol=BTCUSDT&countdownTime=120000"),
        ("/api/v5/trade/order", #"{"instId":"BTC-USDT-SWAP","tdMode":"cross","side":"buy","ordType":"limit","sz":"1","px":"65000","clOrdId":"pb0000001000000000000a1"}"#),
        ("/api/v5/trade/cancel-all-after", #"{"timeOut":"60"}"#),
        ("/v5/order/create", #"{"category":"linear","symbol":"BTCUSDT","side":"Buy","orderType":"Limit","qty":"0.001","price":"65000","orderLinkId":"pb00000010000000000001z"}"#),
        ("/v5/position/list?category=linear&settleCoin=USDT", nil),
        ("/v5/account/wallet-balance?accountType=UNIFIED", nil),
    ]

    @Test func forbiddenPathsQueriesAndBodiesAreRecognised() {
        for path in Self.forbiddenPaths {
            #expect(OutgoingRequestGuard.namesForbiddenWord(Array(path.utf8)), "\(path)")
        }
        for body in ["coin=USDT&address=TXyz", #"{"toAccount":"funding","type":"TRANSFER"}"#,
                     #"{"op":"\u0077ithdraw"}"#, "x=%252541ddress", "a=Wi%54hDrAw"] {
            #expect(OutgoingRequestGuard.namesForbiddenWord(Array(body.utf8)), "\(body)")
        }
    }

    @Test func everyTradingRequestOfOursPasses() throws {
        let guardrail = OutgoingRequestGuard()
        for (path, body) in Self.legitimate {
            try guardrail.check(venue: .binance, pathAndQuery: path, body: body.map { Array($0.utf8) })
        }
    }

    @Test func aForbiddenWordHiddenByCaseOrPercentEncodingIsAlwaysFound() async {
        // Random surrounding text, a forbidden word with random letter case, some letters percent-encoded.
        await propertyCheck(count: 1_000, input: Gen.int(in: 0...2), Gen.int(in: 97...122).array(of: 0...30),
                            Gen.int(in: 0...255).array(of: 8...8), Gen.int(in: 0...2)) { wordIndex, noise, mask, layers in
            let word = Array(OutgoingRequestGuard.forbiddenWords[wordIndex].utf8)
            var spelled: [UInt8] = []
            for (i, letter) in word.enumerated() {
                let bits = mask[i % mask.count]
                let cased = bits & 1 == 1 ? letter - 32 : letter
                if bits & 2 == 2 {
                    var encoded = Array(String(format: "%%%02X", cased).utf8)
                    for _ in 0..<layers { encoded = Array("%25".utf8) + encoded.dropFirst() }
                    spelled += encoded
                } else {
                    spelled.append(cased)
                }
            }
            let split = noise.count / 2
            let text = noise[..<split].map(UInt8.init) + spelled + noise[split...].map(UInt8.init)
            #expect(OutgoingRequestGuard.namesForbiddenWord(text), "\(String(decoding: text, as: UTF8.self))")
        }
    }

    @Test func craftedRequestsAreRefusedBeforeReachingTheSocketAndAlertTheExecutor() async throws {
        let server = try LoopbackCountingServer()
        defer { server.stop() }
        let alerts = ManagedAtomic<Int>(0)
        let http = TradingHTTP(venue: .binance, baseURL: server.baseURL, http: HTTPClient.shared, timeoutMs: 10_000,
                               logger: Logger(label: "test", factory: { SwiftLogNoOpLogHandler($0) }),
                               onForbidden: { error in
                                   if case .forbiddenRequest = error { alerts.wrappingIncrement(ordering: .relaxed) }
                               })
        let crafted: [(String, String?)] = [
            ("/sapi/v1/capital/withdraw/apply?coin=USDT&amount=1", nil),
            ("/api/v5/asset/transfer", #"{"ccy":"USDT","amt":"1","from":"18","to":"6"}"#),
            ("/v5/asset/transfer/inter-transfer", #"{"coin":"USDT","amount":"1"}"#),
            ("/fapi/v1/order", "symbol=BTCUSDT&address=TXyz123"),
        ]
        for (path, body) in crafted {
            do {
                _ = try await http.send(method: .POST, pathAndQuery: path, body: body.map { Array($0.utf8) },
                                        cost: RequestCost(priority: .place, orders: 1, endpoint: path))
                Issue.record("\(path) must be refused")
            } catch {
                #expect(error == .forbiddenRequest(venue: .binance, path: String(path.prefix { $0 != "?" })))
                #expect(error.outcome == .denied)
                #expect(error.messageRu.contains("заблокирован"))
            }
        }
        #expect(alerts.load(ordering: .relaxed) == crafted.count)
        #expect(server.connections == 0 && server.requests.isEmpty)
        // The same transport does reach the server with an ordinary request: the zero above is the guard's doing.
        let answer = try await http.send(method: .GET, pathAndQuery: "/fapi/v1/openOrders?symbol=BTCUSDT",
                                         cost: RequestCost(priority: .query, weight: 1, endpoint: "/fapi/v1/openOrders"))
        #expect(answer.status == 200)
        #expect(server.requests.map(\.requestLine) == ["GET /fapi/v1/openOrders?symbol=BTCUSDT HTTP/1.1"])
        #expect(alerts.load(ordering: .relaxed) == crafted.count)
    }
}
