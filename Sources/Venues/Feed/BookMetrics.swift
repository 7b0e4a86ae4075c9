import Atomics
import CoreMetrics
import PropCore

/// The metric handles of one book, created once when the feed starts (never per message),
/// from the injected factory so library code never touches the global metrics system.
final class BookMetrics: Sendable {
    let messages: Counter
    let gaps: Counter
    let resyncs: Counter
    let malformed: Counter
    let checksumFailures: Counter
    let reconnects: Counter
    let freshnessMs: Gauge
    /// Largest time between two frames of this book since the last publication, in ms.
    let wsGapMs: Gauge
    /// Written by the receiving task on every frame (single writer, relaxed atomics: no lock on the
    /// hot path, unlike a Prometheus histogram); read and reset once a second by the publisher.
    let maxGapNanos = ManagedAtomic<UInt64>(0)

    init(venue: Venue, symbol: String, factory: any MetricsFactory) {
        let dims = [("venue", venue.rawValue), ("symbol", symbol)]
        messages = Counter(label: "md_messages_total", dimensions: dims, factory: factory)
        gaps = Counter(label: "md_seq_gaps_total", dimensions: dims, factory: factory)
        resyncs = Counter(label: "md_resyncs_total", dimensions: dims, factory: factory)
        malformed = Counter(label: "md_malformed_total", dimensions: dims, factory: factory)
        checksumFailures = Counter(label: "md_checksum_failures_total", dimensions: dims, factory: factory)
        reconnects = Counter(label: "ws_reconnects_total", dimensions: dims, factory: factory)
        freshnessMs = Gauge(label: "book_freshness_ms", dimensions: dims, factory: factory)
        wsGapMs = Gauge(label: "ws_gap_ms", dimensions: dims, factory: factory)
    }

    /// Hot path: remembers `gapNanos` if it is the largest since the last `publishGap()`.
    @inline(__always)
    func noteGap(_ gapNanos: UInt64) {
        if gapNanos > maxGapNanos.load(ordering: .relaxed) { maxGapNanos.store(gapNanos, ordering: .relaxed) }
    }

    /// Sets `ws_gap_ms` to the largest gap seen since the previous call and starts a new window.
    func publishGap() {
        wsGapMs.record(Int64(maxGapNanos.exchange(0, ordering: .relaxed) / 1_000_000))
    }
}
