import PropCore

/// Decoder for the one layout Binance actually sends for diff-depth frames — compact, keys in the order
/// `{"e":"depthUpdate","E":…,"T":…,"s":"…","U":…,"u":…,"pu":…,"b":[…],"a":[…]}`, raw or wrapped as
/// `{"stream":"…","data":{…}}` — read with fixed literal compares and word-at-a-time numbers.
///
/// Why: the general key-by-key decoder spends most of its time finding out what the frame looks like;
/// real frames always look the same. On any deviation (other key order, whitespace, escapes, long or
/// negative numbers, unknown symbol, anything invalid) `decode` returns `false` and the caller runs the
/// general `BinanceCodec` path, which stays the reference and reports errors. It accepts nothing the
/// general path rejects and yields the same `DepthUpdate` (checked by `BinanceDepthFastPathTests`).
///
/// Safety: every load is bounds-checked against the frame (`word(at:)` reads bytes past the end as 0,
/// and 0 matches no literal, digit or quote, so a successful compare proves the bytes exist).
struct BinanceDepthFastPath: Sendable {
    /// Last symbol seen (up to 16 bytes, packed little-endian) and its slot: one stream carries one
    /// symbol, so this skips the hash lookup. `length == -1` means empty.
    private var cachedSymbol: (low: UInt64, high: UInt64, length: Int, slot: Int) = (0, 0, -1, 0)

    init() {}

    /// Decodes `frame` into `update` when it has the canonical depth layout; `false` means "not handled"
    /// (`update` may then hold partial data and must be reset by the general path).
    @inline(__always)
    mutating func decode(_ frame: UnsafeRawBufferPointer, symbols: SymbolTable, into update: inout DepthUpdate) -> Bool {
        guard let base = frame.baseAddress, frame.count >= 8 else { return false }
        let f = Frame(p: base, n: frame.count)
        var i = 0
        var wrapped = false
        if f.word(at: 0) == 0x6D61_6572_7473_227B { // {"stream
            // Combined stream: {"stream":"<name>","data":{…}}
            guard f.matches(8, 0x22_3A22, 3) else { return false } // ":"
            i = 11
            // The stream name: no escapes, ends at the first quote.
            while true {
                guard i < f.n else { return false }
                let c = f.byte(i)
                if c == UInt8(ascii: "\"") { break }
                if c == UInt8(ascii: "\\") { return false }
                i &+= 1
            }
            guard f.matches(i, 0x2261_7461_6422_2C22, 8), f.matches(i &+ 8, 0x3A, 1) else { return false } // ","data":
            i &+= 9
            wrapped = true
        }
        guard let end = decodeObject(f, at: i, symbols: symbols, into: &update) else { return false }
        if wrapped {
            return end &+ 1 == f.n && f.byte(end) == UInt8(ascii: "}")
        }
        return end == f.n
    }

    /// Decodes the depth object starting at `start`; returns the offset just past its `}`.
    @inline(__always)
    private mutating func decodeObject(_ f: Frame, at start: Int, symbols: SymbolTable, into update: inout DepthUpdate) -> Int? {
        var i = start
        // {"e":"depthUpdate","E":
        guard f.word(at: i) == 0x6564_223A_2265_227B, f.word(at: i &+ 8) == 0x7461_6470_5568_7470,
              f.matches(i &+ 16, 0x3A_2245_222C_2265, 7) else { return nil }
        i &+= 23
        guard let eventTime = f.int(&i), f.matches(i, 0x3A_2254_222C, 5) else { return nil } // ,"T":
        i &+= 5
        guard f.int(&i) != nil, f.matches(i, 0x22_3A22_7322_2C, 6) else { return nil } // ,"s":"
        i &+= 6
        guard let slot = symbolSlot(f, &i, symbols) else { return nil }
        guard f.matches(i, 0x3A_2255_222C, 5) else { return nil } // ,"U":
        i &+= 5
        guard let first = f.int(&i), f.matches(i, 0x3A_2275_222C, 5) else { return nil } // ,"u":
        i &+= 5
        guard let last = f.int(&i), f.matches(i, 0x3A22_7570_222C, 6) else { return nil } // ,"pu":
        i &+= 6
        guard let prev = f.int(&i), f.matches(i, 0x3A_2262_222C, 5) else { return nil } // ,"b":
        i &+= 5
        let sc = symbols.scales(slot)
        guard sc.price >= 0, sc.price <= 18, sc.qty >= 0, sc.qty <= 18 else { return nil }
        guard f.levels(&i, priceScale: sc.price, qtyScale: sc.qty, into: &update.bids),
              f.matches(i, 0x3A_2261_222C, 5) else { return nil } // ,"a":
        i &+= 5
        guard f.levels(&i, priceScale: sc.price, qtyScale: sc.qty, into: &update.asks),
              f.matches(i, 0x7D, 1) else { return nil } // }
        update.kind = .delta
        update.slot = slot
        update.firstUpdateId = first
        update.lastUpdateId = last
        update.prevUpdateId = prev
        update.crossSequence = 0
        update.checksum = nil
        update.eventTimeMs = eventTime
        return i &+ 1
    }

