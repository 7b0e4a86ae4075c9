public import PropCore

/// One side of an L2 book as a price-indexed ring: slot `key & mask` holds the quantity at that price
/// tick (0 = no level), so setting or deleting any level is O(1) and never moves other levels.
///
/// Prices are handled as a *key* that grows towards the best level: the price itself for bids and the
/// negated price for asks, so both sides share one code path and "best" is always the highest key.
/// All present keys lie in a window `[windowLow, windowLow + slots.count)`; because the slot is
/// `key & mask`, sliding that window as the market drifts moves no data. The ring only grows (to twice
/// the occupied span, up to `maxSlots`) when the book's price span outgrows it; once warm, updates
/// allocate nothing. Levels farther than `maxSlots` ticks from the best are not kept (counted in
/// `farLevelsDropped`): no venue book spans millions of ticks, so this only guards against absurd input.
@frozen
public struct BookSide: Sendable {
    /// Quantity per slot; 0 means no level.
    @usableFromInline var slots: [Int64]
    /// `slots.count - 1`; `slots.count` is a power of two.
    @usableFromInline var mask: Int
    /// Lowest key the window covers.
    @usableFromInline var windowLow: Int64
    /// Highest present key (meaningless while `levelCount == 0`).
    @usableFromInline var bestKey: Int64
    /// Number of present levels.
    @usableFromInline var levelCount: Int
    /// `true` for asks: the key is `-price`.
    @usableFromInline let negated: Bool
    /// Levels discarded because they were farther than `maxSlots` ticks from the best.
    public private(set) var farLevelsDropped: Int = 0

    /// Largest ring (slots per side); 4M ticks is far beyond any real book's span.
    public static let maxSlots = 1 << 22

    /// Creates an empty side; `isAsk` selects the ordering, `capacity` the initial ring size in ticks.
    public init(isAsk: Bool, capacity: Int = 4096) {
        negated = isAsk
        var c = 64
        while c < capacity, c < Self.maxSlots { c <<= 1 }
        slots = [Int64](repeating: 0, count: c)
        mask = c - 1
        windowLow = 0
        bestKey = 0
        levelCount = 0
    }

    /// Number of levels.
    @inlinable public var count: Int { levelCount }

    @inlinable
    func key(_ price: Int64) -> Int64 { negated ? 0 &- price : price }

    @inlinable
    func slot(_ k: Int64) -> Int { Int(truncatingIfNeeded: k) & mask }

    @inlinable
    func inWindow(_ k: Int64) -> Bool { k >= windowLow && k &- windowLow < Int64(slots.count) }

    /// The best level, if any.
    @inlinable
    public var best: BookLevel? {
        guard levelCount > 0 else { return nil }
        return BookLevel(price: key(bestKey), qty: slots[slot(bestKey)])
    }

    /// The level `depthIndex` steps from the top (0 = best), or `nil` past the end.
    /// Walks down from the best, so the cost grows with the depth asked for.
    @inlinable
    public func level(at depthIndex: Int) -> BookLevel? {
        guard depthIndex >= 0, depthIndex < levelCount else { return nil }
        return slots.withUnsafeBufferPointer { buf -> BookLevel? in
            var k = bestKey
            var seen = 0
            while true {
                let q = buf[Int(truncatingIfNeeded: k) & mask]
                if q != 0 {
                    if seen == depthIndex { return BookLevel(price: key(k), qty: q) }
                    seen &+= 1
                }
                k &-= 1
            }
        }
    }

    /// Up to `depth` levels, best first. Allocates the result; not for the per-message path.
    public func top(_ depth: Int) -> [BookLevel] {
        let n = Swift.min(Swift.max(depth, 0), levelCount)
        var out: [BookLevel] = []
        out.reserveCapacity(n)
        var k = bestKey
        while out.count < n {
            let q = slots[slot(k)]
            if q != 0 { out.append(BookLevel(price: key(k), qty: q)) }
            k &-= 1
        }
        return out
    }

    /// `top(depth)` into an existing array, keeping its capacity.
    public func copyTop(_ depth: Int, into out: inout [BookLevel]) {
        out.removeAll(keepingCapacity: true)
        let n = Swift.min(Swift.max(depth, 0), levelCount)
        var k = bestKey
        while out.count < n {
            let q = slots[slot(k)]
            if q != 0 { out.append(BookLevel(price: key(k), qty: q)) }
            k &-= 1
        }
    }

