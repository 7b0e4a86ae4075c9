/// Jittered exponential backoff: `initial·2^n` capped at `max`, then scaled by a random factor in
/// `[1-jitter, 1+jitter]` (still capped), so many clients reconnecting after one outage do not stampede.
public struct ReconnectBackoff: Sendable {
    /// First delay, in milliseconds.
    public var initialMs: Int64
    /// Ceiling for any delay, in milliseconds.
    public var maxMs: Int64
    /// Relative jitter in 0...1.
    public var jitter: Double
    /// Failures since the last success.
    public private(set) var attempt: Int = 0
    private var rng: SeededGenerator

    /// A backoff with the given bounds; `seed` fixes the jitter sequence.
    public init(initialMs: Int64, maxMs: Int64, jitter: Double, seed: UInt64) {
        self.initialMs = max(1, initialMs)
        self.maxMs = max(self.initialMs, maxMs)
        self.jitter = min(1, max(0, jitter))
        self.rng = SeededGenerator(seed: seed)
    }

    /// The delay before the next attempt, in milliseconds; advances the attempt counter.
    public mutating func nextDelayMs() -> Int64 {
        let shift = min(attempt, 30)
        attempt += 1
        let (scaled, overflow) = initialMs.multipliedReportingOverflow(by: Int64(1) << Int64(shift))
        let base = overflow ? maxMs : min(scaled, maxMs)
        guard jitter > 0 else { return base }
        let factor = 1 + jitter * (Double.random(in: -1...1, using: &rng))
        return min(maxMs, max(1, Int64(Double(base) * factor)))
    }

    /// Call after a successful connect/request so the next failure starts from `initialMs` again.
    public mutating func reset() { attempt = 0 }
}
