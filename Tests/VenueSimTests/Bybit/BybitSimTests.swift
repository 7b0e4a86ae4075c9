import Foundation
import PropCore
import Testing
import VenueSim

@Suite struct BybitSimTests {
    @Test func restEndpointsAnswerInBybitShapes() async throws {
        try await SimTest.withSimulator { _, e in
            let base = e.bybit.rest
            let time = try await SimTest.request(base + "/v5/market/time").object
            #expect(time["retCode"] as? Int == 0 && (time["result"] as? [String: Any])?["timeNano"] is String)
            let info = try await SimTest.request(base + "/v5/market/instruments-info?category=linear").object
            let list = (info["result"] as? [String: Any])?["list"] as? [[String: Any]] ?? []
            #expect(list.count == 3)
            let btc = list.first { $0["symbol"] as? String == "BTCUSDT" } ?? [:]
            #expect(btc["contractType"] as? String == "LinearPerpetual" && btc["status"] as? String == "Trading")
            #expect((btc["priceFilter"] as? [String: Any])?["tickSize"] as? String == "0.10")
            let lot = btc["lotSizeFilter"] as? [String: Any] ?? [:]
            #expect(lot["qtyStep"] as? String == "0.001" && lot["minNotionalValue"] as? String == "5")
            for cat in ["spot", "inverse", "option"] {
                let r = try await SimTest.request(base + "/v5/market/instruments-info?category=\(cat)").object
                #expect(((r["result"] as? [String: Any])?["list"] as? [Any])?.isEmpty == true)
            }
            let ob = try await SimTest.request(base + "/v5/market/orderbook?category=linear&symbol=BTCUSDT&limit=200").object
            let res = ob["result"] as? [String: Any] ?? [:]
            #expect((res["b"] as? [[String]])?.count == 200 && res["u"] is NSNumber && res["seq"] is NSNumber && res["cts"] is NSNumber)
            let bad = try await SimTest.request(base + "/v5/market/orderbook?category=linear&symbol=NOPE").object
            #expect(bad["retCode"] as? Int == 10001)
            let tick = try await SimTest.request(base + "/v5/market/tickers?category=linear&symbol=SOLUSDT").object
            let t0 = ((tick["result"] as? [String: Any])?["list"] as? [[String: Any]])?.first ?? [:]
            #expect(t0["markPrice"] is String && t0["fundingRate"] is String && t0["bid1Price"] is String)
        }
    }

    /// Snapshot then deltas with `u` +1 each on two depths; the full-depth copy matches the REST book
    /// whose `u` is the 1000-level stream's.
    @Test func orderbookTopicsChainAndMatchRestAtTheSameU() async throws {
        try await SimTest.withSimulator { _, e in
            try await SimTest.stream(e.bybit.ws + "/v5/public/linear") { ws in
                try await ws.send(#"{"op":"subscribe","args":["orderbook.1000.BTCUSDT","orderbook.50.BTCUSDT"],"req_id":"r1"}"#)
                let ack = try await ws.nextObject()
                #expect(ack?["success"] as? Bool == true && ack?["op"] as? String == "subscribe" && ack?["conn_id"] is String)
                var books: [String: WireBook] = [:]
                var lastU: [String: Int64] = [:]
                var deltas = 0
                func take(_ o: [String: Any]) {
                    guard let topic = o["topic"] as? String, let d = o["data"] as? [String: Any],
                          let u = (d["u"] as? NSNumber)?.int64Value, d["seq"] is NSNumber, o["cts"] is NSNumber else {
                        Issue.record("bad frame \(o)"); return
                    }
                    if o["type"] as? String == "snapshot" {
                        books[topic] = WireBook()
                    } else {
                        #expect(u == (lastU[topic] ?? -10) + 1, "u gap on \(topic)")
                        deltas += 1
                    }
                    books[topic, default: WireBook()].apply(d["b"], bid: true)
                    books[topic, default: WireBook()].apply(d["a"], bid: false)
                    lastU[topic] = u
                }
                while deltas < 30, let o = try await ws.nextObject(where: { $0["topic"] != nil }) { take(o) }
                #expect(books["orderbook.50.BTCUSDT"]?.bids.count == 50)
                _ = try await SimTest.request(e.bybit.rest + "/sim/faults", method: .POST,
                                              body: #"{"venue":"bybit","kind":"freeze_book","params":{"symbol":"BTCUSDT","duration_ms":20000}}"#)
                let ob = try await SimTest.request(e.bybit.rest + "/v5/market/orderbook?category=linear&symbol=BTCUSDT&limit=1000").object
                let res = ob["result"] as? [String: Any] ?? [:]
                let restU = (res["u"] as? NSNumber)?.int64Value ?? -1
                while (lastU["orderbook.1000.BTCUSDT"] ?? 0) < restU, let o = try await ws.nextObject(where: { $0["topic"] != nil }) { take(o) }
                #expect(lastU["orderbook.1000.BTCUSDT"] == restU)
                let rest = WireBook.from(res, bidsKey: "b", asksKey: "a")
                #expect(books["orderbook.1000.BTCUSDT"]?.top(1000) == rest.top(1000))
                #expect(books["orderbook.50.BTCUSDT"]?.top(50) == rest.top(50))
            }
        }
    }

    @Test func pingTradesTickersAndBadTopics() async throws {
        try await SimTest.withSimulator { _, e in
            try await SimTest.stream(e.bybit.ws + "/v5/public/linear") { ws in
                try await ws.send(#"{"req_id":"p1","op":"ping"}"#)
                let pong = try await ws.nextObject()
                #expect(pong?["success"] as? Bool == true && pong?["ret_msg"] as? String == "pong" && pong?["op"] as? String == "ping" && pong?["req_id"] as? String == "p1")
                try await ws.send(#"{"op":"subscribe","args":["orderbook.7.BTCUSDT"]}"#)
                let bad = try await ws.nextObject()
                #expect(bad?["success"] as? Bool == false)
                try await ws.send(#"{"op":"subscribe","args":["publicTrade.ETHUSDT","tickers.ETHUSDT","orderbook.1.ETHUSDT"]}"#)
                var kinds: Set<String> = []
                while kinds.count < 4, let o = try await ws.nextObject() {
                    if let topic = o["topic"] as? String, let type = o["type"] as? String {
                        kinds.insert("\(topic.split(separator: ".")[0]):\(type)")
                    }
                }
                #expect(kinds.isSuperset(of: ["publicTrade:snapshot", "tickers:snapshot", "orderbook:snapshot"]))
            }
        }
    }
}
