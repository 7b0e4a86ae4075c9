import Foundation
import PropCore
import Testing
import VenueSim

@Suite struct OKXSimTests {
    @Test func restEndpointsAnswerInOKXShapes() async throws {
        try await SimTest.withSimulator { _, e in
            let base = e.okx.rest
            let time = try await SimTest.request(base + "/api/v5/public/time").object
            #expect(time["code"] as? String == "0" && ((time["data"] as? [[String: Any]])?.first?["ts"] is String))
            let inst = try await SimTest.request(base + "/api/v5/public/instruments?instType=SWAP").object
            let items = inst["data"] as? [[String: Any]] ?? []
            #expect(items.count == 3)
            let btc = items.first { $0["instId"] as? String == "BTC-USDT-SWAP" } ?? [:]
            #expect(btc["ctVal"] as? String == "0.01" && btc["ctMult"] as? String == "1" && btc["tickSz"] as? String == "0.1")
            #expect(btc["state"] as? String == "live" && btc["settleCcy"] as? String == "USDT" && btc["lotSz"] is String && btc["minSz"] is String)
            let sol = items.first { $0["instId"] as? String == "SOL-USDT-SWAP" } ?? [:]
            #expect(sol["ctVal"] as? String == "1")
            for type in ["SPOT", "FUTURES", "OPTION"] {
                let r = try await SimTest.request(base + "/api/v5/public/instruments?instType=\(type)").object
                #expect(r["code"] as? String == "0" && (r["data"] as? [Any])?.isEmpty == true)
            }
            let books = try await SimTest.request(base + "/api/v5/market/books?instId=BTC-USDT-SWAP&sz=400").object
            let b0 = (books["data"] as? [[String: Any]])?.first ?? [:]
            #expect((b0["bids"] as? [[String]])?.count == 400 && (b0["asks"] as? [[String]])?.first?.count == 4)
            let unknown = try await SimTest.request(base + "/api/v5/market/books?instId=DOGE-USDT-SWAP").object
            #expect(unknown["code"] as? String == "51001")
            let ticker = try await SimTest.request(base + "/api/v5/market/ticker?instId=ETH-USDT-SWAP").object
            #expect(((ticker["data"] as? [[String: Any]])?.first?["bidPx"]) is String)
            let tickers = try await SimTest.request(base + "/api/v5/market/tickers?instType=SWAP").object
            #expect((tickers["data"] as? [Any])?.count == 3)
            let fr = try await SimTest.request(base + "/api/v5/public/funding-rate?instId=BTC-USDT-SWAP").object
            #expect(((fr["data"] as? [[String: Any]])?.first?["fundingRate"]) is String)
        }
    }

