import PropCore
import Venues

/// How fresh one venue's books are now: what guarded startup, the md_stale condition and the health panel all
/// judge, measured once the same way.
struct VenueFreshness: Sendable {
    /// Books of the venue the feeds publish.
    var books: Int
    /// Books invalid (out of sync) or older than the limit.
    var stale: Int
    /// Age of the freshest valid book, ms; nil when none has updated yet.
    var freshestAgeMs: Int64?

    /// Every book present, valid and within the limit.
    var healthy: Bool { books > 0 && stale == 0 }

    /// Judges `tops` of `venue` at monotonic `nowNs` against `maxAgeMs`.
    init(_ venue: Venue, tops: [BookTop], maxAgeMs: Int, nowNs: UInt64) {
        let own = tops.filter { $0.instrument.venue == venue }
        let ages = own.map { $0.updatedNanos == 0 ? Int64.max : Int64((nowNs &- $0.updatedNanos) / 1_000_000) }
        books = own.count
        stale = zip(own, ages).filter { !$0.0.valid || $0.1 > Int64(maxAgeMs) }.count
        freshestAgeMs = ages.min().flatMap { $0 == .max ? nil : $0 }
    }
}
