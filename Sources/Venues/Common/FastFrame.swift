import PropCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A frame as a raw pointer and length, with the bounds-checked readers the venue depth fast paths
/// (`BinanceDepthFastPath`, `OKXBooksFastPath`, `BybitOrderbookFastPath`) share.
///
/// Safety: every load is bounds-checked against the frame (`word(at:)` reads bytes past the end as 0,
/// and 0 matches no literal, digit or quote, so a successful compare proves the bytes exist), except the
/// level reader's `WindowLoads`, used only where one check has proved the whole level window in the frame.
struct FastFrame {
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
    func int(_ i: inout Int) -> Int64? { int(&i, CheckedLoads.self) }

    /// `int(_:)` with loads of the given kind (it reads at most 16 bytes from `i` and never further).
    @inline(__always)
    func int<L: FrameWordLoads>(_ i: inout Int, _: L.Type) -> Int64? {
        let x1 = L.word(self, at: i) ^ 0x3030_3030_3030_3030
        let m1 = Self.nonDigits(x1)
        if m1 != 0 {
            let n1 = m1.trailingZeroBitCount >> 3
            guard n1 >= 1 else { return nil }
            i &+= n1
            return JSONScanner.swarValue(x1, n1)
        }
        let x2 = L.word(self, at: i &+ 8) ^ 0x3030_3030_3030_3030
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

    /// The content of a string the general decoders skip (after the opening quote): printable ASCII with no escapes,
    /// moving `e` past the closing quote. `false` for anything else (left to the general path).
    @inline(__always)
    func plainString(_ e: inout Int) -> Bool {
        var j = e
        while j < n {
            let b = byte(j)
            if b == UInt8(ascii: "\"") { e = j &+ 1; return true }
            guard b >= 0x20, b < 0x7F, b != UInt8(ascii: "\\") else { return false }
            j &+= 1
        }
        return false
    }

    /// A JSON `true` or `false` at `e`, moving `e` past it.
    @inline(__always)
    func bool(_ e: inout Int) -> Bool {
        expect(&e, "true") || expect(&e, "false")
    }

    /// An optionally negative JSON integer (`-` then 1…15 digits) at `i`, moving `i` past it.
    @inline(__always)
    func signedInt(_ i: inout Int) -> Int64? {
        guard i < n else { return nil }
        if byte(i) == UInt8(ascii: "-") {
            var j = i &+ 1
            guard let v = int(&j) else { return nil }
            i = j
            return -v
        }
        return int(&i)
    }

    /// True if the bytes at `i` equal `literal` (a compile-time ASCII string).
    @inline(__always)
    func matches(_ i: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard i >= 0, i &+ count <= n else { return false }
        return memcmp(p + i, literal.utf8Start, count) == 0
    }

    /// Moves `i` past `literal` when the bytes at `i` equal it.
    @inline(__always)
    func expect(_ i: inout Int, _ literal: StaticString) -> Bool {
        guard matches(i, literal) else { return false }
        i &+= literal.utf8CodeUnitCount
        return true
    }

    /// The decimal string content at `e` (after the opening quote) as a mantissa at `scale`, moving `e`
    /// past the closing quote; -1 when it is not a plain non-negative decimal whose extra decimals are
    /// zeros. Common case (integer part, dot and fraction within 8 bytes): one load, one SWAR value.
    @_transparent // mandatory inlining: the optimizer's size limit otherwise leaves one of the two per level as a call
    func decimal(_ e: inout Int, scale: Int) -> Int64 { decimal(&e, scale: scale, CheckedLoads.self) }

    /// `needsChecked` from a reader with unchecked loads: the value needs `slowDecimal`, which can read past the
    /// proved window, so the caller retries with checked loads.
    static let needsChecked: Int64 = -2

    /// `decimal(_:scale:)` with loads of the given kind. It reads at most 16 bytes from `e` itself; with
    /// unchecked loads it returns `needsChecked` instead of calling `slowDecimal`.
    @_transparent
    func decimal<L: FrameWordLoads>(_ e: inout Int, scale: Int, _: L.Type) -> Int64 {
        let s = e
        let w = L.word(self, at: s)
        let x = w ^ 0x3030_3030_3030_3030
        let m = Self.nonDigits(x)
        guard m != 0, scale <= 8 else { return L.unchecked ? Self.needsChecked : slowDecimal(&e, scale: scale) }
        let d1 = m.trailingZeroBitCount >> 3
        guard d1 >= 1 else { return -1 }
        let c1 = UInt8(truncatingIfNeeded: w >> UInt64(truncatingIfNeeded: 8 &* d1))
        let isDot = c1 == UInt8(ascii: ".")
        guard isDot || c1 == UInt8(ascii: "\"") else { return -1 }
        // Closing quote: at d1 for an integer, else at the next non-digit; m2 == 0 gives 8, the
        // quote then being just past the word ("65002.80").
        let m2 = m & (m &- 1)
        let d2 = isDot ? m2.trailingZeroBitCount >> 3 : d1
        guard UInt8(truncatingIfNeeded: L.word(self, at: s &+ d2)) == UInt8(ascii: "\"") else {
            guard m2 == 0 else { return -1 }
            return L.unchecked ? Self.needsChecked : slowDecimal(&e, scale: scale)
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

/// Last symbol a fast path saw (up to 16 bytes, packed little-endian) and its slot: one stream carries
/// one symbol (or a few), so this skips the hash lookup. `length == -1` means empty.
struct FastSymbolCache: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var length = -1
    private var slot = 0

    init() {}

    /// Reads the symbol string content at `i` (opening quote already consumed) and moves past the
    /// closing quote. `nil` for escapes, symbols over 16 bytes (left to the general path) or unknown symbols.
    @inline(__always)
    mutating func slot(_ f: FastFrame, _ i: inout Int, _ symbols: SymbolTable) -> Int? {
        let w1 = f.word(at: i)
        var low = w1, high: UInt64 = 0
        var length: Int
        let q1 = FastFrame.byteMask(w1, UInt8(ascii: "\""))
        if q1 != 0 {
            length = q1.trailingZeroBitCount >> 3
            low = w1 & FastFrame.lowBytes(length)
        } else {
            let w2 = f.word(at: i &+ 8)
            let q2 = FastFrame.byteMask(w2, UInt8(ascii: "\""))
            guard q2 != 0 else { return nil }
            let l2 = q2.trailingZeroBitCount >> 3
            length = 8 &+ l2
            high = w2 & FastFrame.lowBytes(l2)
        }
        // Byte 0 inside the symbol would be read as padding; escapes need the general path.
        guard length >= 1, FastFrame.byteMask(low, UInt8(ascii: "\\")) | FastFrame.byteMask(high, UInt8(ascii: "\\")) == 0,
              i &+ length < f.n else { return nil }
        let slot: Int
        if self.length == length, self.low == low, self.high == high {
            slot = self.slot
        } else {
            guard let found = symbols.slot(bytes: UnsafeRawBufferPointer(start: f.p + i, count: length)) else { return nil }
            (self.low, self.high, self.length, self.slot) = (low, high, length, found)
            slot = found
        }
        i &+= length &+ 1
        return slot
    }
}
