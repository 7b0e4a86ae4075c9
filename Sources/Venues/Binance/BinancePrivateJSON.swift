/// A small JSON tree for Binance private REST bodies and user-data frames, built with `JSONScanner`.
/// These messages arrive a few per order (not per book tick), so a tree is cheap and keeps every
/// field lookup explicit; numbers stay as their exact text so money never passes through `Double`.
public indirect enum BinancePrivateJSON: Sendable, Hashable {
    case object([String: BinancePrivateJSON])
    case array([BinancePrivateJSON])
    case string(String)
    /// A JSON number as its exact text.
    case number(String)
    case bool(Bool)
    case null

    /// Deepest nesting accepted (user-data frames nest three levels).
    static let maxDepth = 16

    /// Parses a whole body; nil when it is not one valid JSON value.
    public static func parse(_ bytes: [UInt8]) -> BinancePrivateJSON? {
        bytes.withUnsafeBytes { raw -> BinancePrivateJSON? in
            var s = JSONScanner(raw)
            guard let v = value(&s, depth: 0), s.atEnd() else { return nil }
            return v
        }
    }

    /// Parses a text frame.
    public static func parse(_ text: String) -> BinancePrivateJSON? { parse(Array(text.utf8)) }

    private static func value(_ s: inout JSONScanner, depth: Int) -> BinancePrivateJSON? {
        guard depth < maxDepth else { return nil }
        switch s.peek() {
        case UInt8(ascii: "{"):
            guard s.beginObject() else { return nil }
            var out: [String: BinancePrivateJSON] = [:]
            var first = true
            while true {
                switch s.nextMember(&first) {
                case .end: return .object(out)
                case .failure: return nil
                case .key(let k):
                    guard let v = value(&s, depth: depth + 1) else { return nil }
                    out[unescape(s, k)] = v
                }
            }
        case UInt8(ascii: "["):
            s.pos += 1
            var out: [BinancePrivateJSON] = []
            if s.consume(UInt8(ascii: "]")) { return .array(out) }
            while true {
                guard let v = value(&s, depth: depth + 1) else { return nil }
                out.append(v)
                if s.consume(UInt8(ascii: "]")) { return .array(out) }
                guard s.consume(UInt8(ascii: ",")) else { return nil }
            }
        case UInt8(ascii: "\""):
            guard let span = s.readString() else { return nil }
            return .string(unescape(s, span))
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            return s.readBool().map { .bool($0) }
        case UInt8(ascii: "n"):
            return s.readNull() ? .null : nil
        default:
            guard let span = s.captureValue(), span.count > 0 else { return nil }
            let text = s.string(span)
            // captureValue accepts any run of number characters; keep only what a plain decimal parser reads.
            guard text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
                || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "+") }) else { return nil }
            return .number(text)
        }
    }

    /// String content with JSON escapes resolved (client order ids and messages rarely have any).
    private static func unescape(_ s: JSONScanner, _ span: JSONScanner.Span) -> String {
        let raw = s.slice(span)
        guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        var i = 0
        while i < raw.count {
            let c = raw[i]
            guard c == UInt8(ascii: "\\"), i + 1 < raw.count else { out.append(c); i += 1; continue }
            let e = raw[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                guard i + 4 <= raw.count, let code = UInt32(String(decoding: UnsafeRawBufferPointer(rebasing: raw[i..<i + 4]), as: UTF8.self), radix: 16),
                      let scalar = Unicode.Scalar(code) else { out.append(UInt8(ascii: "?")); continue }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                i += 4
            default: out.append(e)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Member of an object.
    public subscript(_ key: String) -> BinancePrivateJSON? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// Text of a string or number.
    public var text: String? {
        switch self {
        case .string(let s), .number(let s): s
        default: nil
        }
    }

    /// An integer sent as a number or a digit string.
    public var int: Int64? { text.flatMap { Int64($0) } }

    /// A boolean (also `"true"`/`"false"` strings, which some endpoints echo).
    public var bool: Bool? {
        switch self {
        case .bool(let b): b
        case .string("true"): true
        case .string("false"): false
        default: nil
        }
    }

    /// Elements of an array.
    public var array: [BinancePrivateJSON]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// Whether this is an object.
    public var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}
