import Atomics
public import PropCore

/// Venue clock offset (venue − local, ms) for request timestamps. Shared between the trading client
/// and whoever re-measures it; lock-free so signing never waits.
public final class ServerClock: Sendable {
    private let offset = ManagedAtomic<Int64>(0)
    private let time: any TimeSource

    public init(time: any TimeSource = SystemTimeSource()) { self.time = time }

    /// Current venue-clock estimate in Unix ms.
    public var nowMs: Int64 { time.wallMillis() + offset.load(ordering: .relaxed) }

    /// Last measured offset.
    public var offsetMs: Int64 { offset.load(ordering: .relaxed) }

    /// Records a measurement: `serverMs` returned by a request sent at `sentMs` and answered at `receivedMs`
    /// (local clock), assuming a symmetric path.
    public func record(serverMs: Int64, sentMs: Int64, receivedMs: Int64) {
        let mid = sentMs + (receivedMs - sentMs) / 2
        offset.store(serverMs - mid, ordering: .relaxed)
    }

    /// Local wall clock, Unix ms.
    public var localMs: Int64 { time.wallMillis() }
}
