import MarketData
import PropCore
import Testing

/// OKX `books`: seqId/prevSeqId chaining with heartbeats and post-maintenance resets, plus the checksum.
@Suite struct OKXBookSyncTests {
    func makeSync() -> BookSync { BookSync(venue: .okx, priceScale: 1, qtyScale: 0) }

    func snapshot(_ seq: Int64, bids: [BookLevel] = [lv(100, 1)], asks: [BookLevel] = [lv(101, 1)], checksum: Int32? = 0) -> DepthUpdate {
        .make(.snapshot, first: seq, last: seq, prev: -1, checksum: checksum, bids: bids, asks: asks)
    }

    func update(_ prev: Int64, _ seq: Int64, bids: [BookLevel] = [], asks: [BookLevel] = [], checksum: Int32? = 0) -> DepthUpdate {
        .make(.delta, first: seq, last: seq, prev: prev, checksum: checksum, bids: bids, asks: asks)
    }

    /// The documented example: snapshot(-1→10), update(10→15), heartbeat(15→15), reset(15→3), normal(3→5).
    @Test func documentedHeartbeatAndResetSequenceStaysValid() {
        var s = makeSync()
        #expect(s.handle(snapshot(10)) == .applied)
        #expect(s.handle(update(10, 15, bids: [lv(99, 2)])) == .applied)
        #expect(s.handle(update(15, 15)) == .ignored)
        #expect(s.isValid && s.lastUpdateId == 15)
        #expect(s.handle(update(15, 3, asks: [lv(102, 4)])) == .applied)
        #expect(s.lastUpdateId == 3)
        #expect(s.handle(update(3, 5, bids: [lv(99, 0)])) == .applied)
        #expect(s.isValid && s.lastUpdateId == 5)
        #expect(s.book.bids(depth: 5) == [lv(100, 1)])
        #expect(s.book.asks(depth: 5) == [lv(101, 1), lv(102, 4)])
        #expect(s.stats == BookSyncStats(messages: 5, applied: 4, ignored: 1))
    }

    @Test func brokenPrevSeqIdIsAGapAndUpdatesAreIgnoredUntilTheNextSnapshot() {
        var s = makeSync()
        _ = s.handle(snapshot(10))
        #expect(s.handle(update(11, 12)) == .resync(.sequenceGap))
        #expect(s.status == .invalid(.sequenceGap))
        #expect(s.handle(update(12, 13)) == .ignored)
        #expect(s.handle(snapshot(20, bids: [lv(90, 1)])) == .applied)
        #expect(s.isValid && s.book.bestBid == lv(90, 1))
        #expect(s.stats.gaps == 1 && s.stats.resyncs == 1 && s.stats.ignored == 1)
    }

    @Test func updatesBeforeTheFirstSnapshotAreIgnored() {
        var s = makeSync()
        #expect(s.handle(update(1, 2, bids: [lv(100, 1)])) == .ignored)
        #expect(s.status == .syncing && s.book.bidCount == 0)
    }

    @Test func correctChecksumPassesAndWrongChecksumTriggersResync() {
        // Build the expected checksum the slow way: CRC32 of the documented text.
        var expected = OrderBook(priceScale: 1, qtyScale: 0)
        expected.replace(bids: [lv(100, 1), lv(99, 2)], asks: [lv(101, 1)])
        #expect(OKXBookChecksum.text(expected) == "10:1:10.1:1:9.9:2")
        let good = CRC32.signedChecksum(Array("10:1:10.1:1:9.9:2".utf8))
        var s = makeSync()
        #expect(s.handle(snapshot(10, checksum: CRC32.signedChecksum(Array("10:1:10.1:1".utf8)))) == .applied)
        #expect(s.handle(update(10, 11, bids: [lv(99, 2)], checksum: good)) == .applied)
        #expect(s.handle(update(11, 12, bids: [lv(98, 2)], checksum: good)) == .resync(.checksumMismatch))
        #expect(s.stats.checksumFailures == 1 && s.stats.resyncs == 1)
    }

    @Test func zeroChecksumIsNotChecked() {
        var s = makeSync()
        _ = s.handle(snapshot(10, checksum: 0))
        #expect(s.handle(update(10, 11, bids: [lv(98, 2)], checksum: 0)) == .applied)
        #expect(s.handle(update(11, 12, bids: [lv(97, 2)], checksum: nil)) == .applied)
    }

    @Test func messagesWithoutSequenceFieldsSkipTheChainButNotTheChecksum() {
        var s = makeSync()
        _ = s.handle(.make(.snapshot, last: 0, prev: 0, checksum: CRC32.signedChecksum(Array("10:1:10.1:1".utf8)),
                           bids: [lv(100, 1)], asks: [lv(101, 1)]))
        #expect(s.isValid)
        let ok = CRC32.signedChecksum(Array("10:3:10.1:1".utf8))
        #expect(s.handle(update(0, 0, bids: [lv(100, 3)], checksum: ok)) == .applied)
        #expect(s.handle(update(0, 0, bids: [lv(100, 4)], checksum: ok)) == .resync(.checksumMismatch))
    }

    @Test func crossedSnapshotIsRejected() {
        var s = makeSync()
        #expect(s.handle(snapshot(10, bids: [lv(101, 1)], asks: [lv(101, 1)])) == .resync(.crossed))
        #expect(s.status == .invalid(.crossed) && s.stats.crossed == 1)
    }
}
