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

}
