/// Something the operator must see from the order path (Russian text), kept in a bounded list and logged.
public struct ExecutionAlert: Sendable, Hashable, Encodable {
    public var code: String
    public var messageRu: String
    public var wallMs: Int64

    enum CodingKeys: String, CodingKey {
        case code
        case messageRu = "message_ru"
        case wallMs = "wall_ms"
    }
}
