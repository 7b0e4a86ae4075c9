import Journal

extension CommandService {
    /// A front end refused a request before it became a command (malformed JSON, an unknown field, a value of the
    /// wrong type): audited like any refusal, under the caller's name when it authenticated.
    public func recordBadRequest(action: String, by principal: Principal?, refusal: CommandRefusal) async {
        await exclusive {
            var detail = ["code": refusal.code, "message_ru": refusal.messageRu]
            if let field = refusal.field { detail["field"] = field }
            _ = await record(actor: principal?.name ?? "unknown", action: action, outcome: .refused, detail: detail)
        }
    }

    /// The newest audit records, newest first (for `/api/ui/ops/changes`), from the sink when it can list them.
    public func recentChanges(_ limit: Int) -> [AuditRecord] {
        guard let log = audit as? AuditLog else { return [] }
        return (try? log.latest(limit)) ?? []
    }
}