    /// Writes up to `depth` levels, best first, into `out` (room for `depth` levels); returns how many.
    /// One walk down the ring, nothing allocated: for per-message work over the top levels (the OKX checksum).
    @inlinable
    public func writeTop(_ depth: Int, to out: UnsafeMutablePointer<BookLevel>) -> Int {
        let n = Swift.min(Swift.max(depth, 0), levelCount)
        guard n > 0 else { return 0 }
        let m = mask, neg = negated
        return slots.withUnsafeBufferPointer { buf -> Int in
            var k = bestKey
            var written = 0
            while written < n {
                let q = buf[Int(truncatingIfNeeded: k) & m]
                if q != 0 {
                    out[written] = BookLevel(price: neg ? 0 &- k : k, qty: q)
                    written &+= 1
                }
                k &-= 1
            }
            return written
        }
    }

    /// Sets the quantity at `price`: `qty == 0` deletes (a no-op if the level is absent), otherwise inserts or overwrites.
    @inlinable
    public mutating func set(price: Int64, qty: Int64) {
        let k = key(price)
        if levelCount == 0 {
            guard qty != 0 else { return }
            // Empty ring: centre the window on the first level.
            windowLow = k &- Int64(slots.count >> 1)
            slots[slot(k)] = qty
            bestKey = k
            levelCount = 1
            return
        }
        if !inWindow(k) {
            guard qty != 0 else { return } // outside the window means absent
            makeRoom(for: k)
            guard inWindow(k) else { return } // too far from the best: dropped (counted by makeRoom)
        }
        let m = mask
        slots.withUnsafeMutableBufferPointer { buf in
            let s = Int(truncatingIfNeeded: k) & m
            let old = buf[s]
            buf[s] = qty
            if old == 0 {
                if qty != 0 {
                    levelCount &+= 1
                    if k > bestKey { bestKey = k }
                }
            } else if qty == 0 {
                levelCount &-= 1
                if k == bestKey, levelCount > 0 {
                    // Next best: present levels all lie below in the window, so this stops.
                    var j = k &- 1
                    while buf[Int(truncatingIfNeeded: j) & m] == 0 { j &-= 1 }
                    bestKey = j
                }
            }
        }
    }

    /// Applies a sequence of absolute levels in order.
    @inlinable
    public mutating func apply<C: Collection>(_ changes: C) where C.Element == BookLevel {
        var i = changes.startIndex
        while i != changes.endIndex {
            i = applyInWindow(changes, from: i)
            guard i != changes.endIndex else { return }
            // Empty side or a level outside the window: the general path re-windows as needed.
            let c = changes[i]
            set(price: c.price, qty: c.qty)
            changes.formIndex(after: &i)
        }
    }

    /// The per-message fast path: applies changes from `start` with one exclusive access to the ring
    /// and the counters in registers, until one needs the general path (empty side or outside the
    /// window). Returns that change's index, or `endIndex`.
    @inlinable
    mutating func applyInWindow<C: Collection>(_ changes: C, from start: C.Index) -> C.Index where C.Element == BookLevel {
        let neg = negated, m = mask, low = windowLow, size = Int64(slots.count)
        let count0 = levelCount, best0 = bestKey
        // Counters live in the closure's locals (registers) and come back as its result, rather than
        // being captured (which kept them in memory, stored on every level).
        let (end, count, best) = slots.withUnsafeMutableBufferPointer { buf -> (C.Index, Int, Int64) in
            var i = start
            var count = count0, best = best0
            while i != changes.endIndex {
                let c = changes[i]
                let k = neg ? 0 &- c.price : c.price
                if count == 0 || k < low || k &- low >= size { break }
                let s = Int(truncatingIfNeeded: k) & m
                let old = buf[s]
                buf[s] = c.qty
                // Branch-free bookkeeping: inserts, updates and deletes arrive in no predictable order.
                let present = c.qty != 0
                let wasPresent = old != 0
                count &+= (present && !wasPresent ? 1 : 0) &- (wasPresent && !present ? 1 : 0)
                best = present && k > best ? k : best
                if !present, wasPresent, k == best, count > 0 {
                    // The best level went: the next best lies below it in the window, so this stops.
                    var j = k &- 1
                    while buf[Int(truncatingIfNeeded: j) & m] == 0 { j &-= 1 }
                    best = j
                }
                changes.formIndex(after: &i)
            }
            return (i, count, best)
        }
        levelCount = count
        bestKey = best
        return end
    }

