extension CommandService {
    /// Opens a two-man request; the first operator gets its id.
    func requestApproval(_ command: OperatorCommand, by principal: Principal, atMs: Int64) async -> CommandOutcome {
        var probe = book
        let pending = probe.request(command, by: principal, atMs: atMs)
        var detail = command.auditDetail
        detail["expires_ms"] = String(pending.expiresMs)
        detail["requested_action"] = command.action
        guard await record(actor: principal.name, action: "approval_request", target: pending.id, outcome: .pending, detail: detail) else {
            return await auditFailed(command)
        }
        book = probe
        publish(.approvalRequested(pending))
        return .pendingApproval(pending)
    }

    /// The second key: checks the id and the approver, then runs the command with both names on it.
    func approve(_ id: String, by principal: Principal, atMs: Int64) async -> CommandOutcome {
        var next = book
        switch next.approve(id, by: principal, atMs: atMs) {
        case .failure(let error):
            book = next  // an expired id is spent even though the approval was refused
            return await refuse(.approve(id: id), by: principal.name, .approval(error))
        case .success(let pending):
            var detail = pending.command.auditDetail
            detail["requested_by"] = pending.requestedBy.name
            detail["requested_action"] = pending.command.action
            guard await record(actor: principal.name, action: "approve", target: id, outcome: .ok, detail: detail) else {
                return await auditFailed(.approve(id: id))
            }
            book = next
            publish(.approvalResolved(id: id, resolution: .approved, by: principal.name))
            // The world may have moved while the request waited: the command is checked again as it stands now.
            if let refusal = precheck(pending.command) { return await refuse(pending.command, by: pending.requestedBy.name, refusal) }
            return await perform(pending.command, actor: ControlActor(name: pending.requestedBy.name, approvedBy: principal.name),
                                 atMs: atMs)
        }
    }

    /// Withdraws a request.
    func reject(_ id: String, by principal: Principal, atMs: Int64) async -> CommandOutcome {
        var next = book
        switch next.reject(id, by: principal, atMs: atMs) {
        case .failure(let error):
            book = next
            return await refuse(.reject(id: id), by: principal.name, .approval(error))
        case .success(let pending):
            guard await record(actor: principal.name, action: "reject", target: id, outcome: .ok,
                               detail: ["requested_by": pending.requestedBy.name, "requested_action": pending.command.action]) else {
                return await auditFailed(.reject(id: id))
            }
            book = next
            publish(.approvalResolved(id: id, resolution: .rejected, by: principal.name))
            return .done(action: "reject", messageRu: "запрос \(id) отозван", snapshot: makeSnapshot(atMs: atMs))
        }
    }

    /// Drops requests past their TTL (also done at every command); call it on a timer to publish expiries promptly.
    public func expireApprovals() async { await exclusive { await expireApprovals(atMs: time.wallMillis()) } }

    func expireApprovals(atMs: Int64) async {
        for pending in book.expire(atMs: atMs) {
            _ = await record(actor: ControlActor.system.name, action: "approval_expire", target: pending.id, outcome: .ok,
                             detail: ["requested_by": pending.requestedBy.name, "requested_action": pending.command.action])
            publish(.approvalResolved(id: pending.id, resolution: .expired, by: ControlActor.system.name))
        }
    }
}
