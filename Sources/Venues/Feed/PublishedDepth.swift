import Foundation
import MarketData
import PropCore

/// The best levels of one book, written by the feed's receiving task after every applied update and copied
/// out by the strategy when (and only when) a route through the book may pay.
///
/// A lock, not a seqlock: the payload is two arrays. The writer refills them in place (no allocation once
/// they reached their capacity); a reader copies them under the same short lock.
final class PublishedDepth: @unchecked Sendable {
    // @unchecked: `bids`, `asks` and `seq` are only touched inside `lock`, so every access is serialized.
    private let lock = NSLock()
    private var bids: [BookLevel] = []
    private var asks: [BookLevel] = []
    private var seq: Int64 = 0

    /// Levels per side kept.
    static let levels = 20

    /// Writer side: the book's best levels after an update.
    func publish(_ book: OrderBook, seq newSeq: Int64) {
        lock.lock()
        book.copyTop(depth: Self.levels, bids: &bids, asks: &asks)
        seq = newSeq
        lock.unlock()
    }

    /// Reader side: a copy of up to `depth` levels per side and the sequence they belong to.
    func read(depth: Int) -> (bids: [BookLevel], asks: [BookLevel], seq: Int64) {
        lock.lock()
        defer { lock.unlock() }
        return (Array(bids.prefix(depth)), Array(asks.prefix(depth)), seq)
    }
}