    /// Lowest present key (scans up from the window's bottom; only on the cold re-window path).
    func lowestKey() -> Int64 {
        var k = windowLow
        while slots[slot(k)] == 0 { k &+= 1 }
        return k
    }

    /// Re-positions (and if needed grows) the window so it covers every present level and `k`, keeping
    /// room on both sides for drift. If that span exceeds `maxSlots`, the levels farthest from the best
    /// (possibly `k` itself) are dropped.
    @usableFromInline
    mutating func makeRoom(for k: Int64) {
        let lowest = lowestKey()
        let lo = Swift.min(lowest, k)
        let hi = Swift.max(bestKey, k)
        var size = slots.count
        let span = hi &- lo &+ 1
        while span.multipliedReportingOverflow(by: 2).partialValue > Int64(size) || span < 0, size < Self.maxSlots { size <<= 1 }
        var newLow = lo
        if span > Int64(size) || span < 0 {
            // Keep the best side; everything below the window's bottom goes.
            newLow = hi &- Int64(size) &+ 1
            // Present levels all lie in the old window, which bounds this scan.
            let oldEnd = windowLow &+ Int64(slots.count)
            var j = lowest
            while j < newLow, j < oldEnd {
                let s = slot(j)
                if slots[s] != 0 { slots[s] = 0; levelCount -= 1; farLevelsDropped += 1 }
                j &+= 1
            }
        } else {
            newLow = lo &- (Int64(size) &- span) / 2
        }
        if size != slots.count {
            var grown = [Int64](repeating: 0, count: size)
            let newMask = size - 1
            var j = Swift.max(lowest, newLow)
            while j <= bestKey {
                let q = slots[slot(j)]
                if q != 0 { grown[Int(truncatingIfNeeded: j) & newMask] = q }
                j &+= 1
            }
            slots = grown
            mask = newMask
        }
        windowLow = newLow
        if levelCount == 0 { bestKey = k }
        if !inWindow(k) { farLevelsDropped += 1 }
    }

    /// Replaces the whole side with `input` (any order, qty-0 levels skipped, a repeated price keeps its last
    /// non-zero qty). Sizes the ring for the snapshot's span once, then writes each level directly.
    public mutating func replace(_ input: [BookLevel]) {
        removeAll()
        var lo = Int64.max, hi = Int64.min
        for l in input where l.qty != 0 {
            let k = key(l.price)
            lo = Swift.min(lo, k)
            hi = Swift.max(hi, k)
        }
        guard lo <= hi else { return }
        let (span, overflow) = (hi &- lo).addingReportingOverflow(1)
        guard !overflow, span > 0, span <= Int64(Self.maxSlots) else {
            // Absurd spread: let `set` keep the best side.
            for l in input { set(price: l.price, qty: l.qty) }
            return
        }
        var size = slots.count
        while span * 2 > Int64(size), size < Self.maxSlots { size <<= 1 }
        if size != slots.count {
            slots = [Int64](repeating: 0, count: size)
            mask = size - 1
        }
        windowLow = lo &- (Int64(size) &- span) / 2
        bestKey = hi
        let m = mask, neg = negated
        var added = 0
        slots.withUnsafeMutableBufferPointer { buf in
            for l in input where l.qty != 0 {
                let s = Int(truncatingIfNeeded: neg ? 0 &- l.price : l.price) & m
                if buf[s] == 0 { added += 1 }
                buf[s] = l.qty
            }
        }
        levelCount = added
    }

    /// Removes every level, keeping the ring.
    public mutating func removeAll() {
        if levelCount > 0 {
            slots.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        }
        levelCount = 0
    }
}

extension BookSide: CustomStringConvertible {
    /// A short summary (the ring itself is too large to print).
    public var description: String {
        "BookSide(\(negated ? "asks" : "bids"), levels: \(levelCount), best: \(best.map { "\($0.price)x\($0.qty)" } ?? "none"), ring: \(slots.count))"
    }
}
