import PropCore

/// The two-man rule's book of pending requests. The first operator's command becomes a pending approval with
/// an unguessable id and a TTL; a different operator with a sufficient role approves it once. Ids are
/// single-use: approving or rejecting an id twice, approving after the TTL, or approving one's own request is
/// refused. A value type owned by `CommandService`.
public struct ApprovalBook: Sendable {
    /// How long a request waits, milliseconds (`ops.approval_ttl_s`).
    public let ttlMs: Int64
    private var pending: [String: PendingApproval] = [:]
    /// Ids already approved, rejected or expired, oldest first, so a replay is told "already used".
    private var spent: [String: Spent] = [:]
    private var spentOrder: [String] = []
    private static let spentMemory = 10_000

    private enum Spent { case used, expired(atMs: Int64) }

    /// A book whose requests live `ttlMs`.
    public init(ttlMs: Int64) { self.ttlMs = max(1, ttlMs) }

    /// Requests still waiting, oldest first.
    public var waiting: [PendingApproval] { pending.values.sorted { $0.createdMs < $1.createdMs || ($0.createdMs == $1.createdMs && $0.id < $1.id) } }

    /// Opens a request for `command` by `by` at `atMs`.
    public mutating func request(_ command: OperatorCommand, by: Principal, atMs: Int64) -> PendingApproval {
        let id = "ap_" + HexCoding.hex(TokenHasher.randomBytes(16))
        let p = PendingApproval(id: id, command: command, requestedBy: by, createdMs: atMs, expiresMs: atMs + ttlMs)
        pending[id] = p
        return p
    }

    /// Approves `id` by `by`, who needs the command's own role (and never less than operator). On success the
    /// id is spent and the request returned for the caller to run.
    public mutating func approve(_ id: String, by: Principal, atMs: Int64) -> Result<PendingApproval, ApprovalError> {
        switch check(id, atMs: atMs) {
        case .failure(let e): return .failure(e)
        case .success(let p):
            guard p.requestedBy.name != by.name else { return .failure(.sameOperator(name: by.name)) }
            let needed = max(p.command.requiredRole, .operator)
            guard by.has(needed) else { return .failure(.wrongRole(name: by.name, role: by.role, required: needed)) }
            spend(id, .used)
            return .success(p)
        }
    }

    /// Withdraws `id` (the requester or any operator can); the id is spent.
    public mutating func reject(_ id: String, by: Principal, atMs: Int64) -> Result<PendingApproval, ApprovalError> {
        switch check(id, atMs: atMs) {
        case .failure(let e): return .failure(e)
        case .success(let p):
            guard by.has(.operator) else { return .failure(.wrongRole(name: by.name, role: by.role, required: .operator)) }
            spend(id, .used)
            return .success(p)
        }
    }

    /// Drops every request past its TTL and returns them (for events and audit).
    public mutating func expire(atMs: Int64) -> [PendingApproval] {
        let due = pending.values.filter { $0.expiresMs <= atMs }.sorted { $0.createdMs < $1.createdMs }
        for p in due { spend(p.id, .expired(atMs: p.expiresMs)) }
        return due
    }

    private mutating func check(_ id: String, atMs: Int64) -> Result<PendingApproval, ApprovalError> {
        if let spent = spent[id] {
            switch spent {
            case .used: return .failure(.alreadyUsed(id: id))
            case .expired(let at): return .failure(.expired(id: id, expiredAtMs: at))
            }
        }
        guard let p = pending[id] else { return .failure(.unknown(id: id)) }
        if p.expiresMs <= atMs {
            spend(id, .expired(atMs: p.expiresMs))
            return .failure(.expired(id: id, expiredAtMs: p.expiresMs))
        }
        return .success(p)
    }

    private mutating func spend(_ id: String, _ how: Spent) {
        pending[id] = nil
        if spent[id] == nil { spentOrder.append(id) }
        spent[id] = how
        if spentOrder.count > Self.spentMemory {
            // Forgotten ids answer "unknown" instead of "already used": still refused.
            let old = spentOrder.removeFirst()
            spent[old] = nil
        }
    }
}
