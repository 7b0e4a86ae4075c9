import PropCore

/// Writes a book's checksum text (`bidPx:bidSz:askPx:askSz:…`) as bytes, numbers in OKX's minimal decimal
/// form (`Price.trimmedDescription`: trailing fractional zeros trimmed, at least one integer digit), which is
/// exactly what OKX puts in its frames and hashes.
enum OKXChecksumText {
    /// Most bytes one number takes: sign, 20 digits (`UInt64.max`, or a `0.` pad up to scale 18 + 1), dot, colon.
    static let maxNumberBytes = 24
    /// Scales the fast writer handles (every venue's); others take the streaming path.
    static let scales = 0...18

    /// `10^k` for k in 0...19.
    static let powersOfTen: [UInt64] = (0..<20).map { k in (0..<k).reduce(UInt64(1)) { p, _ in p * 10 } }

    /// Writes `units / 10^scale` (scale in `scales`) at `p`; returns the bytes written. (Eight digits at once
    /// with SWAR measured no faster than this for the 4–7 digit mantissas books carry, so the simple loop stays.)
    @inline(__always)
    static func number(_ units: Int64, scale: Int, to p: UnsafeMutablePointer<UInt8>) -> Int {
        var w = 0
        if units < 0 { p[0] = UInt8(ascii: "-"); w = 1 }
        return w + digitByDigit(units.magnitude, scale: scale, to: p + w)
    }

    /// `v / 10^scale` with trailing fractional zeros trimmed, at least one integer digit ("0.005"), one digit
    /// at a time from the end.
    @inline(__always)
    static func digitByDigit(_ value: UInt64, scale: Int, to p: UnsafeMutablePointer<UInt8>) -> Int {
        var v = value
        var s = scale
        guard v != 0 else { p[0] = UInt8(ascii: "0"); return 1 }
        // Four zeros at a time first: sizes at scale 8 end in many.
        while s >= 4, v % 10_000 == 0 { v /= 10_000; s -= 4 }
        while s > 0, v % 10 == 0 { v /= 10; s -= 1 }
        // Digits of v from its bit length, corrected by one comparison (no second division chain).
        var digits = ((64 - v.leadingZeroBitCount) * 1233) >> 12
        if v >= powersOfTen[digits] { digits += 1 }
        let shown = Swift.max(digits, s + 1)
        var pos = shown + (s > 0 ? 1 : 0)
        let end = pos
        var j = 0
        while j < shown {
            if j == s, s > 0 { pos -= 1; p[pos] = UInt8(ascii: ".") }
            pos -= 1
            p[pos] = UInt8(truncatingIfNeeded: v % 10) &+ 48
            v /= 10
            j += 1
        }
        return end
    }
}