    /// Reads the symbol string content at `i` (opening quote already consumed) and moves past the
    /// closing quote. `nil` for escapes, symbols over 16 bytes (left to the general path) or unknown symbols.
    @inline(__always)
    private mutating func symbolSlot(_ f: Frame, _ i: inout Int, _ symbols: SymbolTable) -> Int? {
        let w1 = f.word(at: i)
        var low = w1, high: UInt64 = 0
        var length: Int
        let q1 = Frame.byteMask(w1, UInt8(ascii: "\""))
        if q1 != 0 {
            length = q1.trailingZeroBitCount >> 3
            low = w1 & Frame.lowBytes(length)
        } else {
            let w2 = f.word(at: i &+ 8)
            let q2 = Frame.byteMask(w2, UInt8(ascii: "\""))
            guard q2 != 0 else { return nil }
            let l2 = q2.trailingZeroBitCount >> 3
            length = 8 &+ l2
            high = w2 & Frame.lowBytes(l2)
        }
        // Byte 0 inside the symbol would be read as padding; escapes need the general path.
        guard length >= 1, Frame.byteMask(low, UInt8(ascii: "\\")) | Frame.byteMask(high, UInt8(ascii: "\\")) == 0,
              i &+ length < f.n else { return nil }
        let slot: Int
        if cachedSymbol.length == length, cachedSymbol.low == low, cachedSymbol.high == high {
            slot = cachedSymbol.slot
        } else {
            guard let found = symbols.slot(bytes: UnsafeRawBufferPointer(start: f.p + i, count: length)) else { return nil }
            cachedSymbol = (low, high, length, found)
            slot = found
        }
        i &+= length &+ 1
        return slot
    }
}

extension BinanceDepthFastPath {
    /// A frame as a raw pointer and length, with the bounds-checked readers the fast path needs.
    struct Frame {
        let p: UnsafeRawPointer
        let n: Int

        /// The byte at `i` (requires `0 <= i < n`).
        @inline(__always)
        func byte(_ i: Int) -> UInt8 { p.load(fromByteOffset: i, as: UInt8.self) }

