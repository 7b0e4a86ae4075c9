/// The spelling of the last decimal a level reader read in one column (its length and where its dot is), with
/// the masks to check and convert the next one in a few independent operations when it is spelled the same way.
///
/// Why: successive levels of a depth frame almost always print prices, and usually sizes, with the same widths
/// (95 % of Binance and Bybit levels, 55 % of OKX's, in the synthetic data). Checking a guessed shape needs no
/// search for the dot or the closing quote, so each level's end is known from its start without waiting on
/// the previous number's digits. A shape is learnt only from a value `FastFrame.decimal` read on its one-word
/// path, and `matches` accepts only what that path would accept with the same value.
struct DecimalShape {
    /// Content bytes (1…8), 0 before a shape is learnt (then nothing matches).
    private(set) var length = 0
    /// Bit 7 of every digit byte of the content (all content bytes but the dot).
    private var digitBits: UInt64 = 0
    /// The dot's byte (0xFF there), and the dot in it; an impossible value when nothing is learnt.
    private var dotMask: UInt64 = 0xFF
    private var dotValue: UInt64 = 0x100
    /// Digit bytes (in `word ^ '0'…` form) past the scale: they must be zero.
    private var zeroMask: UInt64 = 0
    /// `lowBytes(dot)`: the integer digits, kept in place when the dot is dropped.
    private var below: UInt64 = 0
    /// The digits the value uses, the shift that puts the converted digits at the top of the word (so the SWAR
    /// conversion reads a whole word: no variable-count shift to clamp), and the power of ten after it.
    private var usedMask: UInt64 = 0
    private var alignShift: UInt64 = 0
    private var multiplier: Int64 = 1

    init() {}

    /// True if the string content at `s` (after its opening quote) is spelled like the learnt one: digits
    /// where it had digits, the dot where it had its dot, zeros past the scale, and the closing quote right
    /// after. `w` is the word at `s`; `quote` the byte at `s + length`.
    @inline(__always)
    func matches(_ w: UInt64, quote: UInt8) -> Bool {
        let x = w ^ 0x3030_3030_3030_3030
        return FastFrame.nonDigits(x) & digitBits == 0 && w & dotMask == dotValue && x & zeroMask == 0
            && quote == UInt8(ascii: "\"")
    }

    /// The mantissa of content `w` that `matches`.
    @inline(__always)
    func value(_ w: UInt64) -> Int64 {
        let x = w ^ 0x3030_3030_3030_3030
        // Drop the dot: the fraction digits move down one byte to follow the integer digits.
        let digits = (x & below) | ((x >> 8) & ~below)
        return JSONScanner.swarValue((digits & usedMask) &<< alignShift, 8) &* multiplier
    }

    /// Learns the spelling of the content at `s ..< e - 1` (`e` just past the closing quote), which
    /// `FastFrame.decimal` has accepted at `scale`; `w` is the word at `s`. Spellings its one-word path does not
    /// read (more than 8 bytes, an 8-digit integer) or scales over 8 leave nothing learnt.
    @inline(__always)
    mutating func learn(_ w: UInt64, length l: Int, scale: Int) {
        self = DecimalShape()
        guard l >= 1, l <= 8, scale <= 8 else { return }
        let x = w ^ 0x3030_3030_3030_3030
        let content = FastFrame.lowBytes(l) & 0x8080_8080_8080_8080
        let nonDigits = FastFrame.nonDigits(x) & content
        let dot = nonDigits == 0 ? l : nonDigits.trailingZeroBitCount >> 3
        let fraction = dot == l ? 0 : l &- dot &- 1
        // The one-word path's shapes: an integer of up to 7 digits, or digits, one dot, at least one digit.
        guard dot >= 1, dot == l ? l <= 7 : (fraction >= 1 && nonDigits & (nonDigits &- 1) == 0) else { return }
        let shift = UInt64(truncatingIfNeeded: 8 &* dot)
        length = l
        if dot < l {
            dotMask = 0xFF << shift
            dotValue = UInt64(UInt8(ascii: ".")) << shift
            digitBits = content & ~(0x80 << shift)
        } else {
            dotMask = 0
            dotValue = 0
            digitBits = content
        }
        let k = Swift.min(fraction, scale)
        // Decimals past the scale sit at content bytes dot + 1 + k ..< l.
        zeroMask = fraction > k ? (FastFrame.lowBytes(l) & ~FastFrame.lowBytes(dot &+ 1 &+ k)) : 0
        below = FastFrame.lowBytes(dot)
        let used = dot &+ k, total = dot &+ scale
        usedMask = FastFrame.lowBytes(used)
        // Missing decimals become zero bytes, i.e. trailing zero digits: no power-of-ten multiply when they fit.
        let count = total <= 8 ? total : used
        alignShift = UInt64(truncatingIfNeeded: 8 &* (8 &- count))
        multiplier = total <= 8 ? 1 : JSONScanner.pow10(scale &- k)
    }
}
