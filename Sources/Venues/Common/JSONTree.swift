/// A small JSON tree built with `JSONScanner`, for the low-rate private messages of every venue (REST
/// answers, private-stream pushes, a few per order, not per book tick): a tree is cheap there and keeps each
/// field lookup explicit. The market-data hot path keeps its allocation-free decoders.
/// Numbers stay as their exact text, so money never passes through `Double`.
public indirect enum JSONTree: Sendable, Hashable {
    case object([String: JSONTree])
    case array([JSONTree])
    case string(String)
    /// A JSON number, exactly as written.
    case number(String)
    case bool(Bool)
    case null

    /// Deepest nesting accepted (private messages nest at most four levels; the limit bounds recursion).
    static let maxDepth = 32

    /// Parses a whole message; nil for anything that is not exactly one complete JSON value.
    public static func parse(_ raw: UnsafeRawBufferPointer) -> JSONTree? {
        var s = JSONScanner(raw)
        guard let v = value(&s, depth: 0), s.atEnd() else { return nil }
        return v
    }

    /// Parses a whole body; nil for anything that is not exactly one complete JSON value.
    public static func parse(_ bytes: [UInt8]) -> JSONTree? { bytes.withUnsafeBytes { parse($0) } }

    /// Parses a text frame.
    public static func parse(_ text: String) -> JSONTree? { parse(Array(text.utf8)) }

    private static func value(_ s: inout JSONScanner, depth: Int) -> JSONTree? {
        guard depth < maxDepth else { return nil }
        switch s.peek() {
        case UInt8(ascii: "{"):
            guard s.beginObject() else { return nil }
            var out: [String: JSONTree] = [:]
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
            guard s.consume(UInt8(ascii: "[")) else { return nil }
            var out: [JSONTree] = []
            if s.consume(UInt8(ascii: "]")) { return .array(out) }
            while true {
                guard let v = value(&s, depth: depth + 1) else { return nil }
                out.append(v)
                if s.consume(UInt8(ascii: "]")) { return .array(out) }
                guard s.consume(UInt8(ascii: ",")) else { return nil }
            }
        case UInt8(ascii: "\""):
            guard let span = s.readString() else { return nil }
            return .string(unescape(s.slice(span)))
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            return s.readBool().map { .bool($0) }
        case UInt8(ascii: "n"):
            return s.readNull() ? .null : nil
        default:
            // `captureValue` accepts only a run of number characters here (`-0-9.eE+`) ending at a delimiter.
            guard let span = s.captureValue() else { return nil }
            return .number(s.string(span))
        }
    }
}
