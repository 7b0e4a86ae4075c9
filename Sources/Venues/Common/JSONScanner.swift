public import PropCore

/// A forward-only JSON scanner over a frame's raw bytes: finds object keys and reads strings, integers,
/// decimal strings and `[[px, qty, …], …]` level arrays without allocating and without Foundation.
///
/// Every read is bounds-checked and reports failure by returning `nil`/`false` instead of trapping, so any
/// byte sequence is safe input. The scanner validates what it reads; values it skips are checked for
/// balanced brackets, string termination and literal spelling, not for full JSON grammar.
/// Why hand-written: parsing is most of the market-data hot path, and generic decoders allocate per value.
public struct JSONScanner {
    /// Byte offsets `start..<end` into the frame (string content excludes the quotes).
    public struct Span: Sendable, Hashable {
        public var start: Int
        public var end: Int
        @inlinable public init(start: Int, end: Int) { self.start = start; self.end = end }
        @inlinable public var count: Int { end - start }
    }

    /// Result of stepping to the next object member.
    public enum Member {
        case key(Span)
        case end
        case failure
    }

    /// Why a level array was rejected.
    public enum LevelFailure: Error {
        case syntax
        case price(VenueCodecError.Kind)
        case qty(VenueCodecError.Kind)
    }

    /// Deepest container nesting `skipValue` accepts.
    public static let maxDepth = 64

    public let bytes: UnsafeRawBufferPointer
    public let end: Int
    /// Current read offset.
    public var pos: Int = 0
    /// Set when a skip failed because of nesting depth rather than syntax.
    public var tooDeep = false

