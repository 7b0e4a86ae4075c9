/// Log-linear bins for millisecond samples: exact below 128 ms, then 64 bins per power of two (≤ 1.6 %
/// coarser), so a window holds any number of samples in a few hundred counters.
enum LatencyBins {
    /// The bin of a sample; negative and NaN samples count as 0 ms.
    static func index(_ ms: Double) -> Int {
        let x = ms.isFinite ? Int(min(max(0, ms.rounded(.up)), 1e15)) : (ms > 0 ? Int(1e15) : 0)
        if x < 128 { return x }
        let e = Int.bitWidth - 1 - x.leadingZeroBitCount  // floor(log2 x) ≥ 7
        let sub = (x >> (e - 6)) & 63
        return 128 + (e - 7) * 64 + sub
    }

    /// The largest millisecond value in a bin: what a quantile reports, so it never understates.
    static func upperBound(_ index: Int) -> Double {
        if index < 128 { return Double(index) }
        let e = (index - 128) / 64 + 7, sub = (index - 128) % 64
        return Double(((64 + sub + 1) << (e - 6)) - 1)
    }

    /// A sample as the window will report it.
    static func quantised(_ ms: Double) -> Double { upperBound(index(ms)) }
}
