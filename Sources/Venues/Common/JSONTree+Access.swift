extension JSONTree {
    /// Member `key` of an object (nil otherwise).
    public subscript(key: String) -> JSONTree? {
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

    /// A scalar as written: a string's text, or a number, `true`, `false`, `null` literal (nil for containers).
    public var literal: String? {
        switch self {
        case .string(let s), .number(let s): s
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        case .object, .array: nil
        }
    }

    /// `literal` of member `key`, nil when absent or a container.
    public func literal(_ key: String) -> String? { self[key]?.literal }

    /// Non-empty text, or nil.
    public var nonEmptyText: String? { text.flatMap { $0.isEmpty ? nil : $0 } }

    /// An integer sent as a number or a digit string.
    public var int64: Int64? { text.flatMap { Int64($0) } }

    /// A bool, or the strings `"true"`/`"false"` (some endpoints echo bools as text).
    public var bool: Bool? {
        switch self {
        case .bool(let b): b
        case .string("true"): true
        case .string("false"): false
        default: nil
        }
    }

    /// Elements of an array (nil otherwise).
    public var array: [JSONTree]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// Whether this is an object.
    public var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}
