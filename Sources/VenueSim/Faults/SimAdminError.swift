public import PropCore

/// Why a `POST /sim/faults` body was rejected; answered as HTTP 400 with the Russian text.
public enum SimAdminError: PropError, Equatable {
    /// The body is not a JSON object.
    case notJSONObject
    /// A required field is absent.
    case missingField(String)
    /// A field has the wrong type or an unknown value.
    case invalidField(String, String)

    public var code: String {
        switch self {
        case .notJSONObject: "sim_fault_not_json"
        case .missingField: "sim_fault_missing_field"
        case .invalidField: "sim_fault_invalid_field"
        }
    }

    public var messageRu: String {
        switch self {
        case .notJSONObject: "Тело запроса не является JSON-объектом"
        case .missingField(let f): "Не указано обязательное поле «\(f)»"
        case .invalidField(let f, let why): "Недопустимое значение поля «\(f)»: \(why)"
        }
    }

    public var hintRu: String {
        "Пример: {\"venue\":\"binance\",\"kind\":\"drop_diff\",\"params\":{\"count\":3,\"symbol\":\"BTCUSDT\"}}. "
            + "Виды: " + SimFaultKind.allCases.map(\.rawValue).joined(separator: ", ")
    }
}
