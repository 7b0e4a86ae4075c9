import Foundation
import PropCore

/// A clock that only moves when the test says so.
// Safety: `nanos` and `wall` are only touched under `lock`.
final class ManualTimeSource: TimeSource, @unchecked Sendable {
    private let lock = NSLock()
    private var nanos: UInt64 = 1_000_000_000
    private var wall: Int64

    /// Starts at `wallMs` (default: the start of a wall-clock minute, like a fresh Binance window).
    init(wallMs: Int64 = 1_700_000_040_000) { wall = wallMs }

    func monotonicNanos() -> UInt64 { lock.lock(); defer { lock.unlock() }; return nanos }
    func wallMillis() -> Int64 { lock.lock(); defer { lock.unlock() }; return wall }

    /// Moves both clocks forward by `ms`.
    func advance(ms: Int64) {
        lock.lock(); defer { lock.unlock() }
        nanos += UInt64(ms) * 1_000_000
        wall += ms
    }
}

/// Polls `condition` every `pollMs` until it holds or `seconds` pass (no fixed sleeps, generous for loaded machines).
func eventually(_ seconds: Double = 30, pollMs: Int = 2, _ condition: () async -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(pollMs))
    }
    return await condition()
}

/// An ordered record of what the test's tasks did.
actor EventRecorder<T: Sendable> {
    private(set) var items: [T] = []
    func append(_ item: T) { items.append(item) }
    var count: Int { items.count }
}