    /// Snapshot (`prevSeqId` -1), then updates chained by `prevSeqId`, each with a checksum that matches
    /// the client's book built from the exact strings sent; a frozen book ends equal to REST.
    @Test func booksChannelChainsSeqIdsWithValidChecksumsAndMatchesRest() async throws {
        try await SimTest.withSimulator { _, e in
            try await SimTest.stream(e.okx.ws + "/ws/v5/public") { ws in
                try await ws.send(#"{"id":"1","op":"subscribe","args":[{"channel":"books","instId":"BTC-USDT-SWAP"}]}"#)
                let ack = try await ws.nextObject()
                #expect(ack?["event"] as? String == "subscribe" && ack?["id"] as? String == "1" && ack?["connId"] is String)
                var book = WireBook()
                var lastSeq: Int64 = 0
                var updates = 0
                func take(_ o: [String: Any]) {
                    guard let d = (o["data"] as? [[String: Any]])?.first,
                          let seq = (d["seqId"] as? NSNumber)?.int64Value, let prev = (d["prevSeqId"] as? NSNumber)?.int64Value,
                          let sum = (d["checksum"] as? NSNumber)?.int32Value else { Issue.record("bad books \(o)"); return }
                    if o["action"] as? String == "snapshot" {
                        #expect(prev == -1)
                        book.reset()
                        #expect((d["bids"] as? [Any])?.count == 400)
                    } else {
                        #expect(prev == lastSeq, "prevSeqId chain broken")
                        updates += 1
                    }
                    book.apply(d["bids"], bid: true)
                    book.apply(d["asks"], bid: false)
                    #expect(book.okxChecksum == sum, "checksum mismatch at seqId \(seq)")
                    lastSeq = seq
                }
                while updates < 20, let o = try await ws.nextObject(where: { $0["arg"] != nil }) { take(o) }
                _ = try await SimTest.request(e.okx.rest + "/sim/faults", method: .POST,
                                              body: #"{"venue":"okx","kind":"freeze_book","params":{"symbol":"BTC-USDT-SWAP","duration_ms":20000}}"#)
                // Once frozen the book stays put: applying what is still in flight must end equal to REST.
                let rest = try await SimTest.request(e.okx.rest + "/api/v5/market/books?instId=BTC-USDT-SWAP&sz=400").object
                let restBook = WireBook.from((rest["data"] as? [[String: Any]])?.first ?? [:])
                var matched = book.top(400) == restBook.top(400)
                while !matched, let o = try await ws.nextObject(where: { $0["arg"] != nil }) {
                    take(o)
                    matched = book.top(400) == restBook.top(400)
                }
                #expect(matched)
            }
        }
    }

    @Test func pingErrorsAndOtherChannels() async throws {
        try await SimTest.withSimulator { _, e in
            try await SimTest.stream(e.okx.ws + "/ws/v5/public") { ws in
                try await ws.send("ping")
                #expect(try await ws.next() == "pong")
                try await ws.send("{bad")
                let err = try await ws.nextObject()
                #expect(err?["event"] as? String == "error" && err?["code"] as? String == "60012")
                try await ws.send(#"{"op":"subscribe","args":[{"channel":"books","instId":"NOPE-USDT-SWAP"}]}"#)
                let err2 = try await ws.nextObject()
                #expect(err2?["event"] as? String == "error" && err2?["code"] as? String == "60018")
                try await ws.send(#"{"op":"subscribe","args":[{"channel":"trades","instId":"BTC-USDT-SWAP"},{"channel":"tickers","instId":"BTC-USDT-SWAP"},{"channel":"mark-price","instId":"BTC-USDT-SWAP"},{"channel":"funding-rate","instId":"BTC-USDT-SWAP"}]}"#)
                var channels: Set<String> = []
                while channels.count < 4, let o = try await ws.nextObject(where: { $0["data"] != nil }) {
                    if let c = (o["arg"] as? [String: Any])?["channel"] as? String { channels.insert(c) }
                }
                #expect(channels == ["trades", "tickers", "mark-price", "funding-rate"])
            }
        }
    }

    @Test func stillBookSendsHeartbeatWithEqualSeqIds() async throws {
        try await SimTest.withSimulator(okxHeartbeatMillis: 300) { sim, e in
            await sim.inject(.freezeBook(.okx, millis: 30_000, instrument: InstrumentId(venue: .okx, base: "ETH", quote: "USDT")))
            try await SimTest.stream(e.okx.ws + "/ws/v5/public") { ws in
                try await ws.send(#"{"op":"subscribe","args":[{"channel":"books","instId":"ETH-USDT-SWAP"}]}"#)
                let hb = try await ws.nextObject { o in
                    guard o["action"] as? String == "update", let d = (o["data"] as? [[String: Any]])?.first else { return false }
                    return (d["bids"] as? [Any])?.isEmpty == true && (d["asks"] as? [Any])?.isEmpty == true
                }
                let d = (hb?["data"] as? [[String: Any]])?.first ?? [:]
                #expect(d["seqId"] as? Int64 == d["prevSeqId"] as? Int64 && d["seqId"] != nil)
            }
        }
    }
}
