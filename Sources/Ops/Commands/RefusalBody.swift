/// The JSON an API answers a refusal with (`{"code", "field", "message_ru", "hint_ru"}`), under
/// `CommandRefusal.httpStatus`.
public struct RefusalBody: Sendable, Hashable, Encodable {
    public var code: String
    public var field: String?
    public var messageRu: String
    public var hintRu: String

    enum CodingKeys: String, CodingKey {
        case code, field
        case messageRu = "message_ru"
        case hintRu = "hint_ru"
    }
}

extension CommandRefusal {
    /// The refusal as the API's error body.
    public var body: RefusalBody { RefusalBody(code: code, field: field, messageRu: messageRu, hintRu: hintRu) }
}
