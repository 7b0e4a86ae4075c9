import Atomics
import CoreMetrics
import Foundation

/// Counts what the feed reports, so tests can assert on the real metric calls.
/// Handlers are created rarely (once per book), so a lock there is fine; increments are atomic.
final class TestMetricsFactory: MetricsFactory, @unchecked Sendable {
    // Safety: `handlers` is only touched under `lock`; the handlers themselves are atomics.
    private let lock = NSLock()
    private var handlers: [String: TestValueHandler] = [:]

    private func handler(_ label: String, _ dimensions: [(String, String)]) -> TestValueHandler {
        let key = label + "|" + dimensions.map { "\($0.0)=\($0.1)" }.joined(separator: ",")
        lock.lock(); defer { lock.unlock() }
        if let h = handlers[key] { return h }
        let h = TestValueHandler()
        handlers[key] = h
        return h
    }

    /// Sum of `label` across every dimension set whose dimensions include `venue`.
    func total(_ label: String, venue: String) -> Int64 {
        lock.lock(); defer { lock.unlock() }
        return handlers.filter { $0.key.hasPrefix(label + "|") && $0.key.contains("venue=\(venue)") }
            .values.reduce(0) { $0 + $1.total.load(ordering: .relaxed) }
    }

    /// Value of `label` for one symbol.
    func value(_ label: String, venue: String, symbol: String) -> Int64 {
        lock.lock(); defer { lock.unlock() }
        return handlers[label + "|venue=\(venue),symbol=\(symbol)"]?.total.load(ordering: .relaxed) ?? 0
    }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler { handler(label, dimensions) }
    func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler {
        handler(label, dimensions)
    }
    func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler { handler(label, dimensions) }
    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        handler(label, dimensions)
    }
    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler { handler(label, dimensions) }
    func destroyCounter(_ handler: any CounterHandler) {}
    func destroyMeter(_ handler: any MeterHandler) {}
    func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) {}
    func destroyRecorder(_ handler: any RecorderHandler) {}
    func destroyTimer(_ handler: any TimerHandler) {}
}

/// Counters add; recorders and gauges keep the last value in `total` as well (tests only read counters).
final class TestValueHandler: CounterHandler, FloatingPointCounterHandler, MeterHandler, RecorderHandler, TimerHandler, Sendable {
    let total = ManagedAtomic<Int64>(0)
    func increment(by amount: Int64) { total.wrappingIncrement(by: amount, ordering: .relaxed) }
    func increment(by amount: Double) { total.wrappingIncrement(by: Int64(amount), ordering: .relaxed) }
    func reset() { total.store(0, ordering: .relaxed) }
    func set(_ value: Double) {}
    func set(_ value: Int64) {}
    func decrement(by amount: Double) {}
    func record(_ value: Int64) {}
    func record(_ value: Double) {}
    func recordNanoseconds(_ duration: Int64) {}
}
