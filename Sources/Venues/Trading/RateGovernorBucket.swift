/// One token bucket of the governor: `capacity` tokens, refilled at `perNs` per nanosecond of the
/// injected monotonic clock. Tokens may go negative (a request larger than the bucket, or a venue header
/// saying more was used than we counted): the debt is paid back by refill before anything else passes.
struct TokenBucket: Sendable {
    let capacity: Double
    let perNs: Double
    private(set) var tokens: Double
    private var updatedNs: UInt64

    init(capacity: Double, perNs: Double, nowNs: UInt64) {
        self.capacity = capacity
        self.perNs = perNs
        tokens = capacity
        updatedNs = nowNs
    }

    /// Adds what accrued since the last refill, up to `capacity`.
    mutating func refill(nowNs: UInt64) {
        guard nowNs > updatedNs else { return }
        tokens = min(capacity, tokens + Double(nowNs - updatedNs) * perNs)
        updatedNs = nowNs
    }

    /// Whether `units` can be taken while leaving `reserve` tokens for more urgent requests. A request larger
    /// than the bucket passes only when the bucket is full, so it is delayed, never refused forever.
    func fits(_ units: Double, reserve: Double) -> Bool {
        tokens - min(units, capacity) >= reserve - 1e-9
    }

    mutating func take(_ units: Double) { tokens -= units }

    /// Lowers the balance to at most `limit` (venue headers can only make us more careful).
    mutating func cap(at limit: Double) { tokens = min(tokens, limit) }

    /// Nanoseconds until `fits(units, reserve:)` holds (0 when it already does).
    func nanosUntilFits(_ units: Double, reserve: Double) -> UInt64 {
        let missing = min(units, capacity) + reserve - tokens
        guard missing > 1e-9 else { return 0 }
        guard perNs > 0 else { return UInt64.max / 4 }
        return UInt64((missing / perNs).rounded(.up))
    }
}
