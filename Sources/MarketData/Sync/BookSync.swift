public import PropCore

/// Keeps one instrument's `OrderBook` in step with a venue's snapshot + delta stream and decides, per
/// message, whether the book can still be trusted.
///
/// Every feed (live, replay, benchmark) runs the same state machine, one per instrument, owned by one
/// task. The venue rules:
/// - Binance USD-M: diffs before the REST snapshot are buffered; on the snapshot, diffs with
///   `u < lastUpdateId` are dropped, the first applied must straddle it (`U <= lastUpdateId <= u`), and
///   each next one must have `pu ==` the previous `u`. Later, `u <=` the last applied `u` is a duplicate.
/// - OKX `books`: a snapshot replaces the book; an update needs `prevSeqId ==` the previous `seqId`
///   (`seqId == prevSeqId` with no levels is a heartbeat, `seqId < prevSeqId` a post-maintenance reset
///   that is still chained). Messages without sequence fields (2022 recordings: both 0) skip the chain
///   check. A non-zero checksum is verified after applying.
/// - Bybit `orderbook.N`: every snapshot resets the book (also `u == 1` after a restart); a delta needs
///   `u ==` previous `u + 1`.
/// - All: a crossed book after applying, a negative quantity or a non-positive price invalidates.
public struct BookSync: Sendable {
    /// The venue whose rules apply.
    public let venue: Venue
    /// The book; read it for trading only while `isValid`.
    public private(set) var book: OrderBook
    /// Current trust state.
    public private(set) var status: BookStatus
    /// Last applied sequence: Binance `u` (or the snapshot's `lastUpdateId`), OKX `seqId`, Bybit `u`.
    public private(set) var lastUpdateId: Int64
    /// Counters since creation.
    public private(set) var stats: BookSyncStats
    /// Levels per side covered by the OKX checksum.
    public let checksumDepth: Int

    /// Binance diffs waiting for a snapshot.
    var pending: PendingDiffs
    /// Binance: a snapshot was applied and no diff yet; the first one must straddle `lastUpdateId`.
    var awaitingFirstDiff = false
    /// Buffers of the OKX checksum, kept so checking a message allocates nothing.
    var checksumScratch = OKXChecksumScratch()

    /// Creates a state machine waiting for its first snapshot.
    /// - Parameter binanceBufferLimit: most Binance diffs buffered before a snapshot; one more means resync.
    public init(venue: Venue, priceScale: Int, qtyScale: Int, checksumDepth: Int = 25, binanceBufferLimit: Int = 10_000) {
        self.venue = venue
        self.book = OrderBook(priceScale: priceScale, qtyScale: qtyScale)
        self.status = .syncing
        self.lastUpdateId = 0
        self.stats = BookSyncStats()
        self.checksumDepth = checksumDepth
        self.pending = PendingDiffs(limit: binanceBufferLimit)
    }

    /// `true` only when the book mirrors the venue; strategies must not read it otherwise.
    @inlinable public var isValid: Bool { status == .valid }

    /// Number of Binance diffs currently buffered for the next snapshot.
    public var bufferedCount: Int { pending.count }

    /// Processes one message: a WS snapshot or delta, or (Binance) the REST snapshot with
    /// `lastUpdateId` set to the snapshot's `lastUpdateId`.
    public mutating func handle(_ update: DepthUpdate) -> SyncAction {
        stats.messages += 1
        guard Self.wellFormed(update) else {
            invalidate(.malformedFrame)
            return .resync(.malformedFrame)
        }
        switch venue {
        case .binance: return handleBinance(update)
        case .okx: return handleOKX(update)
        case .bybit: return handleBybit(update)
        }
    }

    /// Marks the book invalid for a reason found outside the message flow (undecodable frame, disconnect,
    /// staleness, failed snapshot fetch). Buffered Binance diffs are dropped: continuity is lost anyway.
    /// The next snapshot makes the book valid again.
    public mutating func invalidate(_ reason: BookInvalidReason) {
        pending.removeAll()
        awaitingFirstDiff = false
        enterInvalid(reason)
    }

    /// Starts again from nothing: empty book, status `.syncing`, no sequence, no buffered diffs.
    /// Binance then buffers diffs for the next REST snapshot; OKX/Bybit wait for the next WS snapshot.
    public mutating func resetForResync() {
        book.clear()
        status = .syncing
        lastUpdateId = 0
        pending.removeAll()
        awaitingFirstDiff = false
    }

    // MARK: - Shared

    /// Rejects values no venue sends for a live level: a negative quantity or a non-positive price.
    static func wellFormed(_ u: DepthUpdate) -> Bool {
        // One branch per message, not per level: OR the sign bits of qty and price-1 together.
        var bad: Int64 = 0
        for l in u.bids { bad |= l.qty | (l.price &- 1) }
        for l in u.asks { bad |= l.qty | (l.price &- 1) }
        return bad >= 0
    }

