import MarketData
import PropCore
import PropertyBased
import Testing

@Suite struct OrderBookTests {
    @Test func snapshotInAnyOrderIsStoredBestFirstAndSkipsZeroLevels() {
        var book = OrderBook(priceScale: 1, qtyScale: 3)
        book.replace(bids: [lv(99, 1), lv(101, 2), lv(100, 0), lv(98, 4)], asks: [lv(105, 1), lv(103, 2), lv(104, 3)])
        #expect(book.bids(depth: 10) == [lv(101, 2), lv(99, 1), lv(98, 4)])
        #expect(book.asks(depth: 10) == [lv(103, 2), lv(104, 3), lv(105, 1)])
        #expect(book.bestBid == lv(101, 2))
        #expect(book.bestAsk == lv(103, 2))
        #expect(book.bidCount == 3 && book.askCount == 3)
        #expect(book.bids(depth: 2) == [lv(101, 2), lv(99, 1)])
        #expect(book.priceScale == 1 && book.qtyScale == 3)
    }

    @Test func snapshotWithRepeatedPriceKeepsTheLastQuantity() {
        var book = OrderBook(priceScale: 0, qtyScale: 0)
        book.replace(bids: [lv(10, 1), lv(9, 1), lv(10, 7)], asks: [])
        #expect(book.bids(depth: 5) == [lv(10, 7), lv(9, 1)])
    }

    @Test func deltaInsertsOverwritesAndDeletesAndIgnoresAbsentDeletes() {
        var book = OrderBook(priceScale: 0, qtyScale: 0)
        book.replace(bids: [lv(100, 1), lv(99, 1)], asks: [lv(101, 1), lv(102, 1)])
        book.update(bids: [lv(100, 5), lv(99, 0), lv(97, 3), lv(50, 0)], asks: [lv(101, 0), lv(103, 9), lv(200, 0)])
        #expect(book.bids(depth: 10) == [lv(100, 5), lv(97, 3)])
        #expect(book.asks(depth: 10) == [lv(102, 1), lv(103, 9)])
        #expect(book.bid(at: 1) == lv(97, 3))
        #expect(book.ask(at: 2) == nil)
    }

    @Test func crossedAndLockedBooksAreReported() {
        var book = OrderBook(priceScale: 0, qtyScale: 0)
        book.replace(bids: [lv(100, 1)], asks: [lv(101, 1)])
        #expect(!book.isCrossed)
        book.update(bids: [lv(101, 1)], asks: [])
        #expect(book.isCrossed)
        book.update(bids: [lv(101, 0)], asks: [lv(99, 1)])
        #expect(book.isCrossed)
        book.clear()
        #expect(!book.isCrossed && book.bestBid == nil && book.bestAsk == nil)
    }

    @Test func deepInsertionsFarFromTheTopStaySorted() {
        var book = OrderBook(priceScale: 0, qtyScale: 0)
        var ref = ReferenceBook()
        // Far more levels than the top-of-book linear scan covers, inserted in scrambled order.
        for i in 0..<500 {
            let p = Int64((i * 7919) % 1000) + 1
            book.update(bids: [lv(p, Int64(i + 1))], asks: [lv(p + 2000, Int64(i + 1))])
            ref.apply(bids: [lv(p, Int64(i + 1))], asks: [lv(p + 2000, Int64(i + 1))])
        }
        #expect(ref.matches(book))
    }

    /// Any sequence of deltas gives exactly what the dictionary model gives.
    @Test func randomDeltasMatchDictionaryModel() async {
        let change = zip(Gen.bool, Gen.int64(in: 1...60), Gen.int64(in: 0...4))
        await propertyCheck(count: 300, input: change.array(of: 0...300)) { changes in
            var book = OrderBook(priceScale: 2, qtyScale: 0)
            var ref = ReferenceBook()
            for (isBid, price, qty) in changes {
                let l = [lv(price, qty)]
                if isBid { book.update(bids: l, asks: []); ref.apply(bids: l, asks: []) }
                else { book.update(bids: [], asks: l); ref.apply(bids: [], asks: l) }
            }
            #expect(ref.matches(book))
            #expect(book.bidCount == ref.bids.count && book.askCount == ref.asks.count)
            #expect(book.bestBid?.price == ref.bids.keys.max())
            #expect(book.bestAsk?.price == ref.asks.keys.min())
        }
    }

