public import PropCore

/// Live driver of a paper venue: polls a `PaperBookSource` for its instruments every `intervalMs`, passes each
/// changed book to `onBook`, and advances paper time to the wall clock (the feed publishes tops lock-free and
/// has no per-update callback, so polling is how book updates are observed).
public struct PaperBookPump: Sendable {
    private let source: any PaperBookSource
    private let venue: PaperTradingVenue
    private let instruments: [InstrumentId]
    private let intervalMs: Int64
    private let time: any TimeSource

    /// A pump feeding `venue` with `instruments`' books from `source`.
    public init(source: any PaperBookSource, venue: PaperTradingVenue, instruments: [InstrumentId],
                intervalMs: Int64 = 5, time: any TimeSource = SystemTimeSource()) {
        self.source = source; self.venue = venue; self.instruments = instruments
        self.intervalMs = max(1, intervalMs); self.time = time
    }

    /// Runs until the calling task is cancelled.
    public func run() async {
        var last: [InstrumentId: PaperBook] = [:]
        while !Task.isCancelled {
            for id in instruments {
                guard let book = source.paperBook(id) else { continue }
                if let seen = last[id], seen.bids == book.bids, seen.asks == book.asks, seen.sequence == book.sequence { continue }
                last[id] = book
                await venue.onBook(id, book)
            }
            await venue.advance(nowMs: time.wallMillis())
            try? await Task.sleep(for: .milliseconds(intervalMs))
        }
    }
}
