import PropCore

/// Simulated receive times for synthetic frames: the step time plus a per-venue network latency (base
/// 2–4 ms plus up to 1.5 ms seeded jitter), strictly increasing per venue by at least 1 µs, so frames of a
/// step keep their wire order. Monotonic time is wall time shifted to start at 10^12 ns.
struct SyntheticReceiveClock {
    private var rng: SimRandom
    private var last: [Int64]
    private let startWallNanos: Int64
    private static let baseLatencyNanos: [Int64] = [2_000_000, 4_000_000, 3_000_000]

    init(seed: UInt64, startWallMs: Int64) {
        rng = SimRandom(seed: seed ^ 0x1A7E_0C10_C4)
        last = [Int64](repeating: .min, count: Self.baseLatencyNanos.count)
        startWallNanos = startWallMs * 1_000_000
    }

    /// (wall ns, monotonic ns) for the next frame of venue index `venue` published at `stepMs`.
    mutating func receive(venue: Int, stepMs: Int64) -> (Int64, UInt64) {
        let jitter = Int64(rng.int(0...1_500)) * 1_000
        let t = max(stepMs * 1_000_000 + Self.baseLatencyNanos[venue % Self.baseLatencyNanos.count] + jitter, last[venue] + 1_000)
        last[venue] = t
        return (t, UInt64(t - startWallNanos + 1_000_000_000_000))
    }
}
