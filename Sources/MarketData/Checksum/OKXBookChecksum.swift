import PropCore

/// OKX's order-book checksum (CRC-32 over `bidPx:bidSz:askPx:askSz:…` of the top levels).
///
/// Numbers are printed as OKX prints them: minimal decimals, trailing fractional zeros trimmed
/// (`Price.trimmedDescription`). The per-message path (`compute(_:depth:scratch:)`) copies the top levels in one
/// walk per side, formats only the levels that changed since the previous check (`OKXChecksumTextCache`), puts
/// the text together in a reused byte buffer and CRCs it eight bytes a step (`CRC32Slicing`); the
/// byte-at-a-time streaming path (`streamed`) stays for scales outside 0...18. The tests check every path
/// against the string path (`text` + `PropCore.CRC32`).
public enum OKXBookChecksum {
    @usableFromInline
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// The signed CRC-32 OKX would send for `book`'s top `depth` levels per side (allocates its buffers).
    public static func compute(_ book: OrderBook, depth: Int = 25) -> Int32 {
        var scratch = OKXChecksumScratch()
        return compute(book, depth: depth, scratch: &scratch)
    }

    /// `compute(_:depth:)` with buffers the caller keeps, so repeated checks allocate nothing.
    public static func compute(_ book: OrderBook, depth: Int = 25, scratch: inout OKXChecksumScratch) -> Int32 {
        guard OKXChecksumText.scales.contains(book.priceScale), OKXChecksumText.scales.contains(book.qtyScale) else {
            return streamed(book, depth: depth)
        }
        let d = Swift.max(depth, 0)
        // Nothing to hash: the CRC of the empty text.
        guard Swift.min(d, book.bidCount) + Swift.min(d, book.askCount) > 0 else { return 0 }
        let ps = book.priceScale, qs = book.qtyScale
        scratch.reserve(depth: d, priceScale: ps, qtyScale: qs)
        let capacity = scratch.capacity, old = scratch.generation, new = old ^ 1
        let (pb, pa) = scratch.cachedCount
        let textStart = scratch.textStart
        var nb = 0, na = 0
        // One exclusive access per buffer, nested: the cache's sides are pointers into them.
        let crc = scratch.levels.withUnsafeMutableBufferPointer { lv -> UInt32 in
            let levels = lv.baseAddress!
            nb = book.bidSide.writeTop(d, to: levels)
            na = book.askSide.writeTop(d, to: levels + nb)
            return scratch.cached.withUnsafeMutableBufferPointer { nums -> UInt32 in
                scratch.bytes.withUnsafeMutableBufferPointer { bytes -> UInt32 in
                    let n = nums.baseAddress!, b = bytes.baseAddress!
                    typealias Cache = OKXChecksumTextCache
                    let bidsNext = Cache.Side(n, b, side: 0, generation: new, capacity: capacity)
                    let asksNext = Cache.Side(n, b, side: 1, generation: new, capacity: capacity)
                    Cache.refresh(levels, nb, negated: false, previous: Cache.Side(n, b, side: 0, generation: old, capacity: capacity),
                                  previousCount: pb, next: bidsNext, priceScale: ps, qtyScale: qs)
                    Cache.refresh(levels + nb, na, negated: true, previous: Cache.Side(n, b, side: 1, generation: old, capacity: capacity),
                                  previousCount: pa, next: asksNext, priceScale: ps, qtyScale: qs)
                    let t = b + textStart
                    let w = Cache.assemble(bids: bidsNext, nb, asks: asksNext, na, to: t)
                    return CRC32Slicing.checksum(UnsafeBufferPointer(start: t, count: w))
                }
            }
        }
        scratch.generation = new
        scratch.cachedCount = (nb, na)
        return Int32(bitPattern: crc)
    }

    /// The checksum streamed byte by byte into the CRC, for any scale; the reference the fast path is tested against.
    static func streamed(_ book: OrderBook, depth: Int) -> Int32 {
        table.withUnsafeBufferPointer { t -> Int32 in
            var state = State(crc: ~UInt32(0), first: true, table: t)
            let bidN = Swift.min(depth, book.bidCount)
            let askN = Swift.min(depth, book.askCount)
            var i = 0
            while i < bidN || i < askN {
                if i < bidN, let b = book.bidSide.level(at: i) {
                    state.level(b, priceScale: book.priceScale, qtyScale: book.qtyScale)
                }
                if i < askN, let a = book.askSide.level(at: i) {
                    state.level(a, priceScale: book.priceScale, qtyScale: book.qtyScale)
                }
                i += 1
            }
            return Int32(bitPattern: ~state.crc)
        }
    }

    /// The exact text the checksum covers; slow and allocating, for tests and diagnostics.
    public static func text(_ book: OrderBook, depth: Int = 25) -> String {
        var parts: [String] = []
        let bids = book.bids(depth: depth), asks = book.asks(depth: depth)
        for i in 0..<Swift.max(bids.count, asks.count) {
            if i < bids.count {
                parts.append(Price(units: bids[i].price, scale: book.priceScale).trimmedDescription)
                parts.append(Qty(units: bids[i].qty, scale: book.qtyScale).trimmedDescription)
            }
            if i < asks.count {
                parts.append(Price(units: asks[i].price, scale: book.priceScale).trimmedDescription)
                parts.append(Qty(units: asks[i].qty, scale: book.qtyScale).trimmedDescription)
            }
        }
        return parts.joined(separator: ":")
    }

    /// Running CRC plus "is this the first number" (every later number is preceded by `:`).
    struct State {
        var crc: UInt32
        var first: Bool
        let table: UnsafeBufferPointer<UInt32>

        @inline(__always)
        mutating func byte(_ b: UInt8) {
            crc = table[Int((crc ^ UInt32(b)) & 0xFF)] ^ (crc >> 8)
        }

        mutating func level(_ l: BookLevel, priceScale: Int, qtyScale: Int) {
            number(l.price, scale: priceScale)
            number(l.qty, scale: qtyScale)
        }

        /// Feeds `units / 10^scale` in OKX's minimal decimal form.
        mutating func number(_ units: Int64, scale: Int) {
            if first { first = false } else { byte(UInt8(ascii: ":")) }
            if units < 0 { byte(UInt8(ascii: "-")) }
            var v = units.magnitude
            var s = scale
            while s > 0, v % 10 == 0 { v /= 10; s -= 1 }
            // Up to 20 digits plus room for leading fractional zeros ("0.000…") written in reverse.
            var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            withUnsafeMutableBytes(of: &digits) { raw in
                var n = 0
                repeat {
                    raw[n] = UInt8(truncatingIfNeeded: v % 10) &+ 48
                    v /= 10
                    n += 1
                } while v != 0
                // Pad so there is at least one integer digit: 0.005 at scale 3 is "5" → "0.005".
                while n <= s, n < 32 { raw[n] = 48; n += 1 }
                var i = n - 1
                while i >= 0 {
                    if i == s - 1 { byte(UInt8(ascii: ".")) }
                    byte(raw[i])
                    i -= 1
                }
            }
        }
    }
}

extension OrderBook {
    /// OKX checksum of this book's top `depth` levels (see `OKXBookChecksum`).
    @inlinable
    public func okxChecksum(depth: Int = 25) -> Int32 { OKXBookChecksum.compute(self, depth: depth) }
}
