/// A small JSON tree read with `JSONScanner`, for OKX private REST answers and private-stream pushes.
/// These are low-rate (one per order event), so building a tree is fine here; the market-data hot path
/// keeps its allocation-free decoders. Numbers and literals are kept as their exact text: money never
/// passes through `Double`.
public enum OKXPrivateJSON: Sendable, Equatable {
    case string(String)
    /// A number, `true`, `false` or `null`, as written.
    case scalar(String)
    case array([OKXPrivateJSON])
    case object([String: OKXPrivateJSON])

    /// Deepest nesting accepted (OKX answers are at most four levels deep).
    static let maxDepth = 16

    /// Parses a whole body; nil for anything that is not exactly one JSON value.
    public static func parse(_ bytes: [UInt8]) -> OKXPrivateJSON? {
        bytes.withUnsafeBytes { raw in
            var s = JSONScanner(raw)
            guard let v = value(&s, depth: 0), s.atEnd() else { return nil }
            return v
        }
    }

    /// Parses a text frame.
    public static func parse(_ text: String) -> OKXPrivateJSON? { parse(Array(text.utf8)) }

    private static func value(_ s: inout JSONScanner, depth: Int) -> OKXPrivateJSON? {
        guard depth < maxDepth else { return nil }
        switch s.peek() {
        case UInt8(ascii: "\""):
            guard let span = s.readString() else { return nil }
            return .string(unescape(s.slice(span)))
        case UInt8(ascii: "{"):
            _ = s.beginObject()
            var out: [String: OKXPrivateJSON] = [:]
            var first = true
            while true {
                switch s.nextMember(&first) {
                case .end: return .object(out)
                case .failure: return nil
                case .key(let k):
                    guard let v = value(&s, depth: depth + 1) else { return nil }
                    out[unescape(s.slice(k))] = v
                }
            }
        case UInt8(ascii: "["):
            _ = s.consume(UInt8(ascii: "["))
            var out: [OKXPrivateJSON] = []
            if s.consume(UInt8(ascii: "]")) { return .array(out) }
            while true {
                guard let v = value(&s, depth: depth + 1) else { return nil }
                out.append(v)
                if s.consume(UInt8(ascii: "]")) { return .array(out) }
                guard s.consume(UInt8(ascii: ",")) else { return nil }
            }
        default:
            guard let span = s.captureValue() else { return nil }
            return .scalar(s.string(span))
        }
    }

    /// Resolves JSON escapes (`\"`, `\\`, `\n`, `\uXXXX`, …); invalid escapes are kept as written.
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
                guard i + 4 <= raw.count, let v = UInt32(String(decoding: UnsafeRawBufferPointer(rebasing: raw[i..<i + 4]), as: UTF8.self), radix: 16)
                else { bytes.append(UInt8(ascii: "\\")); bytes.append(e); continue }
                i += 4
                flush()
                out.append(Unicode.Scalar(v) ?? "\u{FFFD}")
            default: bytes.append(e)
            }
        }
        flush()
        return String(out)
    }

    /// Member `key` of an object.
    public subscript(key: String) -> OKXPrivateJSON? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// A string's text or a scalar's literal text.
    public var text: String? {
        switch self {
        case .string(let s), .scalar(let s): s
        default: nil
        }
    }

    /// Elements of an array (empty for anything else).
    public var items: [OKXPrivateJSON] {
        if case .array(let a) = self { return a }
        return []
    }

    /// Text of member `key`, nil when absent or not a string/scalar.
    public func string(_ key: String) -> String? { self[key]?.text }
}
