import Foundation
import PropCore
import Testing
@testable import VenueSim

@Suite struct SyntheticMarketTests {
    static let t0: Int64 = 1_786_000_000_000

    static func run(seed: UInt64, steps: Int, parameters: SyntheticMarket.Parameters = .init()) -> SyntheticMarket {
        var m = SyntheticMarket(seed: seed, nowMs: t0, parameters: parameters)
        for i in 1...steps { _ = m.step(nowMs: t0 + Int64(i) * 100) }
        return m
    }

    @Test func sameSeedReplaysTheSameMarketAndOtherSeedsDiffer() {
        let a = Self.run(seed: 42, steps: 150), b = Self.run(seed: 42, steps: 150), c = Self.run(seed: 43, steps: 150)
        for i in a.instruments.indices {
            #expect(a.instruments[i].book == b.instruments[i].book)
            #expect(a.instruments[i].views.map(\.updateId) == b.instruments[i].views.map(\.updateId))
        }
        #expect(a.assetMids == b.assetMids)
        #expect(a.instruments.map(\.book) != c.instruments.map(\.book))
    }

    @Test func booksKeepFiveHundredLevelsOnTheGridAndNeverCross() {
        let m = Self.run(seed: 5, steps: 300)
        #expect(m.instruments.count == 9)
        for s in m.instruments {
            let book = s.book
            #expect(book.bids.count == 500 && book.asks.count == 500, "\(s.spec.id)")
            #expect(zip(book.bids, book.bids.dropFirst()).allSatisfy { $0.price > $1.price })
            #expect(zip(book.asks, book.asks.dropFirst()).allSatisfy { $0.price < $1.price })
            #expect((book.bestBid ?? 0) < (book.bestAsk ?? 0))
            #expect((book.bids + book.asks).allSatisfy { $0.price % s.spec.tickUnits == 0 && $0.qty > 0 && $0.qty % s.spec.lotUnits == 0 })
            // The three venues quote the same asset within a few dozen bps of each other.
            let mid = Double(book.bestBid ?? 0) / Double(pow10(s.spec.priceScale))
            let asset = m.assetMids[s.spec.id.base] ?? 0
            #expect(abs(mid / asset - 1) < 0.005, "\(s.spec.id) mid \(mid) vs asset \(asset)")
        }
    }

    @Test func streamDiffsRebuildEveryViewAndSequencesChainPerVenueRules() {
        var m = SyntheticMarket(seed: 9, nowMs: Self.t0)
        var local: [[SimBook]] = m.instruments.map { s in
            s.views.map { v in var b = SimBook(); b.apply(bids: v.bids, asks: v.asks); return b }
        }
        var lastId = m.instruments.map { $0.views.map(\.updateId) }
        var published = 0
        for step in 1...400 {
            for t in m.step(nowMs: Self.t0 + Int64(step) * 100) {
                let s = m.instruments[t.index]
                for u in t.views {
                    #expect(u.prevId == lastId[t.index][u.viewIndex])
                    if u.isEmpty { #expect(u.lastId == u.prevId); continue }
                    published += 1
                    switch s.spec.id.venue {
                    case .binance: #expect(u.firstId == u.prevId + 1 && u.lastId >= u.firstId)
                    case .okx: #expect(u.lastId > u.prevId)
                    case .bybit: #expect(u.lastId == u.prevId + 1)
                    }
                    lastId[t.index][u.viewIndex] = u.lastId
                    local[t.index][u.viewIndex].apply(bids: u.bids, asks: u.asks)
                    let depth = u.depth
                    #expect(Array(local[t.index][u.viewIndex].bids) == Array(s.book.top(.buy, depth)))
                    #expect(Array(local[t.index][u.viewIndex].asks) == Array(s.book.top(.sell, depth)))
                }
            }
        }
        #expect(published > 1000)
    }

    @Test func dislocationsOpenAndRevert() {
        var p = SyntheticMarket.Parameters()
        p.dislocationProbability = 0.05
        var m = SyntheticMarket(seed: 3, nowMs: Self.t0, parameters: p)
        var seen = false, reverted = false
        var active: Set<Int> = []
        for step in 1...600 {
            _ = m.step(nowMs: Self.t0 + Int64(step) * 100)
            for (i, s) in m.instruments.enumerated() {
                if s.dislocationBps != 0 { seen = true; active.insert(i) }
                else if active.contains(i) { reverted = true }
            }
        }
        #expect(seen && reverted)
    }

    @Test func frozenBooksDoNotMove() {
        var m = SyntheticMarket(seed: 1, nowMs: Self.t0)
        let id = InstrumentId(venue: .okx, base: "BTC", quote: "USDT")
        guard let i = m.index(of: id) else { Issue.record("no \(id)"); return }
        let before = m.instruments[i].book
        for step in 1...20 {
            let ticks = m.step(nowMs: Self.t0 + Int64(step) * 100, frozen: [id])
            #expect(ticks[i].views.allSatisfy { $0.isEmpty })
        }
        #expect(m.instruments[i].book == before)
    }

    @Test func okxChecksumInterleavesTrimmedStringsLikeTheVenue() {
        // Doc-style example; expected value from zlib.crc32 of "3366.1:7:3366.8:9:3366:6:3368:8" as int32.
        guard let spec = SimInstrumentSpec.all.first(where: { $0.id.venue == .okx && $0.id.base == "ETH" }) else {
            Issue.record("no OKX ETH spec"); return
        }
        let bids = [BookLevel(price: 336_610, qty: 700), BookLevel(price: 336_600, qty: 600)]
        let asks = [BookLevel(price: 336_680, qty: 900), BookLevel(price: 336_800, qty: 800)]
        #expect(OKXSimCodec.checksum(bids: bids, asks: asks, spec: spec) == -1_881_014_294)
    }

    @Test func randomGeneratorIsReproducibleAndUniformEnough() {
        var a = SimRandom(seed: 99), b = SimRandom(seed: 99)
        let xs = (0..<1000).map { _ in a.unit() }
        #expect(xs == (0..<1000).map { _ in b.unit() })
        #expect(xs.allSatisfy { $0 >= 0 && $0 < 1 })
        let mean = xs.reduce(0, +) / Double(xs.count)
        #expect(abs(mean - 0.5) < 0.05)
    }
}

@Suite struct SimEndpointsTests {
    @Test func jsonLineListsVenuesInOrderAndDecodesBack() throws {
        let e = SimEndpoints(binance: .init(host: "127.0.0.1", port: 8801), okx: .init(host: "127.0.0.1", port: 8802),
                             bybit: .init(host: "127.0.0.1", port: 8803))
        #expect(e.jsonLine == #"{"binance":{"rest":"http://127.0.0.1:8801","ws":"ws://127.0.0.1:8801"},"okx":{"rest":"http://127.0.0.1:8802","ws":"ws://127.0.0.1:8802"},"bybit":{"rest":"http://127.0.0.1:8803","ws":"ws://127.0.0.1:8803"}}"#)
        let back = try JSONDecoder().decode(SimEndpoints.self, from: Data(e.jsonLine.utf8))
        #expect(back == e)
        #expect(e.endpoints(for: .okx).rest == "http://127.0.0.1:8802")
    }
}
