import Foundation
import PropCore
import Testing
import VenueSim

@Suite struct FaultInjectionTests {
    @Test func dropDiffLeavesAGapInTheBinanceChain() async throws {
        try await SimTest.withSimulator { sim, e in
            let gap = try await SimTest.stream(e.binance.ws + "/ws/ethusdt@depth@100ms") { ws -> Bool in
                var prevU: Int64?
                var seen = 0
                while let o = try await ws.nextObject() {
                    guard let u = (o["u"] as? NSNumber)?.int64Value, let pu = (o["pu"] as? NSNumber)?.int64Value else { continue }
                    if let p = prevU, pu != p { return pu > p }
                    prevU = u
                    seen += 1
                    if seen == 3 { await sim.inject(.dropDiff(.binance, count: 2, instrument: InstrumentId(venue: .binance, base: "ETH", quote: "USDT"))) }
                }
                return false
            }
            #expect(gap)
        }
    }

    @Test func symbolScopedDropDiffLeavesOtherSymbolsChainsIntact() async throws {
        try await SimTest.withSimulator { sim, e in
            let (ethGap, btcBreaks) = try await SimTest.stream(e.binance.ws + "/stream?streams=btcusdt@depth@100ms/ethusdt@depth@100ms") { ws -> (Bool, Int) in
                var prev: [String: Int64] = [:]
                var btcBreaks = 0, frames = 0
                var injected = false
                while let o = try await ws.nextObject() {
                    guard let stream = o["stream"] as? String, let d = o["data"] as? [String: Any],
                          let u = (d["u"] as? NSNumber)?.int64Value, let pu = (d["pu"] as? NSNumber)?.int64Value else { continue }
                    if let p = prev[stream], pu != p {
                        if stream.hasPrefix("eth") { return (true, btcBreaks) }
                        btcBreaks += 1
                    }
                    prev[stream] = u
                    frames += 1
                    if frames == 4, !injected {
                        injected = true
                        await sim.inject(.dropDiff(.binance, count: 3, instrument: InstrumentId(venue: .binance, base: "ETH", quote: "USDT")))
                    }
                }
                return (false, btcBreaks)
            }
            #expect(ethGap)
            #expect(btcBreaks == 0)
        }
    }

