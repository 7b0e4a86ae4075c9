import Foundation
import Journal

extension CommandService {
    /// Writes one audit record; false when the log refused it.
    func record(actor: String, action: String, target: String? = nil, outcome: AuditOutcome,
                detail: [String: String] = [:]) async -> Bool {
        let entry = AuditEntry(wallMs: time.wallMillis(), actor: actor, action: action, target: target, outcome: outcome,
                               detailJSON: Self.json(detail))
        do {
            try await audit.write(entry)
            return true
        } catch {
            return false
        }
    }

    /// Compact JSON with sorted keys, so equal details give equal bytes (and equal hashes).
    static func json(_ detail: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(detail) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
