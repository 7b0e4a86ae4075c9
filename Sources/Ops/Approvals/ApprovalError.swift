import PropCore

/// Why an approval was refused. Nothing runs and the pending request (if any) is unchanged, except that an
/// expired one is dropped.
public enum ApprovalError: PropError, Equatable {
    /// No such id was ever issued (or it is malformed).
    case unknown(id: String)
    /// The id's TTL ran out before a second operator approved.
    case expired(id: String, expiredAtMs: Int64)
    /// The id was already approved or rejected: ids are single-use.
    case alreadyUsed(id: String)
    /// The requester tried to approve their own request.
    case sameOperator(name: String)
    /// The approver's role is too low for the command.
    case wrongRole(name: String, role: Role, required: Role)

    /// Stable snake_case code.
    public var code: String {
        switch self {
        case .unknown: "approval_unknown"
        case .expired: "approval_expired"
        case .alreadyUsed: "approval_already_used"
        case .sameOperator: "approval_same_operator"
        case .wrongRole: "approval_wrong_role"
        }
    }

    /// HTTP status the API answers with.
    public var httpStatus: Int {
        switch self {
        case .unknown: 404
        case .expired: 410
        case .alreadyUsed: 409
        case .sameOperator, .wrongRole: 403
        }
    }

    /// What was refused, in Russian.
    public var messageRu: String {
        switch self {
        case .unknown(let id): "approval_id: запрос «\(id)» не найден"
        case .expired(let id, let at): "approval_id: срок запроса «\(id)» истёк в \(ISO8601Millis.string(fromMillis: at))"
        case .alreadyUsed(let id): "approval_id: запрос «\(id)» уже использован (повтор не допускается)"
        case .sameOperator(let name): "оператор «\(name)» не может подтвердить собственный запрос: нужен второй оператор"
        case .wrongRole(let name, let role, let required):
            "у «\(name)» роль \(role.titleRu); подтверждать этот запрос может роль \(required.titleRu) или выше"
        }
    }

    /// What to do, in Russian.
    public var hintRu: String {
        switch self {
        case .unknown: "проверьте id в списке ожидающих запросов (/status)"
        case .expired: "повторите команду — будет создан новый запрос, подтвердите его до истечения срока"
        case .alreadyUsed: "для нового изменения повторите команду"
        case .sameOperator: "попросите другого оператора подтвердить запрос своим токеном"
        case .wrongRole: "подтвердить должен оператор с достаточной ролью"
        }
    }
}
