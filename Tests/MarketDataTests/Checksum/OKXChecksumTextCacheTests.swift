@testable import MarketData
import PropCore
import PropertyBased
import Testing

/// The checksum's level-text cache (texts of unchanged levels reused from the previous check) against the string
/// path, over long random update sequences through one scratch: inserts, deletes, size changes at kept prices,
/// moves of the best level, depth and scale changes, snapshots in between.
@Suite struct OKXChecksumTextCacheTests {
    static func viaString(_ book: OrderBook, _ depth: Int) -> Int32 {
        CRC32.signedChecksum(Array(OKXBookChecksum.text(book, depth: depth).utf8))
    }

    /// A size that often keeps its value (a cache hit) and often ends in zeros, sometimes huge or negative.
    static func qty(_ rng: inout Xoshiro) -> Int64 {
        switch Int.random(in: 0...9, using: &rng) {
        case 0: return Int64.random(in: 1...Int64.max / 2, using: &rng)
        case 1: return -Int64.random(in: 1...1_000, using: &rng)
        case 2...4: return Int64.random(in: 1...9, using: &rng)
        default:
            var m = Int64.random(in: 1...99_999, using: &rng)
            for _ in 0..<Int.random(in: 0...6, using: &rng) { m *= 10 }
            return m
        }
    }

    @Test func cachedTextEqualsRecomputedTextOverRandomUpdates() async {
        await propertyCheck(count: 200, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var rng = Xoshiro(seed: (seed, 19, 23, 29))
            var scratch = OKXChecksumScratch()
            var ps = Int.random(in: 0...18, using: &rng), qs = Int.random(in: 0...18, using: &rng)
            var book = OrderBook(priceScale: ps, qtyScale: qs)
            let mid = Int64.random(in: 1_000...10_000_000, using: &rng)
            for step in 0..<120 {
                switch Int.random(in: 0...19, using: &rng) {
                case 0:
                    // New scales (as another instrument's book through the same scratch would bring).
                    ps = Int.random(in: 0...18, using: &rng); qs = Int.random(in: 0...18, using: &rng)
                    var other = OrderBook(priceScale: ps, qtyScale: qs)
                    other.replace(bids: book.bids(depth: 400), asks: book.asks(depth: 400))
                    book = other
                case 1:
                    book.replace(bids: (0..<Int.random(in: 0...40, using: &rng)).map { _ in lv(mid - Int64.random(in: 1...60, using: &rng), Self.qty(&rng)) },
                                 asks: (0..<Int.random(in: 0...40, using: &rng)).map { _ in lv(mid + Int64.random(in: 0...60, using: &rng), Self.qty(&rng)) })
                default:
                    // A delta near the top: size changes at kept prices, deletes, new levels, sometimes across the best.
                    var bids: [BookLevel] = [], asks: [BookLevel] = []
                    for _ in 0..<Int.random(in: 1...6, using: &rng) {
                        let q = Int.random(in: 0...3, using: &rng) == 0 ? 0 : Self.qty(&rng)
                        let bid = book.bid(at: Int.random(in: 0...30, using: &rng))?.price ?? mid - Int64.random(in: 1...60, using: &rng)
                        let ask = book.ask(at: Int.random(in: 0...30, using: &rng))?.price ?? mid + Int64.random(in: 0...60, using: &rng)
                        bids.append(lv(Bool.random(using: &rng) ? bid : mid - Int64.random(in: 1...60, using: &rng), q))
                        asks.append(lv(Bool.random(using: &rng) ? ask : mid + Int64.random(in: 0...60, using: &rng), q))
                    }
                    book.update(bids: bids, asks: asks)
                }
                let depth = step % 17 == 0 ? [1, 5, 30, 0].randomElement(using: &rng)! : 25
                #expect(OKXBookChecksum.compute(book, depth: depth, scratch: &scratch) == Self.viaString(book, depth), "step \(step)")
            }
        }
    }

    /// Two books of different scales alternating through one scratch never reuse each other's texts.
    @Test func scalesChangeForgetsTheTexts() {
        var scratch = OKXChecksumScratch()
        var a = OrderBook(priceScale: 2, qtyScale: 3), b = OrderBook(priceScale: 1, qtyScale: 0)
        a.replace(bids: [lv(6_500_030, 31)], asks: [lv(6_500_040, 82)])
        b.replace(bids: [lv(6_500_030, 31)], asks: [lv(6_500_040, 82)])
        for _ in 0..<3 {
            #expect(OKXBookChecksum.compute(a, scratch: &scratch) == Self.viaString(a, 25))
            #expect(OKXBookChecksum.compute(b, scratch: &scratch) == Self.viaString(b, 25))
        }
    }
}
