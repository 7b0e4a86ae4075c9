/// Byte-level decimal parsing shared by `FixedPoint` and the venue codecs' hot path.
/// Works on raw UTF-8 bytes, allocates nothing.
public enum FixedPointParser {
    /// Parses `bytes` (e.g. `65000.10`) into a mantissa with exactly `scale` decimals.
    /// Extra decimals must be zeros. Returns `nil` on any non-decimal byte, empty input or overflow.
    @inlinable
    public static func parse(_ bytes: UnsafeRawBufferPointer, scale: Int) -> Int64? {
        var i = 0
        let n = bytes.count
        guard n > 0, scale >= 0, scale <= fixedPointMaxScale else { return nil }
        var negative = false
        if bytes[0] == UInt8(ascii: "-") { negative = true; i = 1 }
        var value: Int64 = 0
        var digits = 0
        while i < n {
            let c = bytes[i] &- 48
            if c > 9 { break }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(c))
            if o1 || o2 { return nil }
            value = a; digits += 1; i += 1
        }
        // JSON and every venue write a leading digit: ".5" is not a number we accept.
        guard digits > 0 else { return nil }
        var frac = 0
        if i < n {
            guard bytes[i] == UInt8(ascii: "."), i + 1 < n else { return nil }
            i += 1
            while i < n {
                let c = bytes[i] &- 48
                if c > 9 { return nil }
                if frac < scale {
                    let (m, o1) = value.multipliedReportingOverflow(by: 10)
                    let (a, o2) = m.addingReportingOverflow(Int64(c))
                    if o1 || o2 { return nil }
                    value = a
                } else if c != 0 {
                    return nil
                }
                frac += 1; digits += 1; i += 1
            }
        }
        if frac < scale {
            let (m, o) = value.multipliedReportingOverflow(by: powersOfTen[scale - frac])
            if o { return nil }
            value = m
        }
        return negative ? -value : value
    }

    /// Parses keeping the text's own number of decimals as the scale.
    @inlinable
    public static func parseNatural(_ bytes: UnsafeRawBufferPointer) -> (units: Int64, scale: Int)? {
        var scale = 0
        if let dot = bytes.firstIndex(of: UInt8(ascii: ".")) { scale = bytes.count - dot - 1 }
        guard scale <= fixedPointMaxScale, let units = parse(bytes, scale: scale) else { return nil }
        return (units, scale)
    }
}

/// Exact decimal printing for `FixedPoint` values.
enum FixedPointFormatter {
    static func format(units: Int64, scale: Int, trimZeros: Bool) -> String {
        let negative = units < 0
        let magnitude = units.magnitude
        var digits = String(magnitude)
        if scale > 0 {
            if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
            var intPart = String(digits.dropLast(scale))
            var fracPart = String(digits.suffix(scale))
            if trimZeros { while fracPart.last == "0" { fracPart.removeLast() } }
            if intPart.isEmpty { intPart = "0" }
            digits = fracPart.isEmpty ? intPart : intPart + "." + fracPart
        }
        return negative && magnitude != 0 ? "-" + digits : digits
    }
}
