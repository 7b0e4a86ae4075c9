/// A freshly issued bearer token: shown to the operator once, then only its hash exists. Its description
/// is redacted so it never lands in a log by accident; `reveal()` is the one deliberate way to print it.
public struct IssuedToken: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The stored record (hash only).
    public let record: TokenRecord
    private let text: String

    init(record: TokenRecord, text: String) { self.record = record; self.text = text }

    /// The token text, for printing once to the operator who asked for it.
    public func reveal() -> String { text }

    public var description: String { "IssuedToken(\(record.name), \(record.role), ***)" }
    public var debugDescription: String { description }
}
