/// A parsed JSON value of a Bybit private message (REST answer or private-stream push), read with
/// `JSONScanner`. Private messages are few and small, so a tree is simpler than field-by-field scanning;
/// numbers stay as their exact text (never `Double`).
public indirect enum BybitPrivateJSON: Sendable, Equatable {
    case object([String: BybitPrivateJSON])
    case array([BybitPrivateJSON])
    case string(String)
    /// A JSON number, exactly as written.
    case number(String)
    case bool(Bool)
    case null

    /// Deepest nesting accepted (Bybit private messages use 4).
    static let maxDepth = 32

    /// Parses a whole message; nil for anything that is not one complete JSON value.
    public static func parse(_ bytes: [UInt8]) -> BybitPrivateJSON? {
        bytes.withUnsafeBytes { parse($0) }
    }

    /// Parses a whole message from raw bytes; nil for anything that is not one complete JSON value.
    public static func parse(_ raw: UnsafeRawBufferPointer) -> BybitPrivateJSON? {
        var s = JSONScanner(raw)
        guard let v = value(&s, depth: 0), s.atEnd() else { return nil }
        return v
    }

    private static func value(_ s: inout JSONScanner, depth: Int) -> BybitPrivateJSON? {
        guard depth < maxDepth else { return nil }
        switch s.peek() {
        case UInt8(ascii: "{"):
            guard s.beginObject() else { return nil }
            var out: [String: BybitPrivateJSON] = [:]
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
            _ = s.consume(UInt8(ascii: "["))
            var out: [BybitPrivateJSON] = []
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
            return s.readBool().map(BybitPrivateJSON.bool)
        case UInt8(ascii: "n"):
            return s.readNull() ? .null : nil
        default:
            guard let span = s.captureValue() else { return nil }
            let text = s.string(span)
            // Only plain decimals and integers (what Bybit sends); anything else is malformed.
            guard text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }) else { return nil }
            return .number(text)
        }
    }

    /// String content with JSON escapes resolved.
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
                guard i + 4 <= raw.count, let code = UInt32(String(decoding: UnsafeRawBufferPointer(rebasing: raw[i..<(i + 4)]), as: UTF8.self), radix: 16)
                else { out.append(UInt8(ascii: "?")); continue }
                i += 4
                let scalar = Unicode.Scalar(code) ?? "?"
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default: out.append(e)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Member `key` of an object (nil otherwise).
    public subscript(key: String) -> BybitPrivateJSON? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// Text of a string or number (nil otherwise).
    public var text: String? {
        switch self {
        case .string(let s), .number(let s): s
        default: nil
        }
    }

    /// Non-empty text, or nil.
    public var nonEmptyText: String? { text.flatMap { $0.isEmpty ? nil : $0 } }

    /// An integer sent as a number or a digit string.
    public var int64: Int64? { text.flatMap { Int64($0) } }

    /// A bool, or the strings `"true"`/`"false"`.
    public var bool: Bool? {
        switch self {
        case .bool(let b): b
        case .string("true"): true
        case .string("false"): false
        default: nil
        }
    }

    /// Elements of an array (nil otherwise).
    public var array: [BybitPrivateJSON]? {
        if case .array(let a) = self { return a }
        return nil
    }
}
