import MarketData
import PropCore
import Testing

/// Bybit `orderbook.N`: every snapshot resets, deltas must be `u + 1`.
@Suite struct BybitBookSyncTests {
    func makeSync() -> BookSync { BookSync(venue: .bybit, priceScale: 2, qtyScale: 3) }

    func snapshot(_ u: Int64, bids: [BookLevel] = [lv(100, 1)], asks: [BookLevel] = [lv(101, 1)]) -> DepthUpdate {
        .make(.snapshot, first: u, last: u, prev: u - 1, bids: bids, asks: asks)
    }

    func delta(_ u: Int64, bids: [BookLevel] = [], asks: [BookLevel] = []) -> DepthUpdate {
        .make(.delta, first: u, last: u, prev: u - 1, bids: bids, asks: asks)
    }

    @Test func contiguousDeltasApply() {
        var s = makeSync()
        #expect(s.handle(snapshot(15_076_952)) == .applied)
        #expect(s.handle(delta(15_076_953, bids: [lv(99, 5)])) == .applied)
        #expect(s.handle(delta(15_076_954, asks: [lv(101, 0), lv(102, 2)])) == .applied)
        #expect(s.book.bids(depth: 3) == [lv(100, 1), lv(99, 5)])
        #expect(s.book.asks(depth: 3) == [lv(102, 2)])
        #expect(s.lastUpdateId == 15_076_954)
    }

    @Test func skippedOrRepeatedUpdateIdIsAGap() {
        var s = makeSync()
        _ = s.handle(snapshot(10))
        #expect(s.handle(delta(12)) == .resync(.sequenceGap))
        #expect(s.handle(delta(13)) == .ignored)
        _ = s.handle(snapshot(20))
        #expect(s.handle(delta(21)) == .applied)
        #expect(s.handle(delta(21)) == .resync(.sequenceGap))
        #expect(s.stats.gaps == 2 && s.stats.resyncs == 2)
    }

    @Test func snapshotWithUpdateIdOneAfterRestartResetsTheBook() {
        var s = makeSync()
        _ = s.handle(snapshot(500, bids: [lv(100, 1), lv(98, 1)]))
        _ = s.handle(delta(501, bids: [lv(97, 1)]))
        #expect(s.handle(snapshot(1, bids: [lv(90, 2)], asks: [lv(95, 2)])) == .applied)
        #expect(s.lastUpdateId == 1)
        #expect(s.book.bids(depth: 10) == [lv(90, 2)])
        #expect(s.book.asks(depth: 10) == [lv(95, 2)])
        #expect(s.handle(delta(2, bids: [lv(91, 1)])) == .applied)
    }

    @Test func crossedBookAfterDeltaTriggersResyncAndSnapshotRestores() {
        var s = makeSync()
        _ = s.handle(snapshot(10))
        #expect(s.handle(delta(11, asks: [lv(100, 1)])) == .resync(.crossed))
        #expect(!s.isValid)
        #expect(s.handle(snapshot(30)) == .applied)
        #expect(s.isValid)
        #expect(s.stats.crossed == 1 && s.stats.resyncs == 1)
    }
}
