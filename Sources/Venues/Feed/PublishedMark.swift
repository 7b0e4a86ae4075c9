import Foundation
import PropCore

/// The latest mark, index and funding of one instrument, merged from the venue's mark / ticker / funding
/// frames (OKX sends mark price and funding on two channels). Written by the feed task about once a second,
/// read by the strategy's timer.
final class PublishedMark: @unchecked Sendable {
    // @unchecked: `merged` and `version` are only touched inside `lock`, so every access is serialized.
    private let lock = NSLock()
    private var merged = MarkPriceTick(slot: 0)
    private var version: UInt64 = 0

    /// Writer side: fields present in `tick` replace the stored ones.
    func merge(_ tick: MarkPriceTick) {
        lock.lock()
        defer { lock.unlock() }
        if let m = tick.markPrice { merged.markPrice = m }
        if let i = tick.indexPrice { merged.indexPrice = i }
        if let f = tick.fundingRate { merged.fundingRate = f }
        if tick.nextFundingTimeMs > 0 { merged.nextFundingTimeMs = tick.nextFundingTimeMs }
        merged.eventTimeMs = max(merged.eventTimeMs, tick.eventTimeMs)
        version &+= 1
    }

    /// Reader side: the merged tick and how many merges it has seen (0 = none yet).
    func read() -> (tick: MarkPriceTick, version: UInt64) {
        lock.lock()
        defer { lock.unlock() }
        return (merged, version)
    }
}
