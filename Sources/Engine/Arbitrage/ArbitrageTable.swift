/// The engine's arbitrages in creation order, addressed by number instead of by hashing their id: ids are
/// `<prefix>-<n>` with `n` counting up from 0, so the one numbered `n` sits at `n − firstNumber`. Finished ones are
/// dropped from the front once more than the history limit are kept (never an active one).
struct ArbitrageTable: Sendable {
    /// `<engine id prefix>-`.
    let prefix: String
    /// Kept arbitrages, oldest first.
    private(set) var items: [Arbitrage] = []
    /// Number of `items[0]`.
    private(set) var firstNumber = 0

    init(idPrefix: String) { prefix = idPrefix + "-" }

    /// The id the next arbitrage gets.
    var nextId: String { prefix + String(firstNumber + items.count) }

    /// Where `id` is kept, if it is one of ours and still kept.
    func index(of id: String) -> Int? {
        var utf8 = id.utf8[...]
        guard utf8.starts(with: prefix.utf8) else { return nil }
        utf8 = utf8.dropFirst(prefix.utf8.count)
        guard !utf8.isEmpty, utf8.count <= 18 else { return nil }
        var n = 0
        for byte in utf8 {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            n = n * 10 + Int(byte - UInt8(ascii: "0"))
        }
        let i = n - firstNumber
        return items.indices.contains(i) ? i : nil
    }

    subscript(id: String) -> Arbitrage? {
        index(of: id).map { items[$0] }
    }

    /// Replaces a kept arbitrage, or appends the one with `nextId`.
    mutating func store(_ a: Arbitrage) {
        if let i = index(of: a.id) { items[i] = a } else if a.id == nextId { items.append(a) }
    }

    /// Drops the oldest finished arbitrages beyond `limit` (an active one stops the trim).
    mutating func trim(keeping limit: Int) {
        var drop = 0
        while items.count - drop > limit, !items[drop].isActive { drop += 1 }
        guard drop > 0 else { return }
        items.removeFirst(drop)
        firstNumber += drop
    }
}
