/// A bad query parameter on a health/status endpoint: which field, what is wrong and what to send, in Russian.
/// The HTTP layer answers 400 with `body`.
public struct QueryError: Error, Sendable, Hashable {
    /// The parameter's name (`bucket`, `from`).
    public var field: String
    /// `query_invalid` (unparseable or not one of the allowed words) or `query_out_of_range`.
    public var code: String
    public var problemRu: String
    public var hintRu: String

    /// `Параметр «bucket»: значение «7x» не распознано. Подсказка: …`.
    public var messageRu: String { "Параметр «\(field)»: \(problemRu). \(hintRu)" }

    /// The JSON error body.
    public var body: Body { Body(error: code, field: field, messageRu: messageRu, hintRu: hintRu) }

    /// `{error, field, message_ru, hint_ru}`.
    public struct Body: Sendable, Hashable, Encodable {
        public var error: String
        public var field: String
        public var messageRu: String
        public var hintRu: String

        enum CodingKeys: String, CodingKey {
            case error, field
            case messageRu = "message_ru"
            case hintRu = "hint_ru"
        }
    }
}
