/// Colouring of one group's score (§10.3): `score ≥ ok` is OK, `score ≥ warn` is WARN, lower is ERROR.
public struct GroupThreshold: Sendable, Hashable, Codable {
    public var ok: Double
    public var warn: Double

    /// A threshold pair, both in 0…1.
    public init(ok: Double, warn: Double) { self.ok = ok; self.warn = warn }

    /// The colour of a score.
    public func colour(_ score: Double) -> StatusLevel {
        score >= ok ? .ok : score >= warn ? .warn : .error
    }
}
