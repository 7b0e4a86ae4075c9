import Foundation
import PropCore
import Testing
import VenueSim

@Suite struct BinanceSimTests {
    @Test func restEndpointsAnswerInBinanceShapes() async throws {
        try await SimTest.withSimulator { _, e in
            let base = e.binance.rest
            let time = try await SimTest.request(base + "/fapi/v1/time")
            #expect(time.status == 200 && time.object["serverTime"] is NSNumber)

            let info = try await SimTest.request(base + "/fapi/v1/exchangeInfo").object
            #expect((info["rateLimits"] as? [Any])?.count == 3)
            let symbols = info["symbols"] as? [[String: Any]] ?? []
            #expect(Set(symbols.compactMap { $0["symbol"] as? String }) == ["BTCUSDT", "ETHUSDT", "SOLUSDT"])
            let btc = symbols.first { $0["symbol"] as? String == "BTCUSDT" } ?? [:]
            #expect(btc["contractType"] as? String == "PERPETUAL" && btc["status"] as? String == "TRADING")
            let filters = btc["filters"] as? [[String: Any]] ?? []
            let byType = Dictionary(filters.map { ($0["filterType"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
            #expect(byType["PRICE_FILTER"]?["tickSize"] as? String == "0.10")
            #expect(byType["LOT_SIZE"]?["stepSize"] as? String == "0.001")
            #expect(byType["MARKET_LOT_SIZE"] != nil)
            #expect(byType["MIN_NOTIONAL"]?["notional"] as? String == "100")

            let depth = try await SimTest.request(base + "/fapi/v1/depth?symbol=BTCUSDT&limit=1000").object
            #expect(depth["lastUpdateId"] is NSNumber && depth["E"] is NSNumber && depth["T"] is NSNumber)
            let bids = depth["bids"] as? [[String]] ?? [], asks = depth["asks"] as? [[String]] ?? []
            #expect(bids.count == 500 && asks.count == 500)
            #expect(bids.first.flatMap { Price($0[0]) }.map { $0.scale == 2 } == true)
            let five = try await SimTest.request(base + "/fapi/v1/depth?symbol=ETHUSDT&limit=5").object
            #expect((five["bids"] as? [Any])?.count == 5)

            let bad = try await SimTest.request(base + "/fapi/v1/depth?symbol=NOPEUSDT")
            #expect(bad.status == 400 && bad.object["code"] as? Int == -1121)
            let badLimit = try await SimTest.request(base + "/fapi/v1/depth?symbol=BTCUSDT&limit=7")
            #expect(badLimit.status == 400 && badLimit.object["code"] as? Int == -1130)

            let t24 = try await SimTest.request(base + "/fapi/v1/ticker/24hr?symbol=BTCUSDT").object
            #expect(t24["symbol"] as? String == "BTCUSDT" && t24["lastPrice"] is String)
            let all24 = try await SimTest.request(base + "/fapi/v1/ticker/24hr").json as? [Any]
            #expect(all24?.count == 3)
            let prem = try await SimTest.request(base + "/fapi/v1/premiumIndex?symbol=SOLUSDT").object
            #expect(prem["markPrice"] is String && prem["lastFundingRate"] is String && prem["nextFundingTime"] is NSNumber)
            let bt = try await SimTest.request(base + "/fapi/v1/ticker/bookTicker?symbol=BTCUSDT").object
            #expect(bt["bidPrice"] is String && bt["askQty"] is String)
        }
    }

    /// Binance's documented procedure: buffer the stream, take the REST snapshot, drop `u < lastUpdateId`,
    /// the first event straddles it, then `pu` == previous `u`; the result equals a later snapshot.
    @Test func depthStreamChainsFromRestSnapshotAndRebuildsTheExactBook() async throws {
        try await SimTest.withSimulator { sim, e in
            let ok = try await SimTest.stream(e.binance.ws + "/stream?streams=btcusdt@depth@100ms") { ws in
                let snap = try await SimTest.request(e.binance.rest + "/fapi/v1/depth?symbol=BTCUSDT&limit=1000").object
                guard let lastUpdateId = (snap["lastUpdateId"] as? NSNumber)?.int64Value else { return false }
                var book = WireBook.from(snap)
                var prevU: Int64? = nil
                var applied = 0
                func take(_ env: [String: Any]) -> Bool {
                    guard env["stream"] as? String == "btcusdt@depth@100ms", let d = env["data"] as? [String: Any],
                          d["e"] as? String == "depthUpdate",
                          let U = (d["U"] as? NSNumber)?.int64Value, let u = (d["u"] as? NSNumber)?.int64Value,
                          let pu = (d["pu"] as? NSNumber)?.int64Value else { Issue.record("bad frame \(env)"); return false }
                    if prevU == nil {
                        if u < lastUpdateId { return true }
                        #expect(U <= lastUpdateId && lastUpdateId <= u, "first event must straddle lastUpdateId")
                    } else {
                        #expect(pu == prevU, "pu chain broken")
                    }
                    book.apply(d["b"], bid: true)
                    book.apply(d["a"], bid: false)
                    prevU = u
                    applied += 1
                    return true
                }
                while applied < 25, let env = try await ws.nextObject() { guard take(env) else { return false } }
                // Freeze the book so a final snapshot and the stream can be lined up exactly.
                let r = try await SimTest.request(e.binance.rest + "/sim/faults", method: .POST,
                                                  body: #"{"venue":"binance","kind":"freeze_book","params":{"symbol":"BTCUSDT","duration_ms":20000}}"#)
                #expect(r.status == 200)
                let snap2 = try await SimTest.request(e.binance.rest + "/fapi/v1/depth?symbol=BTCUSDT&limit=1000").object
                guard let l2 = (snap2["lastUpdateId"] as? NSNumber)?.int64Value else { return false }
                while (prevU ?? 0) < l2 - 1, let env = try await ws.nextObject() { guard take(env) else { return false } }
                #expect(prevU == l2 - 1)
                #expect(book.top(1000) == WireBook.from(snap2).top(1000))
                return true
            }
            #expect(ok)
            await sim.clearFaults()
        }
    }

    @Test func liveSubscribeRepliesAndStreamsTradesTickersAndMarkPrices() async throws {
        try await SimTest.withSimulator { _, e in
            let seen = try await SimTest.stream(e.binance.ws + "/ws") { ws -> [String] in
                try await ws.send(#"{"method":"SUBSCRIBE","params":["btcusdt@aggTrade","btcusdt@bookTicker","btcusdt@markPrice@1s","ethusdt@depth"],"id":7}"#)
                var events: Set<String> = []
                var replied = false
                while events.count < 4 || !replied, let o = try await ws.nextObject() {
                    if o["id"] as? Int == 7 { #expect(o["result"] is NSNull); replied = true }
                    if let ev = o["e"] as? String { events.insert(ev) }
                }
                try await ws.send(#"{"method":"LIST_SUBSCRIPTIONS","id":8}"#)
                let list = try await ws.nextObject { $0["id"] as? Int == 8 }
                #expect((list?["result"] as? [String])?.count == 4)
                try await ws.send(#"{"method":"UNSUBSCRIBE","params":["btcusdt@aggTrade"],"id":9}"#)
                _ = try await ws.nextObject { $0["id"] as? Int == 9 }
                try await ws.send("not json")
                let err = try await ws.nextObject { $0["error"] != nil }
                #expect((err?["error"] as? [String: Any])?["code"] as? Int == 3)
                return events.sorted()
            }
            #expect(seen == ["aggTrade", "bookTicker", "depthUpdate", "markPriceUpdate"])
        }
    }
}
