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
    let wsGapMs: Recorder

    init(venue: Venue, symbol: String, factory: any MetricsFactory) {
        let dims = [("venue", venue.rawValue), ("symbol", symbol)]
        messages = Counter(label: "md_messages_total", dimensions: dims, factory: factory)
        gaps = Counter(label: "md_seq_gaps_total", dimensions: dims, factory: factory)
        resyncs = Counter(label: "md_resyncs_total", dimensions: dims, factory: factory)
        malformed = Counter(label: "md_malformed_total", dimensions: dims, factory: factory)
        checksumFailures = Counter(label: "md_checksum_failures_total", dimensions: dims, factory: factory)
        reconnects = Counter(label: "ws_reconnects_total", dimensions: dims, factory: factory)
        freshnessMs = Gauge(label: "book_freshness_ms", dimensions: dims, factory: factory)
        wsGapMs = Recorder(label: "ws_gap_ms", dimensions: dims, aggregate: true, factory: factory)
    }
}
