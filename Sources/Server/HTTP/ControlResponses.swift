import Foundation
import Journal
import Ops
import PropCore

/// `GET /api/ui/settings/risk-profile`.
struct RiskProfileView: Encodable, Sendable {
    var riskLevel: Int
    var leverage: LeverageSetting
    enum CodingKeys: String, CodingKey { case riskLevel = "risk_level", leverage }
}

/// A command that was carried out.
struct CommandDone: Encodable, Sendable {
    var action: String
    var messageRu: String
    var snapshot: ControlSnapshot
    /// On `config_apply`: the token that undoes it (`POST /api/ui/config/rollback`), as the spec's answer has it.
    var rollbackToken: String?
    init(action: String, messageRu: String, snapshot: ControlSnapshot) {
        self.action = action; self.messageRu = messageRu; self.snapshot = snapshot
        rollbackToken = action == "config_apply" ? snapshot.config.rollbackToken : nil
    }
    enum CodingKeys: String, CodingKey { case action, messageRu = "message_ru", snapshot, rollbackToken = "rollback_token" }
}

/// A command waiting for a second operator (`POST /api/ui/approvals {"id": …}`).
struct ApprovalPending: Encodable, Sendable {
    var approvalId: String
    var action: String
    var requestedBy: String
    var expiresAt: String
    var messageRu: String

    init(_ p: PendingApproval) {
        approvalId = p.id; action = p.command.action; requestedBy = p.requestedBy.name
        expiresAt = ISO8601Millis.string(fromMillis: p.expiresMs)
        messageRu = "Нужно подтверждение второго оператора: POST /api/ui/approvals {\"id\": \"\(p.id)\"} до \(expiresAt)"
    }

    enum CodingKeys: String, CodingKey {
        case approvalId = "approval_id", action
        case requestedBy = "requested_by", expiresAt = "expires_at", messageRu = "message_ru"
    }
}

/// `POST /api/ui/config/validate`.
struct ConfigValidation: Encodable, Sendable {
    struct Issue: Encodable, Sendable {
        var path: String, line: Int?, code: String, messageRu: String, hintRu: String
        enum CodingKeys: String, CodingKey { case path, line, code, messageRu = "message_ru", hintRu = "hint_ru" }
    }
    var valid: Bool
    var issues: [Issue]

    init(issues: [ConfigIssue]) {
        valid = issues.isEmpty
        self.issues = issues.map { Issue(path: $0.path, line: $0.line, code: $0.code, messageRu: $0.messageRu, hintRu: $0.hintRu) }
    }
}

/// One audit record for `GET /api/ui/ops/changes` (newest first).
struct AuditRow: Encodable, Sendable {
    var seq: Int64
    var ts: String
    var actor: String
    var action: String
    var target: String?
    var outcome: String
    var detail: [String: String]
    var hash: String

    init(_ r: AuditRecord) {
        seq = r.seq; actor = r.entry.actor; action = r.entry.action; target = r.entry.target
        outcome = r.entry.outcome.rawValue
        ts = ISO8601Millis.string(fromMillis: r.entry.wallMs)
        detail = (try? JSONDecoder().decode([String: String].self, from: Data(r.entry.detailJSON.utf8))) ?? [:]
        hash = HexCoding.hex(r.hash)
    }
}
