/// What sort of thing a component is; the `type` filter of `/api/ui/health/components`.
public enum ComponentKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// A long-running part of the bot (stream, control state, strategy).
    case service
    /// A venue link (market data, order path).
    case connector
    /// A guard or a computation (risk, clock, recon, rate limiter).
    case function
    /// Durable state (journal, outbox, audit).
    case storage
    /// Keys, tokens, the audit trail.
    case security
}
