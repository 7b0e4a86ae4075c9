import PropCore

/// Binance diffs received before their REST snapshot, stored flat (one header array, one level array)
/// so buffering a diff copies its levels into reused storage instead of retaining the codec's arrays.
struct PendingDiffs: Sendable {
    /// Sequence fields of one buffered diff and where its levels live in `levels`.
    struct Entry: Sendable {
        var first: Int64
        var last: Int64
        var prev: Int64
        var bidStart: Int
        var askStart: Int
        var end: Int
    }

    private(set) var entries: [Entry] = []
    private(set) var levels: [BookLevel] = []
    /// Most diffs kept; one more means the snapshot is not coming in time.
    let limit: Int

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    var count: Int { entries.count }
    var isEmpty: Bool { entries.isEmpty }

    /// Buffers `u`; returns `false` (and stores nothing) when the buffer is full.
    mutating func append(_ u: DepthUpdate) -> Bool {
        guard entries.count < limit else { return false }
        let bidStart = levels.count
        levels.append(contentsOf: u.bids)
        let askStart = levels.count
        levels.append(contentsOf: u.asks)
        entries.append(Entry(first: u.firstUpdateId, last: u.lastUpdateId, prev: u.prevUpdateId,
                             bidStart: bidStart, askStart: askStart, end: levels.count))
        return true
    }

    /// Bid levels of entry `e`.
    func bids(_ e: Entry) -> ArraySlice<BookLevel> { levels[e.bidStart..<e.askStart] }
    /// Ask levels of entry `e`.
    func asks(_ e: Entry) -> ArraySlice<BookLevel> { levels[e.askStart..<e.end] }

    /// Drops the first `n` entries and their levels, keeping the rest in order.
    mutating func removeFirst(_ n: Int) {
        guard n > 0 else { return }
        guard n < entries.count else { removeAll(); return }
        let shift = entries[n].bidStart
        entries.removeFirst(n)
        levels.removeFirst(shift)
        for i in entries.indices {
            entries[i].bidStart -= shift
            entries[i].askStart -= shift
            entries[i].end -= shift
        }
    }

    /// Empties the buffer, keeping capacity.
    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        levels.removeAll(keepingCapacity: true)
    }
}
