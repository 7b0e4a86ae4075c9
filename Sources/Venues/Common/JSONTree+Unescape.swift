extension JSONTree {
    /// String content with JSON escapes resolved (`\"`, `\\`, `\n`, `\uXXXX` incl. surrogate pairs).
    /// A malformed `\u` escape is kept as written; a lone surrogate becomes U+FFFD. Never traps.
    static func unescape(_ raw: UnsafeRawBufferPointer) -> String {
        guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
        var out = String.UnicodeScalarView()
        var bytes: [UInt8] = []
        var i = 0
        func flush() { if !bytes.isEmpty { out.append(contentsOf: String(decoding: bytes, as: UTF8.self).unicodeScalars); bytes.removeAll() } }
        while i < raw.count {
            let c = raw[i]
            guard c == UInt8(ascii: "\\"), i + 1 < raw.count else { bytes.append(c); i += 1; continue }
            let e = raw[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "u"):
                guard let unit = hex4(raw, at: i) else { bytes.append(UInt8(ascii: "\\")); bytes.append(e); continue }
                i += 4
                flush()
                out.append(scalar(unit, lowSurrogateFrom: raw, at: &i))
            default: bytes.append(e)
            }
        }
        flush()
        return String(out)
    }

    /// The scalar for UTF-16 unit `unit`; a high surrogate takes the `\uDC00`…`\uDFFF` escape after it.
    private static func scalar(_ unit: UInt32, lowSurrogateFrom raw: UnsafeRawBufferPointer, at i: inout Int) -> Unicode.Scalar {
        guard (0xD800...0xDBFF).contains(unit) else { return Unicode.Scalar(unit) ?? "\u{FFFD}" }
        guard i + 6 <= raw.count, raw[i] == UInt8(ascii: "\\"), raw[i + 1] == UInt8(ascii: "u"),
              let low = hex4(raw, at: i + 2), (0xDC00...0xDFFF).contains(low) else { return "\u{FFFD}" }
        i += 6
        return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
    }

    /// Four hex digits at `i`, or nil.
    private static func hex4(_ raw: UnsafeRawBufferPointer, at i: Int) -> UInt32? {
        guard i + 4 <= raw.count else { return nil }
        var v: UInt32 = 0
        for b in raw[i..<i + 4] {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = v << 4 | UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = v << 4 | UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v = v << 4 | UInt32(b - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
        return v
    }
}
