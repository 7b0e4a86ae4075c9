/// Unhedged exposure per pair: |Σ position across venues| at mid, and how long it has been non-zero.
/// An episode starts when exposure rises above dust and ends when it is back to dust. The USDT bound applies to
/// the part no working order of ours is offsetting (the first fill of a two-leg entry is not a breach while the
/// second leg is on its way); the time bound applies to the whole exposure.
public struct UnhedgedExposure: Sendable {
    /// One pair's state.
    public struct Pair: Sendable, Hashable {
        /// Current unhedged notional, USDT.
        public var usd: Double = 0
        /// The part of `usd` that no working order offsets.
        public var uncoveredUsd: Double = 0
        /// Since when it is above dust (nil = hedged).
        public var sinceNs: UInt64?
        /// Largest notional seen.
        public var maxUsd: Double = 0
        /// Longest episode, seconds.
        public var maxSeconds: Double = 0
        /// HOLD raised for this pair's bound.
        public var breached = false

        /// Seconds of the current episode at `nowNs`.
        public func seconds(_ nowNs: UInt64) -> Double { sinceNs.map { Double(elapsedNs($0, nowNs)) / 1e9 } ?? 0 }
    }

    public internal(set) var pairs: [String: Pair] = [:]
    /// Durations of finished episodes, seconds (for the backtest's p99).
    public internal(set) var episodes: [Double] = []

    /// Updates one pair; returns true when the bound is crossed for the first time in this episode.
    mutating func update(_ pair: String, usd: Double, uncoveredUsd: Double, isDust: Bool, nowNs: UInt64,
                         maxUsd: Double, maxMs: Int64) -> Bool {
        var p = pairs[pair] ?? Pair()
        p.usd = isDust ? 0 : usd
        p.uncoveredUsd = isDust ? 0 : min(uncoveredUsd, usd)
        if isDust {
            if let since = p.sinceNs { episodes.append(Double(elapsedNs(since, nowNs)) / 1e9) }
            p.sinceNs = nil; p.breached = false
        } else if p.sinceNs == nil {
            p.sinceNs = nowNs
        }
        p.maxUsd = max(p.maxUsd, p.usd)
        p.maxSeconds = max(p.maxSeconds, p.seconds(nowNs))
        var crossed = false
        if !isDust, !p.breached, p.uncoveredUsd > maxUsd || p.seconds(nowNs) * 1000 > Double(maxMs) {
            p.breached = true; crossed = true
        }
        pairs[pair] = p
        return crossed
    }

    /// The p-th percentile (0…100) of finished episodes plus the open ones at `nowNs`, seconds.
    public func percentileSeconds(_ p: Double, nowNs: UInt64) -> Double {
        var all = episodes + pairs.values.compactMap { $0.sinceNs.map { Double(elapsedNs($0, nowNs)) / 1e9 } }
        guard !all.isEmpty else { return 0 }
        all.sort()
        let rank = Int((p / 100 * Double(all.count - 1)).rounded(.up))
        return all[min(max(rank, 0), all.count - 1)]
    }
}

/// `now − then`, or 0 when events from two clocks arrive slightly out of order (never a wrap-around).
@inline(__always)
func elapsedNs(_ then: UInt64, _ now: UInt64) -> UInt64 { now > then ? now - then : 0 }
