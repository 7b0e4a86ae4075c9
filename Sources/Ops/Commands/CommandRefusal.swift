import PropCore

/// Why `CommandService` refused a command. Nothing changed; an audit record says so. Every case carries the
/// HTTP status, a stable code, the offending field where there is one, and Russian text with a hint.
public enum CommandRefusal: PropError, Equatable {
    /// Missing/unknown token (401) or too low a role (403).
    case auth(AuthError)
    /// The two-man approval was refused.
    case approval(ApprovalError)
    /// The control state machine refused the transition.
    case control(ControlRefusal)
    /// A number outside its allowed range.
    case outOfRange(field: String, value: Int, range: ClosedRange<Int>)
    /// A value that is in range but not acceptable here.
    case invalidValue(field: String, problemRu: String, hintRu: String)
    /// A config text that does not validate.
    case config([ConfigIssue])
    /// The runtime failed to apply an accepted change; the old value stays.
    case effectFailed(action: String, reasonRu: String)
    /// The runtime cannot apply it in its present condition (not started yet, nothing to roll back, an instrument
    /// not loaded): the request is fine, the moment is not (409); the old value stays.
    case effectPrecondition(action: String, reasonRu: String, hintRu: String)
    /// The audit log cannot be written, so nothing may change.
    case auditUnavailable(reasonRu: String)

    /// HTTP status for the API.
    public var httpStatus: Int {
        switch self {
        case .auth(let e): e.httpStatus
        case .approval(let e): e.httpStatus
        case .control, .effectPrecondition: 409
        case .outOfRange, .invalidValue, .config: 422
        case .effectFailed: 502
        case .auditUnavailable: 503
        }
    }

    /// The input field at fault, when there is one (`risk_level`, `approval_id`, `max_gross`, …).
    public var field: String? {
        switch self {
        case .outOfRange(let field, _, _), .invalidValue(let field, _, _): field
        case .approval: "approval_id"
        case .config(let issues): issues.first?.path
        case .auth, .control, .effectFailed, .effectPrecondition, .auditUnavailable: nil
        }
    }

    /// Stable snake_case code.
    public var code: String {
        switch self {
        case .auth(let e): e.code
        case .approval(let e): e.code
        case .control(let e): e.code
        case .outOfRange: "command_out_of_range"
        case .invalidValue: "command_invalid_value"
        case .config: "command_config_invalid"
        case .effectFailed: "command_effect_failed"
        case .effectPrecondition: "command_not_applicable_now"
        case .auditUnavailable: "command_audit_unavailable"
        }
    }

    /// What was refused, in Russian, naming the field.
    public var messageRu: String {
        switch self {
        case .auth(let e): e.messageRu
        case .approval(let e): e.messageRu
        case .control(let e): e.messageRu
        case .outOfRange(let field, let value, let range):
            "\(field): \(value) вне диапазона \(range.lowerBound)–\(range.upperBound)"
        case .invalidValue(let field, let problem, _): "\(field): \(problem)"
        case .config(let issues):
            "конфигурация отклонена, ошибок: \(issues.count): " + issues.map(\.rendered).joined(separator: "; ")
        case .effectFailed(let action, let reason), .effectPrecondition(let action, let reason, _):
            "\(action): изменение не применено: \(reason)"
        case .auditUnavailable(let reason): "журнал аудита недоступен, команда не выполнена: \(reason)"
        }
    }

    /// What to do, in Russian.
    public var hintRu: String {
        switch self {
        case .auth(let e): e.hintRu
        case .approval(let e): e.hintRu
        case .control(let e): e.hintRu
        case .outOfRange(_, _, let range): "укажите целое число от \(range.lowerBound) до \(range.upperBound)"
        case .invalidValue(_, _, let hint): hint
        case .config: "исправьте ошибки и повторите; проверка: propbot config validate ФАЙЛ"
        case .effectFailed: "прежнее значение действует; проверьте /status и журнал, повторите позже"
        case .effectPrecondition(_, _, let hint): hint
        case .auditUnavailable: "проверьте диск и файл ops.audit_path; propbot audit verify"
        }
    }
}