    /// A snapshot given in any order equals the model built from the same levels.
    @Test func randomSnapshotsMatchDictionaryModel() async {
        let level = zip(Gen.int64(in: 1...80), Gen.int64(in: 0...3))
        await propertyCheck(count: 200, input: level.array(of: 0...120), level.array(of: 0...120)) { b, a in
            let bids = b.map { lv($0.0, $0.1) }, asks = a.map { lv($0.0, $0.1) }
            var book = OrderBook(priceScale: 0, qtyScale: 0)
            book.update(bids: [lv(5, 5)], asks: [lv(6, 6)]) // replaced, not merged
            book.replace(bids: bids, asks: asks)
            var ref = ReferenceBook()
            // Qty-0 levels in a snapshot are skipped; with repeats the last non-zero one stands.
            ref.apply(bids: bids.filter { $0.qty != 0 }, asks: asks.filter { $0.qty != 0 })
            #expect(ref.matches(book))
        }
    }
}

/// The ring storage must follow a market that drifts far beyond its initial window, grow when the
/// book's span outgrows it, and stay exactly equal to the dictionary model throughout.
@Suite struct OrderBookRingTests {
    @Test func driftingMarketMatchesDictionaryModel() async {
        await propertyCheck(count: 40, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var rng = Xoshiro(seed: (seed, 7, 11, 13))
            var book = OrderBook(priceScale: 1, qtyScale: 3)
            var ref = ReferenceBook()
            var mid: Int64 = 650_000
            for step in 0..<3_000 {
                mid += Int64.random(in: -40...40, using: &rng)
                // Mostly near the mid, sometimes deep, rarely very far (forces the ring to grow).
                let roll = Int.random(in: 0..<100, using: &rng)
                let dist: Int64 = roll < 80 ? .random(in: 0...30, using: &rng)
                    : roll < 99 ? .random(in: 0...3_000, using: &rng) : .random(in: 0...200_000, using: &rng)
                let qty: Int64 = Int.random(in: 0..<4, using: &rng) == 0 ? 0 : .random(in: 1...9, using: &rng)
                // Bids below the mid, asks above, and stale levels on the wrong side of a moved mid are removed
                // so the model never crosses.
                var bids = [lv(mid - 1 - dist, qty)], asks = [lv(mid + dist, qty)]
                bids += ref.bids.keys.filter { $0 >= mid }.map { lv($0, 0) }
                asks += ref.asks.keys.filter { $0 < mid }.map { lv($0, 0) }
                book.update(bids: bids, asks: asks)
                ref.apply(bids: bids, asks: asks)
                if step % 500 == 0 { #expect(ref.matches(book)) }
            }
            #expect(ref.matches(book))
            #expect(book.bestBid?.price == ref.bids.keys.max() && book.bestAsk?.price == ref.asks.keys.min())
            #expect(book.bidSide.farLevelsDropped == 0 && book.askSide.farLevelsDropped == 0)
        }
    }

    @Test func levelsBeyondTheMaximumSpanAreDroppedKeepingTheBestSide() {
        var side = BookSide(isAsk: false)
        side.set(price: 10_000_000, qty: 1)
        side.set(price: 10_000_000 - Int64(BookSide.maxSlots) - 5, qty: 1) // far below the best
        #expect(side.count == 1 && side.farLevelsDropped == 1)
        side.set(price: 10_000_000 + Int64(BookSide.maxSlots) + 5, qty: 2) // new best far above: old one goes
        #expect(side.count == 1 && side.best == lv(10_000_000 + Int64(BookSide.maxSlots) + 5, 2))
        #expect(side.farLevelsDropped == 2)
    }

    @Test func snapshotSpanningManyTicksIsStoredWhole() {
        var book = OrderBook(priceScale: 0, qtyScale: 0)
        let bids = (0..<1000).map { lv(1_000_000 - Int64($0) * 97, 1) }
        book.replace(bids: bids, asks: [lv(1_000_001, 1)])
        #expect(book.bids(depth: 2_000) == bids)
        book.update(bids: [lv(1_000_000, 0)], asks: [])
        #expect(book.bestBid == lv(1_000_000 - 97, 1))
    }
}
