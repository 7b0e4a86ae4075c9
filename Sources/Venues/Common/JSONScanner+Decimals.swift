public import PropCore

/// Decimal numbers as fixed-point mantissas, including the word-at-a-time (SWAR) digit readers.
extension JSONScanner {
    // MARK: - Decimals

    /// Parses a decimal string's content (`65000.10`) into a mantissa at `scale` decimals.
    /// Extra decimals must be zeros. Returns `nil` on any defect; `decimalFailure` says which.
    @inlinable
    @inline(__always)
    public static func parseDecimal(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int, scale: Int) -> Int64? {
        var i = start
        var negative = false
        if i < end, bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        let intStart = i
        var v: Int64 = 0
        while i < end {
            let d = bytes[i] &- 48
            if d > 9 { break }
            v = v &* 10 &+ Int64(d)
            i += 1
        }
        let intDigits = i - intStart
        guard intDigits > 0 else { return nil }
        var frac = 0
        if i < end {
            guard bytes[i] == UInt8(ascii: ".") else { return nil }
            i += 1
            let fracStart = i
            while i < end {
                let d = bytes[i] &- 48
                if d > 9 { return nil }
                if frac < scale {
                    v = v &* 10 &+ Int64(d)
                } else if d != 0 {
                    return nil
                }
                frac += 1
                i += 1
            }
            guard i > fracStart, frac <= 18 else { return nil }
        }
        // Up to 18 digits can never overflow Int64; longer inputs take the checked path.
        if intDigits + scale > 18 {
            return FixedPointParser.parse(UnsafeRawBufferPointer(rebasing: bytes[start..<end]), scale: scale)
        }
        if frac < scale { v = v &* pow10(scale - frac) }
        return negative ? -v : v
    }

    /// 10^e for 0...18.
    @inlinable
    @inline(__always)
    public static func pow10(_ e: Int) -> Int64 {
        switch e {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1000
        case 4: 10_000
        case 5: 100_000
        case 6: 1_000_000
        case 7: 10_000_000
        case 8: 100_000_000
        case 9: 1_000_000_000
        case 10: 10_000_000_000
        case 11: 100_000_000_000
        case 12: 1_000_000_000_000
        case 13: 10_000_000_000_000
        case 14: 100_000_000_000_000
        case 15: 1_000_000_000_000_000
        case 16: 10_000_000_000_000_000
        case 17: 100_000_000_000_000_000
        default: 1_000_000_000_000_000_000
        }
    }

    /// Says why `parseDecimal` rejected a span (slow path, only after a failure).
    public static func decimalFailure(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int, scale: Int) -> VenueCodecError.Kind {
        let text = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
        guard let natural = FixedPointParser.parseNatural(text) else {
            if let dot = text.firstIndex(of: UInt8(ascii: ".")), text.count - dot - 1 > 18,
               text[(dot + 1)...].allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                return .tooManyDecimals
            }
            return .badNumber
        }
        if natural.scale > scale { return .offScale }
        return .badNumber
    }

    /// Reads a decimal string at `scale`; on failure returns the reason.
    @inlinable
    public mutating func readDecimal(scale: Int) -> Result<Int64, VenueCodecError.Kind> {
        guard let s = readString() else { return .failure(pos >= end ? .truncated : .wrongType) }
        if let v = Self.parseDecimal(bytes, s.start, s.end, scale: scale) { return .success(v) }
        return .failure(Self.decimalFailure(bytes, s.start, s.end, scale: scale))
    }

    /// Reads a decimal string keeping its own number of decimals (mark prices, funding rates).
    public mutating func readNaturalDecimal() -> Result<(units: Int64, scale: Int), VenueCodecError.Kind> {
        guard let s = readString() else { return .failure(pos >= end ? .truncated : .wrongType) }
        let text = slice(s)
        if let v = FixedPointParser.parseNatural(text) { return .success(v) }
        return .failure(Self.decimalFailure(bytes, s.start, s.end, scale: fixedPointMaxScale))
    }

    // MARK: - SWAR digit runs

    /// Eight bytes at `i` (requires `i + 8 <= end`) XOR-ed with `'0'` so digits become 0…9, and the length
    /// of the leading digit run (8 when all are digits). Reading a whole word removes the per-byte loop
    /// and its hard-to-predict exit branch, which dominated the parse profile.
    @inlinable
    @inline(__always)
    func digitRun(at i: Int) -> (x: UInt64, n: Int) {
        let w = word(at: i)
        let x = w ^ 0x3030_3030_3030_3030
        let t = ((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7676_7676_7676_7676) | x
        let m = t & 0x8080_8080_8080_8080
        return (x, m.trailingZeroBitCount >> 3)
    }

    /// The 8 bytes at `i`, little-endian; bytes past the end read as 0 (a non-digit, non-quote).
    @inlinable
    @inline(__always)
    func word(at i: Int) -> UInt64 {
        if i &+ 8 <= end { return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) }
        var w: UInt64 = 0
        var k = 0
        while i &+ k < end { w |= UInt64(at(i &+ k)) << UInt64(8 &* k); k &+= 1 }
        return w
    }

    /// Value of the first `k` (1…8) digits of a `digitRun` word.
    @inlinable
    @inline(__always)
    static func swarValue(_ x: UInt64, _ k: Int) -> Int64 {
        var v = x << UInt64(truncatingIfNeeded: 8 &* (8 &- k))
        v = ((v & 0x0F0F_0F0F_0F0F_0F0F) &* 2561) >> 8
        v = ((v & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
        v = ((v & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32
        return Int64(truncatingIfNeeded: v)
    }

}
