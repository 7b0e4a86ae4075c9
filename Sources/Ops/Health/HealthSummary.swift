import PropCore

/// `GET /api/ui/health/summary`: `{score_pct, overall, counts, ts}` plus what the runtime needs to act on it.
public struct HealthSummary: Sendable, Hashable, Encodable {
    /// `100·(ΣGREEN + 0.5·ΣYELLOW)/ΣENABLED` over enabled, measured (non-GRAY) components; 0 when none is.
    public var scorePct: Double
    /// GREEN, YELLOW or RED (GRAY when nothing is measured yet).
    public var overall: HealthStatus
    /// Components per colour; disabled ones count as GRAY. Every colour is present, zero or not.
    public var counts: [String: Int]
    /// ISO-8601 UTC.
    public var ts: String
    /// Enabled P0 components that are RED.
    public var redP0: [String]

    /// Overall RED stops new risk: the runtime raises a HOLD with these ids in the detail (see runbook).
    public var requiresHold: Bool { overall == .red }

    enum CodingKeys: String, CodingKey {
        case scorePct = "score_pct"
        case overall, counts, ts
        case redP0 = "red_p0"
        case requiresHold = "requires_hold"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(scorePct, forKey: .scorePct)
        try c.encode(overall, forKey: .overall)
        try c.encode(counts, forKey: .counts)
        try c.encode(ts, forKey: .ts)
        try c.encode(redP0, forKey: .redP0)
        try c.encode(requiresHold, forKey: .requiresHold)
    }
}
