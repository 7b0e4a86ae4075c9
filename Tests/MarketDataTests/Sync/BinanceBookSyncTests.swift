import MarketData
import PropCore
import Testing

/// Binance USD-M: buffer diffs, then snapshot with the straddle rule, then `pu` chaining.
@Suite struct BinanceBookSyncTests {
    func makeSync(limit: Int = 10_000) -> BookSync {
        BookSync(venue: .binance, priceScale: 1, qtyScale: 3, binanceBufferLimit: limit)
    }

    func diff(_ first: Int64, _ last: Int64, pu: Int64, bids: [BookLevel] = [], asks: [BookLevel] = []) -> DepthUpdate {
        .make(.delta, first: first, last: last, prev: pu, bids: bids, asks: asks)
    }

    func snapshot(_ id: Int64, bids: [BookLevel], asks: [BookLevel]) -> DepthUpdate {
        .make(.snapshot, first: id, last: id, prev: id, bids: bids, asks: asks)
    }

    @Test func diffsBeforeSnapshotAreBufferedThenReplayedFromTheStraddlingEvent() {
        var s = makeSync()
        #expect(s.status == .syncing)
        #expect(s.handle(diff(90, 95, pu: 89, bids: [lv(100, 9)])) == .buffered)
        #expect(s.handle(diff(96, 104, pu: 95, bids: [lv(101, 2)])) == .buffered)
        #expect(s.handle(diff(105, 110, pu: 104, asks: [lv(103, 0), lv(104, 4)])) == .buffered)
        #expect(s.bufferedCount == 3)
        #expect(!s.isValid)
        // Snapshot at 100: 90–95 is older (dropped), 96–104 straddles, 105–110 chains on pu.
        let r = s.handle(snapshot(100, bids: [lv(100, 1)], asks: [lv(103, 1), lv(105, 1)]))
        #expect(r == .applied)
        #expect(s.isValid)
        #expect(s.lastUpdateId == 110)
        #expect(s.bufferedCount == 0)
        #expect(s.book.bids(depth: 5) == [lv(101, 2), lv(100, 1)])
        #expect(s.book.asks(depth: 5) == [lv(104, 4), lv(105, 1)])
        #expect(s.handle(diff(111, 112, pu: 110, bids: [lv(100, 0)])) == .applied)
        #expect(s.book.bids(depth: 5) == [lv(101, 2)])
    }

    @Test func firstEventEndingExactlyAtSnapshotIdStraddles() {
        var s = makeSync()
        _ = s.handle(diff(96, 100, pu: 95, bids: [lv(100, 1)]))
        #expect(s.handle(snapshot(100, bids: [lv(100, 1)], asks: [lv(101, 1)])) == .applied)
        #expect(s.lastUpdateId == 100)
        #expect(s.handle(diff(101, 101, pu: 100, asks: [lv(102, 1)])) == .applied)
    }

    @Test func firstEventStartingAfterSnapshotIdIsAGap() {
        var s = makeSync()
        _ = s.handle(diff(102, 110, pu: 101))
        #expect(s.handle(snapshot(100, bids: [lv(100, 1)], asks: [lv(101, 1)])) == .resync(.sequenceGap))
        #expect(s.status == .invalid(.sequenceGap))
        #expect(s.stats.gaps == 1 && s.stats.resyncs == 1)
        // The failed diff stays buffered; a newer snapshot inside it connects.
        #expect(s.bufferedCount == 1)
        #expect(s.handle(snapshot(105, bids: [lv(100, 1)], asks: [lv(101, 1)])) == .applied)
        #expect(s.lastUpdateId == 110)
    }

    @Test func snapshotNewerThanEveryBufferedDiffWaitsForTheStraddlingLiveDiff() {
        var s = makeSync()
        _ = s.handle(diff(90, 95, pu: 89))
        #expect(s.handle(snapshot(100, bids: [lv(100, 1)], asks: [lv(101, 1)])) == .applied)
        #expect(s.isValid && s.lastUpdateId == 100)
        #expect(s.handle(diff(96, 99, pu: 95)) == .ignored)
        #expect(s.handle(diff(100, 103, pu: 99, bids: [lv(99, 3)])) == .applied)
        #expect(s.lastUpdateId == 103)
    }