    /// Moves to `.invalid(reason)` and counts it. Only a transition from a non-invalid state is a new resync.
    @discardableResult
    mutating func enterInvalid(_ reason: BookInvalidReason) -> SyncAction {
        switch reason {
        case .sequenceGap: stats.gaps += 1
        case .checksumMismatch: stats.checksumFailures += 1
        case .crossed: stats.crossed += 1
        case .malformedFrame: stats.malformed += 1
        default: break
        }
        if case .invalid = status {} else { stats.resyncs += 1 }
        status = .invalid(reason)
        return .resync(reason)
    }

    /// Checks the book after a message was applied: checksum (when given and non-zero), then crossing.
    mutating func afterApply(checksum: Int32?) -> SyncAction {
        if let expected = checksum, expected != 0, OKXBookChecksum.compute(book, depth: checksumDepth, scratch: &checksumScratch) != expected {
            return enterInvalid(.checksumMismatch)
        }
        if book.isCrossed { return enterInvalid(.crossed) }
        status = .valid
        stats.applied += 1
        return .applied
    }

    mutating func ignore() -> SyncAction {
        stats.ignored += 1
        return .ignored
    }

    /// Replaces the book from a snapshot message and records its sequence.
    mutating func applySnapshot(_ u: DepthUpdate) {
        book.replace(bids: u.bids, asks: u.asks)
        lastUpdateId = u.lastUpdateId
        status = .valid
    }

    // MARK: - Binance

    mutating func handleBinance(_ u: DepthUpdate) -> SyncAction {
        if u.kind == .snapshot { return binanceSnapshot(u) }
        guard status == .valid else { return bufferBinance(u) }
        let r = binanceDiff(first: u.firstUpdateId, last: u.lastUpdateId, prev: u.prevUpdateId, bids: u.bids, asks: u.asks)
        if r == .resync(.sequenceGap) {
            // Keep the diff that broke the chain: the next snapshot may well fall inside it.
            _ = pending.append(u)
        }
        return r
    }

    mutating func bufferBinance(_ u: DepthUpdate) -> SyncAction {
        if pending.append(u) { return .buffered }
        // The snapshot is not coming in time: start a fresh window so the next snapshot can still connect.
        pending.removeAll()
        _ = pending.append(u)
        return enterInvalid(.snapshotFailed)
    }

    /// One diff against a valid book; never touches `pending`.
    mutating func binanceDiff<B: Collection, A: Collection>(first: Int64, last: Int64, prev: Int64, bids: B, asks: A) -> SyncAction
    where B.Element == BookLevel, A.Element == BookLevel {
        if awaitingFirstDiff {
            if last < lastUpdateId { return ignore() }
            if first > lastUpdateId { return enterInvalid(.sequenceGap) }
        } else {
            if last <= lastUpdateId { return ignore() }
            if prev != lastUpdateId { return enterInvalid(.sequenceGap) }
        }
        book.update(bids: bids, asks: asks)
        lastUpdateId = last
        awaitingFirstDiff = false
        return afterApply(checksum: nil)
    }

    mutating func binanceSnapshot(_ u: DepthUpdate) -> SyncAction {
        applySnapshot(u)
        awaitingFirstDiff = true
        let checked = afterApply(checksum: nil)
        guard checked == .applied else { return checked }
        var used = 0
        var result = SyncAction.applied
        for e in pending.entries {
            let r = binanceDiff(first: e.first, last: e.last, prev: e.prev, bids: pending.bids(e), asks: pending.asks(e))
            if case .resync = r {
                result = r
                break
            }
            used += 1
        }
        // After a failure the failing diff and everything after it stay buffered for the next snapshot.
        pending.removeFirst(used)
        return result
    }

    // MARK: - OKX

    mutating func handleOKX(_ u: DepthUpdate) -> SyncAction {
        if u.kind == .snapshot {
            applySnapshot(u)
            return afterApply(checksum: u.checksum)
        }
        guard status == .valid else { return ignore() }
        // 2022-era messages carry no seqId/prevSeqId; the codec leaves both 0. Only the checksum guards those.
        let hasSequence = !(u.prevUpdateId == 0 && u.lastUpdateId == 0)
        if hasSequence {
            if u.prevUpdateId != lastUpdateId { return enterInvalid(.sequenceGap) }
            if u.lastUpdateId == u.prevUpdateId, u.bids.isEmpty, u.asks.isEmpty { return ignore() }
            // seqId < prevSeqId is OKX's post-maintenance reset: chained, so accept and continue from it.
            lastUpdateId = u.lastUpdateId
        }
        book.update(bids: u.bids, asks: u.asks)
        return afterApply(checksum: u.checksum)
    }

    // MARK: - Bybit

    mutating func handleBybit(_ u: DepthUpdate) -> SyncAction {
        if u.kind == .snapshot {
            applySnapshot(u)
            return afterApply(checksum: nil)
        }
        guard status == .valid else { return ignore() }
        if u.lastUpdateId != lastUpdateId &+ 1 { return enterInvalid(.sequenceGap) }
        book.update(bids: u.bids, asks: u.asks)
        lastUpdateId = u.lastUpdateId
        return afterApply(checksum: nil)
    }
}