        /// The 8 bytes at `i`, little-endian; bytes past the end read as 0.
        @inline(__always)
        func word(at i: Int) -> UInt64 {
            if i &+ 8 <= n { return UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i, as: UInt64.self)) }
            return tailWord(at: i)
        }

        /// `word(at:)` near the end: the frame's last word shifted down (a shift of 64 or more gives 0).
        @inline(never)
        func tailWord(at i: Int) -> UInt64 {
            let j = n &- 8
            let w = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: j, as: UInt64.self))
            return w >> UInt64(truncatingIfNeeded: 8 &* (i &- j))
        }

        /// Mask of the low `k` (0…8) bytes.
        @inline(__always)
        static func lowBytes(_ k: Int) -> UInt64 {
            k >= 8 ? ~0 : (1 << UInt64(truncatingIfNeeded: 8 &* k)) &- 1
        }

        /// Bit 7 set in each byte of `w` equal to `c` (exact, no carries between bytes).
        @inline(__always)
        static func byteMask(_ w: UInt64, _ c: UInt8) -> UInt64 {
            let x = w ^ (0x0101_0101_0101_0101 &* UInt64(c))
            let t = ((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x
            return ~t & 0x8080_8080_8080_8080
        }

        /// True if the `count` (1…8) bytes at `i` equal the little-endian `literal` (which has no zero byte,
        /// so a match also proves the bytes are inside the frame).
        @inline(__always)
        func matches(_ i: Int, _ literal: UInt64, _ count: Int) -> Bool {
            word(at: i) & Self.lowBytes(count) == literal
        }

        /// Non-digit bytes of `x = word ^ '0'…` as bit 7 of each byte.
        @inline(__always)
        static func nonDigits(_ x: UInt64) -> UInt64 {
            (((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7676_7676_7676_7676) | x) & 0x8080_8080_8080_8080
        }

        /// A non-negative JSON integer of 1…15 digits at `i`, moving `i` past it. Longer or negative
        /// numbers return `nil` (general path); the caller checks the delimiter that follows.
        @inline(__always)
        func int(_ i: inout Int) -> Int64? {
            let x1 = word(at: i) ^ 0x3030_3030_3030_3030
            let m1 = Self.nonDigits(x1)
            if m1 != 0 {
                let n1 = m1.trailingZeroBitCount >> 3
                guard n1 >= 1 else { return nil }
                i &+= n1
                return JSONScanner.swarValue(x1, n1)
            }
            let x2 = word(at: i &+ 8) ^ 0x3030_3030_3030_3030
            let m2 = Self.nonDigits(x2)
            guard m2 != 0 else { return nil }
            let n2 = m2.trailingZeroBitCount >> 3
            i &+= 8 &+ n2
            // The 8 + n2 digits right-aligned in two 8-digit words (zero bytes are leading zeros), so the
            // combination is a constant `* 10^8` instead of a `10^n2` lookup. Shifts of 64 give 0.
            let up = UInt64(truncatingIfNeeded: 8 &* (8 &- n2)), down = UInt64(truncatingIfNeeded: 8 &* n2)
            let high = x1 << up
            let low = (x1 >> down) | (x2 << up)
            return JSONScanner.swarValue(high, 8) &* 100_000_000 &+ JSONScanner.swarValue(low, 8)
        }

        /// Reads `[["px","qty"],…]` (compact, exactly two strings per level) at `i` into `out`, moving `i`
        /// past the closing `]`. Prices must be positive. `false` on anything else. Kept out of line so the
        /// callers stay small enough for the number readers to be inlined everywhere.
        @inline(never)
        func levels(_ i: inout Int, priceScale: Int, qtyScale: Int, into out: inout [BookLevel]) -> Bool {
            let head = word(at: i) & 0xFF_FFFF
            if head & 0xFFFF == 0x5D5B { // []
                if !out.isEmpty { out.removeAll(keepingCapacity: true) }
                i &+= 2
                return true
            }
            guard head == 0x22_5B5B else { return false } // [["
            var pos = i &+ 1
            var ok = false
            // Levels go through a small stack buffer and replace `out`'s contents in bulk: one uniqueness
            // and capacity check per chunk instead of per level (the first chunk also clears `out`).
            let chunk = 64
            withUnsafeTemporaryAllocation(of: BookLevel.self, capacity: chunk) { buf in
                guard let out0 = buf.baseAddress else { return }
                var k = 0
                var cleared = false
                while true {
                    // pos is at `[`, followed by `"`.
                    guard word(at: pos) & 0xFFFF == 0x225B else { return }
                    var e = pos &+ 2
                    let price = decimal(&e, scale: priceScale)
                    guard price > 0, word(at: e) & 0xFFFF == 0x222C else { return } // ,"
                    e &+= 2
                    let qty = decimal(&e, scale: qtyScale)
                    guard qty >= 0 else { return }
                    (out0 + k).initialize(to: BookLevel(price: price, qty: qty))
                    k &+= 1
                    if k == chunk {
                        Self.flush(&out, UnsafeBufferPointer(start: out0, count: k), cleared: cleared)
                        cleared = true
                        k = 0
                    }
                    let tail = word(at: e) & 0xFFFF
                    if tail == 0x2C5D { pos = e &+ 2; continue } // ],
                    guard tail == 0x5D5D else { return } // ]]
                    Self.flush(&out, UnsafeBufferPointer(start: out0, count: k), cleared: cleared)
                    pos = e &+ 2
                    ok = true
                    return
                }
            }
            i = pos
            return ok
        }

        /// Appends `levels` to `out`, first dropping `out`'s old contents unless `cleared`.
        @inline(__always)
        static func flush(_ out: inout [BookLevel], _ levels: UnsafeBufferPointer<BookLevel>, cleared: Bool) {
            if cleared {
                out.append(contentsOf: levels)
            } else {
                out.replaceSubrange(out.startIndex..<out.endIndex, with: levels)
            }
        }

        /// The decimal string content at `e` (after the opening quote) as a mantissa at `scale`, moving `e`
        /// past the closing quote; -1 when it is not a plain non-negative decimal whose extra decimals are
        /// zeros. Common case (integer part, dot and fraction within 8 bytes): one load, one SWAR value.
        @_transparent // mandatory inlining: the optimizer's size limit otherwise leaves one of the two per level as a call
        func decimal(_ e: inout Int, scale: Int) -> Int64 {
            let s = e
            let w = word(at: s)
            let x = w ^ 0x3030_3030_3030_3030
            let m = Self.nonDigits(x)
            guard m != 0, scale <= 8 else { return slowDecimal(&e, scale: scale) }
            let d1 = m.trailingZeroBitCount >> 3
            guard d1 >= 1 else { return -1 }
            let c1 = UInt8(truncatingIfNeeded: w >> UInt64(truncatingIfNeeded: 8 &* d1))
            let isDot = c1 == UInt8(ascii: ".")
            guard isDot || c1 == UInt8(ascii: "\"") else { return -1 }
            // Closing quote: at d1 for an integer, else at the next non-digit; m2 == 0 gives 8, the
            // quote then being just past the word ("65002.80").
            let m2 = m & (m &- 1)
            let d2 = isDot ? m2.trailingZeroBitCount >> 3 : d1
            guard UInt8(truncatingIfNeeded: word(at: s &+ d2)) == UInt8(ascii: "\"") else {
                return m2 == 0 ? slowDecimal(&e, scale: scale) : -1
            }
            let n2 = isDot ? d2 &- d1 &- 1 : 0
            guard !isDot || n2 >= 1 else { return -1 }
            // Drop the dot: the fraction digits move down one byte to follow the integer digits.
            let below = Self.lowBytes(d1)
            let digits = (x & below) | ((x >> 8) & ~below)
            let k = Swift.min(n2, scale)
            if n2 > k {
                // Decimals beyond the instrument scale must all be zeros.
                if (digits >> UInt64(truncatingIfNeeded: 8 &* (d1 &+ k))) & Self.lowBytes(n2 &- k) != 0 { return -1 }
            }
            e = s &+ d2 &+ 1
            let used = d1 &+ k, total = d1 &+ scale
            if total <= 8 {
                // Missing decimals become zero bytes, i.e. trailing zero digits: no power-of-ten multiply.
                return JSONScanner.swarValue(digits & Self.lowBytes(used), total)
            }
            return JSONScanner.swarValue(digits, used) &* JSONScanner.pow10(scale &- k)
        }

        /// Long numbers (8+ integer digits or a fraction past the first word) and large scales: the
        /// reference parser on the string content. -1 for anything it rejects, or for a negative value.
        @inline(never)
        func slowDecimal(_ e: inout Int, scale: Int) -> Int64 {
            let s = e
            var j = s
            while j < n, byte(j) != UInt8(ascii: "\"") { j &+= 1 }
            guard j < n else { return -1 }
            let bytes = UnsafeRawBufferPointer(start: p, count: n)
            guard let v = JSONScanner.parseDecimal(bytes, s, j, scale: scale), v >= 0 else { return -1 }
            e = j &+ 1
            return v
        }
    }
}
