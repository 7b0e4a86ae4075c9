public import Journal

/// Where `CommandService` writes its audit records. Production: the hash-chained `AuditLog`; tests may use
/// an in-memory sink. A throwing append makes the service refuse the command and put the bot on HOLD.
public protocol AuditSink: Sendable {
    /// Appends one record durably.
    func write(_ entry: AuditEntry) async throws
}

extension AuditLog: AuditSink {
    public func write(_ entry: AuditEntry) async throws {
        // The log's append is synchronous and fsynced; operator commands are rare enough to take that hit.
        try append(entry)
    }
}
