/// A sliding window of `bucketCount` buckets of `bucketMs` each, holding latency samples (as bins) and
/// yes/no outcomes (as counts). Memory is bounded by the bucket count and bin count, not by traffic; the
/// answers depend only on what was recorded and the `atMs` asked about.
public struct RollingWindow: Sendable, Hashable {
    struct Bucket: Sendable, Hashable {
        var start: Int64 = .min
        var bins: [Int: Int] = [:]
        var samples = 0
        var hits = 0
        var outcomes = 0
    }

    public let bucketMs: Int64
    public let bucketCount: Int
    private var buckets: [Bucket]

    /// A window covering `bucketMs × bucketCount` milliseconds.
    public init(bucketMs: Int64, bucketCount: Int) {
        self.bucketMs = max(1, bucketMs)
        self.bucketCount = max(1, bucketCount)
        buckets = Array(repeating: Bucket(), count: self.bucketCount)
    }

    /// The window's length.
    public var windowMs: Int64 { bucketMs * Int64(bucketCount) }

    func bucketStart(_ atMs: Int64) -> Int64 { atMs - ((atMs % bucketMs) + bucketMs) % bucketMs }

    /// The oldest bucket start still inside the window that ends with the bucket holding `atMs`.
    func windowStart(_ atMs: Int64) -> Int64 { bucketStart(atMs) - bucketMs * Int64(bucketCount - 1) }

    private mutating func slot(_ atMs: Int64) -> Int {
        let start = bucketStart(atMs)
        let n = Int64(bucketCount)
        let i = Int(((start / bucketMs) % n + n) % n)
        if buckets[i].start != start {
            // Recording into a slot whose time has passed would mix windows; an older bucket than the one kept
            // there is already outside every window that bucket belongs to.
            if buckets[i].start > start { return -1 }
            buckets[i] = Bucket(start: start)
        }
        return i
    }

    /// Adds a latency/gap sample in milliseconds.
    public mutating func record(ms: Double, atMs: Int64) {
        let i = slot(atMs)
        guard i >= 0 else { return }
        buckets[i].bins[LatencyBins.index(ms), default: 0] += 1
        buckets[i].samples += 1
    }

    /// Adds one outcome; `hit` is the bad case (rejected, cancel failed).
    public mutating func record(hit: Bool, atMs: Int64) {
        let i = slot(atMs)
        guard i >= 0 else { return }
        buckets[i].outcomes += 1
        if hit { buckets[i].hits += 1 }
    }

    private func live(_ atMs: Int64) -> [Bucket] {
        let from = windowStart(atMs), to = bucketStart(atMs)
        return buckets.filter { $0.start >= from && $0.start <= to }
    }

    /// Samples in the window.
    public func sampleCount(atMs: Int64) -> Int { live(atMs).reduce(0) { $0 + $1.samples } }

    /// Outcomes in the window.
    public func outcomeCount(atMs: Int64) -> Int { live(atMs).reduce(0) { $0 + $1.outcomes } }

    /// Nearest-rank quantile (`q` in 0…1) of the samples in the window, as its bin's upper bound; nil when empty.
    public func quantile(_ q: Double, atMs: Int64) -> Double? {
        var merged: [Int: Int] = [:]
        var n = 0
        for b in live(atMs) {
            n += b.samples
            for (k, c) in b.bins { merged[k, default: 0] += c }
        }
        guard n > 0 else { return nil }
        let rank = max(1, Int((q * Double(n)).rounded(.up)))
        var seen = 0
        for k in merged.keys.sorted() {
            seen += merged[k]!
            if seen >= rank { return LatencyBins.upperBound(k) }
        }
        return nil
    }

    /// 95th percentile of the window's samples.
    public func p95(atMs: Int64) -> Double? { quantile(0.95, atMs: atMs) }

    /// Share of bad outcomes in the window (0…1); nil when there were none.
    public func rate(atMs: Int64) -> Double? {
        let b = live(atMs)
        let total = b.reduce(0) { $0 + $1.outcomes }
        return total > 0 ? Double(b.reduce(0) { $0 + $1.hits }) / Double(total) : nil
    }
}
