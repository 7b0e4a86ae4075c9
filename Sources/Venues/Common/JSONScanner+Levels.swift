public import PropCore

/// Order-book level arrays `[["px","qty",…],…]`: a structural fast path and a byte-by-byte reader that names failures.
extension JSONScanner {
    // MARK: - Levels

    /// Reads `[[ "px", "qty", … ], …]` appending levels at the given scales. Extra elements after the
    /// quantity (OKX's deprecated `"0"` and order count) are skipped. Prices must be positive and
    /// quantities non-negative (`0` deletes a level).
    @inlinable
    public mutating func readLevels(priceScale: Int, qtyScale: Int, into out: inout [BookLevel]) -> LevelFailure? {
        let start = pos
        let count = out.count
        if priceScale <= 10, qtyScale <= 10, readLevelsStructural(priceScale: priceScale, qtyScale: qtyScale, into: &out) {
            return nil
        }
        // Anything unusual (whitespace, extra elements, bad numbers): redo it byte by byte, which also
        // says precisely what is wrong.
        pos = start
        if out.count > count { out.removeSubrange(count...) }
        return readLevelsScalar(priceScale: priceScale, qtyScale: qtyScale, into: &out)
    }

    /// Quote positions of the 8 bytes at `i` as a mask with bit 7 of each matching byte set
    /// (exact: no carries between bytes). Bytes past the end count as non-quotes.
    @inlinable
    @inline(__always)
    func quoteMask(at i: Int) -> UInt64 {
        let x = word(at: i) ^ 0x2222_2222_2222_2222
        let t = ((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x
        return ~t & 0x8080_8080_8080_8080
    }

    /// Fast path for the exact compact shape `[["px","qty"],…]`: string boundaries come from a
    /// word-at-a-time quote index, so each number's position no longer depends on parsing the previous
    /// one and the CPU can overlap their parsing. Returns `false` (leaving `pos`/`out` to be restored) on
    /// any deviation; it accepts nothing the scalar path would reject.
    @inlinable
    mutating func readLevelsStructural(priceScale: Int, qtyScale: Int, into out: inout [BookLevel]) -> Bool {
        let p0 = pos
        guard p0 &+ 1 < end, at(p0) == UInt8(ascii: "[") else { return false }
        if at(p0 &+ 1) == UInt8(ascii: "]") { pos = p0 &+ 2; return true }
        guard at(p0 &+ 1) == UInt8(ascii: "[") else { return false }
        var base = p0 &+ 2
        var mask = quoteMask(at: base)
        var expectOpen = p0 &+ 2
        while true {
            var quotes: (Int, Int, Int, Int) = (0, 0, 0, 0)
            for n in 0..<4 {
                while mask == 0 {
                    base &+= 8
                    guard base < end else { return false }
                    mask = quoteMask(at: base)
                }
                let at = base &+ (mask.trailingZeroBitCount >> 3)
                mask &= mask &- 1
                switch n {
                case 0: quotes.0 = at
                case 1: quotes.1 = at
                case 2: quotes.2 = at
                default: quotes.3 = at
                }
            }
            let (q1, q2, q3, q4) = quotes
            guard q1 == expectOpen, q3 == q2 &+ 2, at(q2 &+ 1) == UInt8(ascii: ","), q4 &+ 2 < end,
                  at(q4 &+ 1) == UInt8(ascii: "]") else { return false }
            guard let price = Self.knownDecimal(bytes, end, q1 &+ 1, q2, scale: priceScale), price > 0,
                  let qty = Self.knownDecimal(bytes, end, q3 &+ 1, q4, scale: qtyScale), qty >= 0 else { return false }
            out.append(BookLevel(price: price, qty: qty))
            let c = at(q4 &+ 2)
            if c == UInt8(ascii: "]") { pos = q4 &+ 3; return true }
            guard c == UInt8(ascii: ","), q4 &+ 3 < end, at(q4 &+ 3) == UInt8(ascii: "[") else { return false }
            expectOpen = q4 &+ 4
        }
    }

    /// Parses the digits in `s..<e` (string content whose length is already known) at `scale` (<= 10);
    /// `nil` for anything but plain non-negative decimals of up to 7+7 digits. Static over raw values so
    /// the optimizer inlines it into the level loop.
    @inlinable
    @inline(__always)
    static func knownDecimal(_ bytes: UnsafeRawBufferPointer, _ end: Int, _ s: Int, _ e: Int, scale: Int) -> Int64? {
        let len = e &- s
        guard len >= 1 else { return nil }
        let (x1, n1) = staticDigitRun(bytes, end, s)
        if n1 == len {
            guard n1 <= 7 else { return nil }
            return swarValue(x1, n1) &* pow10(scale)
        }
        guard n1 >= 1, n1 <= 7, bytes[s &+ n1] == UInt8(ascii: ".") else { return nil }
        let j = s &+ n1 &+ 1
        let n2 = e &- j
        guard n2 >= 1, n2 <= 7 else { return nil }
        let (x2, r2) = staticDigitRun(bytes, end, j)
        guard r2 == n2 else { return nil }
        let k = Swift.min(n2, scale)
        if n2 > k {
            let extra = (x2 >> UInt64(8 &* k)) & ((1 << UInt64(8 &* (n2 &- k))) &- 1)
            if extra != 0 { return nil }
        }
        let frac: Int64 = k > 0 ? swarValue(x2, k) &* pow10(scale &- k) : 0
        return swarValue(x1, n1) &* pow10(scale) &+ frac
    }

    /// `digitRun` over raw values (see there).
    @inlinable
    @inline(__always)
    static func staticDigitRun(_ bytes: UnsafeRawBufferPointer, _ end: Int, _ i: Int) -> (x: UInt64, n: Int) {
        var w: UInt64 = 0
        if i &+ 8 <= end {
            w = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        } else {
            var k = 0
            while i &+ k < end { w |= UInt64(bytes[i &+ k]) << UInt64(8 &* k); k &+= 1 }
        }
        let x = w ^ 0x3030_3030_3030_3030
        let t = ((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7676_7676_7676_7676) | x
        let m = t & 0x8080_8080_8080_8080
        return (x, m.trailingZeroBitCount >> 3)
    }

    /// Byte-at-a-time level reader: handles whitespace and extra elements, and names the failure.
    @inlinable
    mutating func readLevelsScalar(priceScale: Int, qtyScale: Int, into out: inout [BookLevel]) -> LevelFailure? {
        guard consume(UInt8(ascii: "[")) else { return .syntax }
        if peek() == UInt8(ascii: "]") { pos += 1; return nil }
        while true {
            guard consume(UInt8(ascii: "[")), consume(UInt8(ascii: "\"")) else { return .syntax }
            var start = pos
            guard let price = quotedDecimal(scale: priceScale), price > 0 else {
                return levelFailure(start, priceScale) { .price($0) }
            }
            guard consume(UInt8(ascii: ",")), consume(UInt8(ascii: "\"")) else { return .syntax }
            start = pos
            guard let qty = quotedDecimal(scale: qtyScale), qty >= 0 else {
                return levelFailure(start, qtyScale) { .qty($0) }
            }
            if pos < end, at(pos) == UInt8(ascii: "]") {
                pos += 1
            } else {
                while true {
                    if consume(UInt8(ascii: "]")) { break }
                    guard consume(UInt8(ascii: ",")), skipValue() else { return .syntax }
                }
            }
            out.append(BookLevel(price: price, qty: qty))
            if pos < end {
                let c = at(pos)
                if c == UInt8(ascii: ",") { pos += 1; continue }
                if c == UInt8(ascii: "]") { pos += 1; return nil }
            }
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "]")) { return nil }
            return .syntax
        }
    }

    /// Parses decimal digits from `pos` up to and including the closing quote in one pass (the hot path:
    /// every byte is looked at once). Returns `nil` on anything unusual; `levelFailure` then re-reads the
    /// string slowly to say what was wrong, and long inputs that could overflow go through the checked parser.
    @inlinable
    @inline(__always)
    mutating func quotedDecimal(scale: Int) -> Int64? {
        let start = pos
        // Word-at-a-time path for the common shape: up to 7 integer and 7 fraction digits, scale <= 10.
        if start &+ 8 <= end, scale <= 10 {
            let (x1, n1) = digitRun(at: start)
            if n1 >= 1, n1 <= 7 {
                let c = at(start &+ n1)
                if c == UInt8(ascii: "\"") {
                    pos = start &+ n1 &+ 1
                    return Self.swarValue(x1, n1) &* Self.pow10(scale)
                }
                let j = start &+ n1 &+ 1
                if c == UInt8(ascii: "."), j &+ 8 <= end {
                    let (x2, n2) = digitRun(at: j)
                    if n2 >= 1, n2 <= 7, at(j &+ n2) == UInt8(ascii: "\"") {
                        let k = Swift.min(n2, scale)
                        if n2 > k {
                            // Decimals beyond the instrument scale must all be zeros.
                            let extra = (x2 >> UInt64(8 &* k)) & ((1 << UInt64(8 &* (n2 &- k))) &- 1)
                            if extra != 0 { return nil }
                        }
                        let frac: Int64 = k > 0 ? Self.swarValue(x2, k) &* Self.pow10(scale &- k) : 0
                        pos = j &+ n2 &+ 1
                        return Self.swarValue(x1, n1) &* Self.pow10(scale) &+ frac
                    }
                }
            }
        }
        return quotedDecimalSlow(scale: scale)
    }

    /// Byte-at-a-time path of `quotedDecimal`: negative numbers, long numbers, numbers near the buffer end.
    @usableFromInline
    @inline(never)
    mutating func quotedDecimalSlow(scale: Int) -> Int64? {
        let start = pos
        var i = pos
        var negative = false
        if i < end, at(i) == UInt8(ascii: "-") { negative = true; i += 1 }
        let intStart = i
        var v: Int64 = 0
        var c: UInt8 = 0
        while i < end {
            c = at(i)
            let d = c &- 48
            if d > 9 { break }
            v = v &* 10 &+ Int64(d)
            i += 1
        }
        let intDigits = i - intStart
        guard intDigits > 0, i < end else { return nil }
        var frac = 0
        if c == UInt8(ascii: ".") {
            i += 1
            while i < end {
                c = at(i)
                let d = c &- 48
                if d > 9 { break }
                if frac < scale { v = v &* 10 &+ Int64(d) } else if d != 0 { return nil }
                frac += 1
                i += 1
            }
            guard frac > 0, frac <= 18, i < end else { return nil }
        }
        guard c == UInt8(ascii: "\"") else { return nil }
        if intDigits + scale > 18 {
            guard let checked = FixedPointParser.parse(UnsafeRawBufferPointer(rebasing: bytes[start..<i]), scale: scale) else { return nil }
            pos = i + 1
            return checked
        }
        if frac < scale { v = v &* Self.pow10(scale - frac) }
        pos = i + 1
        return negative ? -v : v
    }

    /// Works out why the quoted decimal starting at `start` was rejected.
    @usableFromInline
    mutating func levelFailure(_ start: Int, _ scale: Int, _ wrap: (VenueCodecError.Kind) -> LevelFailure) -> LevelFailure {
        var i = start
        while i < end, at(i) != UInt8(ascii: "\"") { i += 1 }
        guard i < end else { pos = end; return .syntax }
        pos = i + 1
        // It parsed, so it was rejected for its sign (a non-positive price or a negative quantity).
        if Self.parseDecimal(bytes, start, i, scale: scale) != nil { return wrap(.negative) }
        return wrap(Self.decimalFailure(bytes, start, i, scale: scale))
    }
}