    @Test func corruptChecksumIsDetectableOnOKX() async throws {
        try await SimTest.withSimulator { _, e in
            let bad = try await SimTest.stream(e.okx.ws + "/ws/v5/public") { ws -> Bool in
                try await ws.send(#"{"op":"subscribe","args":[{"channel":"books","instId":"SOL-USDT-SWAP"}]}"#)
                var book = WireBook()
                var n = 0
                while let o = try await ws.nextObject(where: { $0["data"] != nil }) {
                    guard let d = (o["data"] as? [[String: Any]])?.first, let sum = (d["checksum"] as? NSNumber)?.int32Value else { continue }
                    book.apply(d["bids"], bid: true)
                    book.apply(d["asks"], bid: false)
                    if book.okxChecksum != sum { return n >= 2 }
                    n += 1
                    if n == 2 {
                        let r = try await SimTest.request(e.okx.rest + "/sim/faults", method: .POST,
                                                          body: #"{"venue":"okx","kind":"corrupt_checksum","params":{"count":1,"symbol":"SOL-USDT-SWAP"}}"#)
                        #expect(r.status == 200)
                    }
                }
                return false
            }
            #expect(bad)
        }
    }

    @Test func stallSilencesTheStreamWithoutClosingAndResumesWithAGap() async throws {
        try await SimTest.withSimulator { sim, e in
            let (closed, jump) = try await SimTest.stream(e.bybit.ws + "/v5/public/linear") { ws -> (Bool, Int64) in
                try await ws.send(#"{"op":"subscribe","args":["orderbook.200.BTCUSDT"]}"#)
                var last: Int64?
                while let o = try await ws.nextObject(where: { $0["topic"] != nil }) {
                    guard let u = ((o["data"] as? [String: Any])?["u"] as? NSNumber)?.int64Value else { continue }
                    if let l = last {
                        if u != l + 1 { return (false, u - l) }
                    } else {
                        await sim.inject(.stall(.bybit, millis: 1_000))
                        // A ping during the stall is not answered either; the socket stays open.
                        try await ws.send(#"{"op":"ping","req_id":"during-stall"}"#)
                    }
                    last = u
                }
                return (true, 0)
            }
            #expect(!closed)
            #expect(jump > 1)
        }
    }

    @Test func closeSocketDisconnectsEveryClientOfTheVenue() async throws {
        try await SimTest.withSimulator { sim, e in
            for (venue, url, sub) in [(Venue.binance, e.binance.ws + "/ws/btcusdt@depth", ""),
                                      (.okx, e.okx.ws + "/ws/v5/public", #"{"op":"subscribe","args":[{"channel":"books","instId":"BTC-USDT-SWAP"}]}"#),
                                      (.bybit, e.bybit.ws + "/v5/public/linear", #"{"op":"subscribe","args":["orderbook.50.BTCUSDT"]}"#)] {
                let ended = try await SimTest.stream(url) { ws -> Bool in
                    if !sub.isEmpty { try await ws.send(sub) }
                    _ = try await ws.next()
                    await sim.inject(.closeSocket(venue))
                    while try await ws.next() != nil {}
                    return true
                }
                #expect(ended, "\(venue)")
                #expect(await sim.state.connectionCount(venue: venue) == 0)
            }
        }
    }

    @Test func latencyDelaysRestReplies() async throws {
        try await SimTest.withSimulator { sim, e in
            await sim.inject(.latency(.okx, millis: 400))
            let clock = ContinuousClock()
            let start = clock.now
            let r = try await SimTest.request(e.okx.rest + "/api/v5/public/time")
            #expect(r.status == 200)
            #expect(clock.now - start >= .milliseconds(400))
            await sim.clearFaults()
        }
    }

    @Test func restErrorsUseEachVenuesStatusBodyAndHeaders() async throws {
        try await SimTest.withSimulator { sim, e in
            await sim.inject(.restError(.binance, status: 429))
            let b = try await SimTest.request(e.binance.rest + "/fapi/v1/time")
            #expect(b.status == 429 && b.object["code"] as? Int == -1003 && b.headers["retry-after"] != nil)
            #expect(try await SimTest.request(e.binance.rest + "/fapi/v1/time").status == 200)

            await sim.inject(.restError(.okx, status: 503, count: 2))
            for _ in 0..<2 {
                let o = try await SimTest.request(e.okx.rest + "/api/v5/public/time")
                #expect(o.status == 503 && o.object["code"] as? String == "50001")
            }
            #expect(try await SimTest.request(e.okx.rest + "/api/v5/public/time").status == 200)

            let post = try await SimTest.request(e.bybit.rest + "/sim/faults", method: .POST,
                                                 body: #"{"venue":"bybit","kind":"rest_error","params":{"status":429}}"#)
            #expect(post.status == 200)
            let y = try await SimTest.request(e.bybit.rest + "/v5/market/time")
            #expect(y.status == 429 && y.object["retCode"] as? Int == 10006 && y.headers["x-bapi-limit-status"] != nil)
        }
    }

    @Test func malformedFramesReachTheClient() async throws {
        try await SimTest.withSimulator { sim, e in
            let garbage = try await SimTest.stream(e.binance.ws + "/ws/btcusdt@depth@100ms") { ws -> String? in
                _ = try await ws.next()
                await sim.inject(.malformed(.binance, count: 1))
                while let t = try await ws.next() {
                    if (try? JSONSerialization.jsonObject(with: Data(t.utf8))) == nil { return t }
                }
                return nil
            }
            #expect(garbage != nil)
        }
    }

    @Test func adminApiListsClearsAndRejectsBadJSONInRussian() async throws {
        try await SimTest.withSimulator { _, e in
            let url = e.okx.rest + "/sim/faults"
            let badVenue = try await SimTest.request(url, method: .POST, body: #"{"venue":"kraken","kind":"stall"}"#)
            #expect(badVenue.status == 400)
            #expect((badVenue.object["message_ru"] as? String)?.contains("«venue»") == true)
            let noKind = try await SimTest.request(url, method: .POST, body: #"{"venue":"okx"}"#)
            #expect((noKind.object["message_ru"] as? String)?.contains("«kind»") == true)
            let badCount = try await SimTest.request(url, method: .POST, body: #"{"venue":"okx","kind":"drop_diff","params":{"count":"x"}}"#)
            #expect((badCount.object["message_ru"] as? String)?.contains("«params.count»") == true)
            let notJSON = try await SimTest.request(url, method: .POST, body: "nope")
            #expect(notJSON.status == 400 && notJSON.object["hint_ru"] is String)

            let ok = try await SimTest.request(e.binance.rest + "/sim/faults", method: .POST,
                                               body: #"{"venue":"bybit","kind":"drop_diff","params":{"count":5,"symbol":"ETHUSDT"}}"#)
            #expect(ok.status == 200)
            let list = try await SimTest.request(e.bybit.rest + "/sim/faults").object["faults"] as? [[String: Any]] ?? []
            #expect(list.count == 1 && list.first?["kind"] as? String == "drop_diff" && list.first?["venue"] as? String == "bybit")
            #expect((list.first?["params"] as? [String: Any])?["symbol"] as? String == "ETHUSDT")
            _ = try await SimTest.request(url, method: .DELETE)
            let after = try await SimTest.request(url).object["faults"] as? [Any]
            #expect(after?.isEmpty == true)
        }
    }
}
