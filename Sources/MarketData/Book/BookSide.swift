public import PropCore

/// One side of an L2 book as a single sorted contiguous array with the best level at the end.
///
/// Prices are stored as a *key* that grows towards the best level: the price itself for bids and the
/// negated price for asks. Both sides then share one ascending-array code path, and because the best
/// level sits at the end, the near-top inserts and deletes that dominate real feeds move only a few
/// elements. Once the array has reached its working capacity no update allocates.
@frozen
public struct BookSide: Sendable {
    /// Levels with `price` holding the key (see the type comment), ascending, best last.
    @usableFromInline var levels: [BookLevel]
    /// `true` for asks: the key is `-price`.
    @usableFromInline let negated: Bool

    /// Creates an empty side; `isAsk` selects the ordering.
    @inlinable
    public init(isAsk: Bool, capacity: Int = 1024) {
        negated = isAsk
        levels = []
        levels.reserveCapacity(capacity)
    }

    /// Number of levels.
    @inlinable public var count: Int { levels.count }

    @inlinable
    func key(_ price: Int64) -> Int64 { negated ? 0 &- price : price }

    /// The level `depthIndex` steps from the top (0 = best), or `nil` past the end.
    @inlinable
    public func level(at depthIndex: Int) -> BookLevel? {
        let i = levels.count - 1 - depthIndex
        guard depthIndex >= 0, i >= 0 else { return nil }
        let stored = levels[i]
        return BookLevel(price: key(stored.price), qty: stored.qty)
    }

    /// The best level, if any.
    @inlinable public var best: BookLevel? { level(at: 0) }

    /// Up to `depth` levels, best first. Allocates the result; not for the per-message path.
    public func top(_ depth: Int) -> [BookLevel] {
        let n = Swift.min(Swift.max(depth, 0), levels.count)
        var out: [BookLevel] = []
        out.reserveCapacity(n)
        for d in 0..<n { out.append(BookLevel(price: key(levels[levels.count - 1 - d].price), qty: levels[levels.count - 1 - d].qty)) }
        return out
    }

    /// Index of the first stored level whose key is `>= k`. Scans a few levels from the top first
    /// because most updates touch the top of the book, then falls back to binary search.
    @inlinable
    func lowerBound(_ k: Int64) -> Int {
        levels.withUnsafeBufferPointer { buf -> Int in
            var hi = buf.count
            var steps = 0
            while hi > 0, steps < 8 {
                if buf[hi - 1].price < k { return hi }
                hi -= 1
                steps += 1
            }
            var lo = 0
            while lo < hi {
                let mid = (lo &+ hi) >> 1
                if buf[mid].price < k { lo = mid &+ 1 } else { hi = mid }
            }
            return lo
        }
    }

    /// Sets the quantity at `price`: `qty == 0` deletes (a no-op if the level is absent), otherwise inserts or overwrites.
    @inlinable
    public mutating func set(price: Int64, qty: Int64) {
        let k = key(price)
        let i = lowerBound(k)
        let n = levels.count
        if i < n, levels[i].price == k {
            if qty == 0 {
                levels.remove(at: i)
            } else {
                levels[i].qty = qty
            }
        } else if qty != 0 {
            levels.insert(BookLevel(price: k, qty: qty), at: i)
        }
    }

    /// Applies a sequence of absolute levels in order.
    @inlinable
    public mutating func apply<C: Collection>(_ changes: C) where C.Element == BookLevel {
        for c in changes { set(price: c.price, qty: c.qty) }
    }

    /// Replaces the whole side with `input` (any order, qty-0 levels skipped, a repeated price keeps its last qty).
    /// Venues send snapshots best-first, which this stores with one reversed copy and no sort.
    public mutating func replace(_ input: [BookLevel]) {
        levels.removeAll(keepingCapacity: true)
        if levels.capacity < input.count { levels.reserveCapacity(input.count) }
        var ascending = true
        var last = Int64.min
        // Best-first input reversed gives ascending keys: fill from the back of the input.
        for l in input.reversed() where l.qty != 0 {
            let k = key(l.price)
            if k <= last { ascending = false }
            last = k
            levels.append(BookLevel(price: k, qty: l.qty))
        }
        if ascending { return }
        // Unusual order or duplicates: restore the invariant the slow way, last occurrence in *input* wins.
        levels.removeAll(keepingCapacity: true)
        for l in input { set(price: l.price, qty: l.qty) }
    }

    /// Removes every level, keeping capacity.
    @inlinable
    public mutating func removeAll() { levels.removeAll(keepingCapacity: true) }
}