    @Test func gapInDiffStreamTriggersResync() {
        var s = makeSync()
        _ = s.handle(diff(96, 104, pu: 95))
        _ = s.handle(snapshot(100, bids: [lv(100, 1)], asks: [lv(101, 1)]))
        #expect(s.handle(diff(110, 112, pu: 108)) == .resync(.sequenceGap))
        #expect(s.status == .invalid(.sequenceGap))
        #expect(s.stats.gaps == 1 && s.stats.resyncs == 1)
        // While invalid, diffs are buffered for the next snapshot.
        #expect(s.handle(diff(113, 115, pu: 112)) == .buffered)
        #expect(s.bufferedCount == 2)
        #expect(s.handle(snapshot(114, bids: [lv(100, 2)], asks: [lv(101, 2)])) == .applied)
        #expect(s.lastUpdateId == 115)
    }

    @Test func olderAndRepeatedDiffsAfterSyncAreIgnored() {
        var s = makeSync()
        _ = s.handle(diff(96, 104, pu: 95))
        _ = s.handle(snapshot(100, bids: [lv(100, 1)], asks: [lv(101, 1)]))
        #expect(s.handle(diff(105, 106, pu: 104, bids: [lv(100, 7)])) == .applied)
        #expect(s.handle(diff(105, 106, pu: 104, bids: [lv(100, 7)])) == .ignored)
        #expect(s.handle(diff(96, 104, pu: 95, bids: [lv(100, 1)])) == .ignored)
        #expect(s.isValid && s.book.bestBid == lv(100, 7))
        #expect(s.stats.ignored == 2)
    }

    @Test func bufferOverflowBeforeSnapshotAsksForAResync() {
        var s = makeSync(limit: 3)
        for i in 0..<3 { #expect(s.handle(diff(Int64(i * 10 + 1), Int64(i * 10 + 10), pu: Int64(i * 10))) == .buffered) }
        #expect(s.handle(diff(31, 40, pu: 30)) == .resync(.snapshotFailed))
        #expect(s.status == .invalid(.snapshotFailed))
        #expect(s.bufferedCount == 1) // a fresh window starting with the newest diff
        #expect(s.handle(snapshot(35, bids: [lv(100, 1)], asks: [lv(101, 1)])) == .applied)
        #expect(s.lastUpdateId == 40)
    }

    @Test func crossedBookAfterDiffTriggersResync() {
        var s = makeSync()
        _ = s.handle(diff(96, 104, pu: 95))
        _ = s.handle(snapshot(100, bids: [lv(100, 1)], asks: [lv(101, 1)]))
        #expect(s.handle(diff(105, 105, pu: 104, bids: [lv(102, 1)])) == .resync(.crossed))
        #expect(s.status == .invalid(.crossed))
        #expect(s.stats.crossed == 1 && s.stats.resyncs == 1)
    }

    @Test func invalidateDropsBufferAndNextSnapshotRestores() {
        var s = makeSync()
        _ = s.handle(diff(96, 104, pu: 95))
        _ = s.handle(snapshot(100, bids: [lv(100, 1)], asks: [lv(101, 1)]))
        s.invalidate(.disconnected)
        #expect(s.status == .invalid(.disconnected) && !s.isValid)
        s.invalidate(.stale) // already invalid: not a new resync
        #expect(s.stats.resyncs == 1)
        #expect(s.handle(diff(200, 210, pu: 199)) == .buffered)
        #expect(s.handle(snapshot(205, bids: [lv(100, 1)], asks: [lv(101, 1)])) == .applied)
        #expect(s.isValid)
    }

    @Test func resetForResyncStartsFromNothing() {
        var s = makeSync()
        _ = s.handle(diff(96, 104, pu: 95))
        _ = s.handle(snapshot(100, bids: [lv(100, 1)], asks: [lv(101, 1)]))
        s.resetForResync()
        #expect(s.status == .syncing && s.lastUpdateId == 0 && s.book.bidCount == 0 && s.bufferedCount == 0)
        #expect(s.handle(diff(300, 301, pu: 299)) == .buffered)
    }

    @Test func negativeQuantityIsAMalformedFrame() {
        var s = makeSync()
        _ = s.handle(diff(96, 104, pu: 95))
        _ = s.handle(snapshot(100, bids: [lv(100, 1)], asks: [lv(101, 1)]))
        #expect(s.handle(diff(105, 105, pu: 104, bids: [lv(99, -1)])) == .resync(.malformedFrame))
        #expect(s.stats.malformed == 1 && s.stats.resyncs == 1)
        #expect(s.book.bid(at: 1) == nil) // nothing of the bad frame was applied
    }
}
