import Foundation
import Hummingbird
import Ops

/// A JSON request body read strictly: malformed JSON, a field the endpoint does not know, or a value of the wrong
/// type is refused with the exact field (nothing half-applied: the command is built only from a fully valid body).
struct RequestBody {
    let fields: [String: JSONValue]

    static let maxBytes = 1 << 20

    /// Parses `request`'s body as a JSON object whose keys are all in `allowed`.
    static func read(_ request: Request, allowed: Set<String>) async throws(CommandRefusal) -> RequestBody {
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: maxBytes) } catch {
            throw .invalidValue(field: "body", problemRu: "тело запроса не прочитано или больше 1 МБ", hintRu: "пришлите JSON-объект до 1 МБ")
        }
        guard case .object(let fields)? = try? JSONDecoder().decode(JSONValue.self, from: Data(buffer.readableBytesView)) else {
            throw .invalidValue(field: "body", problemRu: "тело запроса — не JSON-объект",
                                hintRu: "пришлите JSON-объект, например {\"action\": \"pause\"}")
        }
        if let unknown = fields.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw .invalidValue(field: unknown, problemRu: "неизвестное поле",
                                hintRu: "допустимые поля: \(allowed.sorted().joined(separator: ", "))")
        }
        return RequestBody(fields: fields)
    }

    func string(_ key: String) throws(CommandRefusal) -> String? {
        switch fields[key] {
        case nil, .null?: return nil
        case .string(let s)?: return s
        default: throw .invalidValue(field: key, problemRu: "ожидается строка", hintRu: "передайте значение в кавычках")
        }
    }

    func requiredString(_ key: String) throws(CommandRefusal) -> String {
        guard let s = try string(key) else { throw .invalidValue(field: key, problemRu: "обязательное поле отсутствует", hintRu: "добавьте поле \(key)") }
        return s
    }

    func int(_ key: String) throws(CommandRefusal) -> Int? {
        switch fields[key] {
        case nil, .null?: return nil
        case .number(let d)? where d.rounded() == d && abs(d) < 1e15: return Int(d)
        default: throw .invalidValue(field: key, problemRu: "ожидается целое число", hintRu: "передайте число без кавычек и дробной части")
        }
    }

    func bool(_ key: String) throws(CommandRefusal) -> Bool? {
        switch fields[key] {
        case nil, .null?: return nil
        case .bool(let b)?: return b
        default: throw .invalidValue(field: key, problemRu: "ожидается true или false", hintRu: "передайте логическое значение без кавычек")
        }
    }

    /// A nested object, read with the same strictness under `key.` names.
    func object(_ key: String, allowed: Set<String>) throws(CommandRefusal) -> RequestBody? {
        switch fields[key] {
        case nil, .null?: return nil
        case .object(let o)?:
            if let unknown = o.keys.sorted().first(where: { !allowed.contains($0) }) {
                throw .invalidValue(field: "\(key).\(unknown)", problemRu: "неизвестное поле",
                                    hintRu: "допустимые поля: \(allowed.sorted().joined(separator: ", "))")
            }
            return RequestBody(fields: o)
        default: throw .invalidValue(field: key, problemRu: "ожидается JSON-объект", hintRu: "передайте {…}")
        }
    }
}

/// Any JSON value, decoded without guessing types (a boolean never reads as a number or the reverse).
enum JSONValue: Decodable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }
}
