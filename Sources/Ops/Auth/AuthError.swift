import PropCore

/// Authentication, authorization and token-file failures. Messages name the token's owner at most, never
/// the token text.
public enum AuthError: PropError, Equatable {
    /// No `Authorization` header (HTTP 401).
    case missingToken
    /// The header is not `Bearer <token>` (HTTP 401).
    case malformedHeader
    /// No stored token matches (unknown or revoked) (HTTP 401).
    case unknownToken
    /// The token is valid but its role is too low for the action (HTTP 403).
    case forbidden(name: String, role: Role, required: Role, action: String)
    /// The tokens file cannot be read or parsed.
    case fileUnreadable(path: String, reason: String)
    /// The tokens file is readable by other users.
    case fileInsecure(path: String, permissions: Int)
    /// The tokens file could not be written.
    case fileWriteFailed(path: String, reason: String)
    /// A token name that is not 1–32 of `A–Z a–z 0–9 . _ -`, or is reserved.
    case nameInvalid(String)
    /// `auth add` for a name that already has a token.
    case nameTaken(String)
    /// `auth revoke` for a name without a token.
    case nameUnknown(String)

    /// HTTP status the API answers with.
    public var httpStatus: Int {
        switch self {
        case .missingToken, .malformedHeader, .unknownToken: 401
        case .forbidden: 403
        case .fileUnreadable, .fileInsecure, .fileWriteFailed: 500
        case .nameInvalid, .nameTaken, .nameUnknown: 400
        }
    }

    /// Stable snake_case code.
    public var code: String {
        switch self {
        case .missingToken: "auth_missing_token"
        case .malformedHeader: "auth_malformed_header"
        case .unknownToken: "auth_unknown_token"
        case .forbidden: "auth_forbidden"
        case .fileUnreadable: "auth_tokens_file_unreadable"
        case .fileInsecure: "auth_tokens_file_insecure"
        case .fileWriteFailed: "auth_tokens_file_write_failed"
        case .nameInvalid: "auth_name_invalid"
        case .nameTaken: "auth_name_taken"
        case .nameUnknown: "auth_name_unknown"
        }
    }

    /// What went wrong, in Russian.
    public var messageRu: String {
        switch self {
        case .missingToken: "требуется токен: заголовок Authorization не передан"
        case .malformedHeader: "заголовок Authorization должен иметь вид «Bearer <токен>»"
        case .unknownToken: "токен не найден или отозван"
        case .forbidden(let name, let role, let required, let action):
            "у «\(name)» роль \(role.titleRu); для действия «\(action)» нужна роль \(required.titleRu) или выше"
        case .fileUnreadable(let path, let reason): "файл токенов «\(path)» не читается: \(reason)"
        case .fileInsecure(let path, let permissions):
            "файл токенов «\(path)» доступен другим пользователям (права \(String(permissions, radix: 8)))"
        case .fileWriteFailed(let path, let reason): "файл токенов «\(path)» не записан: \(reason)"
        case .nameInvalid(let name): "имя «\(name)» недопустимо: 1–32 символа из латинских букв, цифр, «.», «_», «-»; имена system, anonymous, unknown зарезервированы"
        case .nameTaken(let name): "токен с именем «\(name)» уже есть"
        case .nameUnknown(let name): "токена с именем «\(name)» нет"
        }
    }

    /// What to do about it, in Russian.
    public var hintRu: String {
        switch self {
        case .missingToken, .malformedHeader:
            "передайте заголовок «Authorization: Bearer <токен>»; токен выдаёт администратор командой propbot auth add ИМЯ --role operator"
        case .unknownToken: "проверьте токен; список владельцев — propbot auth list; при утере выпустите новый"
        case .forbidden: "попросите администратора выдать токен с нужной ролью (propbot auth add)"
        case .fileUnreadable: "проверьте путь ops.tokens_file в профиле и права доступа; формат создаёт propbot auth add"
        case .fileInsecure(let path, _): "выполните: chmod 600 \(path)"
        case .fileWriteFailed: "проверьте права на каталог и свободное место"
        case .nameInvalid: "например: propbot auth add ivan --role operator"
        case .nameTaken(let name): "сначала отзовите старый: propbot auth revoke \(name)"
        case .nameUnknown: "список имён: propbot auth list"
        }
    }
}
