#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where time comes from. Production uses `SystemTimeSource`; tests and replay use a manual one,
/// so the same input replays the same way.
public protocol TimeSource: Sendable {
    /// Monotonic nanoseconds, for ages, timeouts and latency.
    func monotonicNanos() -> UInt64
    /// Wall-clock milliseconds since the Unix epoch, for venue timestamps and display.
    func wallMillis() -> Int64
}

/// The machine's clocks.
public struct SystemTimeSource: TimeSource {
    public init() {}

    public func monotonicNanos() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    public func wallMillis() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }
}
