import PropCore

/// The order path's SLO observations (order cycle, place outcome, cancel outcome) since the health monitor last
/// took them. Bounded: with nobody draining, the oldest are dropped rather than growing without end.
struct SLOSampleBuffer: Sendable {
    enum Sample: Sendable, Equatable {
        /// Place call to the venue's acknowledgement, ms.
        case orderCycle(ms: Double, atMs: Int64)
        /// A place the venue answered: accepted or rejected (our own denials are not the venue's).
        case orderOutcome(rejected: Bool, atMs: Int64)
        /// A cancel answered or failed (refused or without a definite answer).
        case cancel(failed: Bool, atMs: Int64)
    }

    static let capacity = 10_000
    private(set) var samples: [Sample] = []

    mutating func append(_ sample: Sample) {
        if samples.count >= Self.capacity { samples.removeFirst(samples.count - Self.capacity + 1) }
        samples.append(sample)
    }

    /// Everything recorded since the last call.
    mutating func take() -> [Sample] {
        defer { samples = [] }
        return samples
    }
}