    /// Starts scanning `bytes` at offset 0.
    @inlinable
    public init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        self.end = bytes.count
    }

    @inlinable
    @inline(__always)
    func at(_ i: Int) -> UInt8 { bytes[i] }

    /// The failure kind for a read that just failed: running off the end means truncated.
    public func failureKind() -> VenueCodecError.Kind {
        if tooDeep { return .tooDeep }
        return pos >= end ? .truncated : .notJSON
    }

    /// Skips JSON whitespace.
    @inlinable
    @inline(__always)
    public mutating func skipWhitespace() {
        while pos < end {
            let c = at(pos)
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { pos += 1 } else { return }
        }
    }

    /// The next non-whitespace byte without consuming it, or 0 at the end.
    @inlinable
    @inline(__always)
    public mutating func peek() -> UInt8 {
        skipWhitespace()
        return pos < end ? at(pos) : 0
    }

    /// Consumes `c` (after whitespace) if it is next.
    @inlinable
    @inline(__always)
    public mutating func consume(_ c: UInt8) -> Bool {
        if pos < end, at(pos) == c { pos += 1; return true }
        skipWhitespace()
        if pos < end, at(pos) == c { pos += 1; return true }
        return false
    }

    /// True when only whitespace is left.
    public mutating func atEnd() -> Bool { skipWhitespace(); return pos >= end }

    /// Enters an object: consumes `{`.
    @inlinable
    public mutating func beginObject() -> Bool { consume(UInt8(ascii: "{")) }

    /// Steps to the next member of the current object: consumes `,` (unless `first`), the key and `:`.
    /// Returns `.end` after consuming `}`. The caller must then read or skip the value.
    @inlinable
    public mutating func nextMember(_ first: inout Bool) -> Member {
        if peek() == UInt8(ascii: "}") { pos += 1; return .end }
        if !first {
            guard consume(UInt8(ascii: ",")) else { return .failure }
        }
        first = false
        guard let key = readString(), consume(UInt8(ascii: ":")) else { return .failure }
        return .key(key)
    }

    /// Reads a string and returns its raw content span (escapes are left as they are).
    @inlinable
    public mutating func readString() -> Span? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = pos
        while pos < end {
            let c = at(pos)
            if c == UInt8(ascii: "\"") {
                let s = Span(start: start, end: pos)
                pos += 1
                return s
            }
            if c == UInt8(ascii: "\\") { pos += 2 } else { pos += 1 }
        }
        pos = end
        return nil
    }

    /// True if the span's bytes equal the ASCII `literal`.
    @inlinable
    public func equals(_ span: Span, _ literal: StaticString) -> Bool {
        span.count == literal.utf8CodeUnitCount && hasPrefix(span, literal)
    }

    /// True if the span starts with the ASCII `prefix`.
    @inlinable
    public func hasPrefix(_ span: Span, _ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard span.count >= n else { return false }
        let p = prefix.utf8Start
        var i = 0
        while i < n {
            if at(span.start + i) != p[i] { return false }
            i += 1
        }
        return true
    }

    /// The bytes of a span as a buffer view into the frame.
    @inlinable
    public func slice(_ span: Span) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[span.start..<span.end])
    }

    /// The span as a `String` (allocates; for control messages and errors only).
    public func string(_ span: Span) -> String {
        String(decoding: slice(span), as: UTF8.self)
    }

    @inlinable
    @inline(__always)
    func isDelimiter(_ c: UInt8) -> Bool {
        c == UInt8(ascii: ",") || c == UInt8(ascii: "}") || c == UInt8(ascii: "]")
            || c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09
    }

    /// Reads a JSON integer number (no fraction or exponent) that fits in `Int64`.
    @inlinable
    public mutating func readInt() -> Int64? {
        skipWhitespace()
        guard pos < end else { return nil }
        var negative = false
        if at(pos) == UInt8(ascii: "-") { negative = true; pos += 1 }
        // Word-at-a-time path for up to 15 digits (ids and ms timestamps are 13–16).
        if pos &+ 16 <= end {
            let (x1, n1) = digitRun(at: pos)
            var value: Int64 = -1
            if n1 >= 1, n1 < 8 {
                value = Self.swarValue(x1, n1); pos &+= n1
            } else if n1 == 8 {
                let (x2, n2) = digitRun(at: pos &+ 8)
                if n2 < 8 {
                    value = Self.swarValue(x1, 8) &* Self.pow10(n2) &+ (n2 > 0 ? Self.swarValue(x2, n2) : 0)
                    pos &+= 8 &+ n2
                }
            }
            if value >= 0 {
                if pos < end, !isDelimiter(at(pos)) { return nil }
                return negative ? -value : value
            }
        }
        return readIntSlow(negative: negative)
    }

    /// Byte-at-a-time path of `readInt` (16+ digits, or near the buffer end).
    @usableFromInline
    @inline(never)
    mutating func readIntSlow(negative: Bool) -> Int64? {
        let start = pos
        var v: Int64 = 0
        while pos < end {
            let d = at(pos) &- 48
            if d > 9 { break }
            if pos - start >= 18 {
                let (m, o1) = v.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(d))
                if o1 || o2 { return nil }
                v = a
            } else {
                v = v &* 10 &+ Int64(d)
            }
            pos += 1
        }
        guard pos > start else { return nil }
        if pos < end, !isDelimiter(at(pos)) { return nil }
        return negative ? -v : v
    }

    /// Reads an integer sent either as a JSON number or as a decimal-digit string (OKX `ts`, Bybit
    /// `nextFundingTime`). An empty string reads as `nil`.
    @inlinable
    public mutating func readIntOrQuotedInt() -> Int64? {
        if peek() != UInt8(ascii: "\"") { return readInt() }
        guard let s = readString() else { return nil }
        return Self.parseInteger(bytes, s)
    }

    /// Parses a span of ASCII digits (optional leading `-`) as `Int64`.
    @inlinable
    public static func parseInteger(_ bytes: UnsafeRawBufferPointer, _ s: Span) -> Int64? {
        var i = s.start
        guard i < s.end else { return nil }
        var negative = false
        if bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        guard i < s.end else { return nil }
        var v: Int64 = 0
        while i < s.end {
            let d = bytes[i] &- 48
            if d > 9 { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(d))
            if o1 || o2 { return nil }
            v = a
            i += 1
        }
        return negative ? -v : v
    }

    /// Reads `true` or `false`.
    @inlinable
    public mutating func readBool() -> Bool? {
        let c = peek()
        if c == UInt8(ascii: "t"), matchLiteral("true") { return true }
        if c == UInt8(ascii: "f"), matchLiteral("false") { return false }
        return nil
    }

    /// Consumes `null` if it is next.
    @inlinable
    public mutating func readNull() -> Bool {
        peek() == UInt8(ascii: "n") && matchLiteral("null")
    }

    @inlinable
    mutating func matchLiteral(_ lit: StaticString) -> Bool {
        let n = lit.utf8CodeUnitCount
        guard end - pos >= n else { pos = end; return false }
        let p = lit.utf8Start
        for i in 0..<n where at(pos + i) != p[i] { return false }
        pos += n
        return true
    }

    /// Skips one value of any type and returns its span (quotes included for strings).
    @inlinable
    public mutating func captureValue() -> Span? {
        skipWhitespace()
        let start = pos
        guard skipValue() else { return nil }
        return Span(start: start, end: pos)
    }

    /// Skips one value of any type. Containers are skipped iteratively (no recursion) with a nesting
    /// limit of `maxDepth`, tracking which bracket each level opened so `[}` is rejected.
    public mutating func skipValue() -> Bool {
        let c = peek()
        switch c {
        case UInt8(ascii: "\""):
            return readString() != nil
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            return skipContainer()
        case UInt8(ascii: "t"): return matchLiteral("true")
        case UInt8(ascii: "f"): return matchLiteral("false")
        case UInt8(ascii: "n"): return matchLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = pos
            while pos < end {
                let d = at(pos)
                if (d >= 48 && d <= 57) || d == UInt8(ascii: ".") || d == UInt8(ascii: "e") || d == UInt8(ascii: "E")
                    || d == UInt8(ascii: "+") || d == UInt8(ascii: "-") { pos += 1 } else { break }
            }
            return pos > start && (pos >= end || isDelimiter(at(pos)))
        default:
            return false
        }
    }

    mutating func skipContainer() -> Bool {
        // Bit i of `kinds` is 1 when level i is an object.
        var kinds: UInt64 = 0
        var depth = 0
        while pos < end {
            let c = at(pos)
            switch c {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if depth >= Self.maxDepth { tooDeep = true; return false }
                if c == UInt8(ascii: "{") { kinds |= (1 << UInt64(depth)) } else { kinds &= ~(1 << UInt64(depth)) }
                depth += 1
                pos += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard depth > 0 else { return false }
                depth -= 1
                let isObject = (kinds >> UInt64(depth)) & 1 == 1
                guard isObject == (c == UInt8(ascii: "}")) else { return false }
                pos += 1
                if depth == 0 { return true }
            case UInt8(ascii: "\""):
                guard readString() != nil else { return false }
            default:
                pos += 1
            }
        }
        return false
    }

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
