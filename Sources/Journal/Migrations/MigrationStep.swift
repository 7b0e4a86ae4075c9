/// One schema version: the SQL that creates it and the SQL that removes exactly what it created.
public struct MigrationStep: Sendable {
    /// A query returning a count; when it is above zero going down would destroy data the hash chain
    /// covers, so the down step is refused with `reason` instead.
    public struct DownGuard: Sendable {
        /// `SELECT COUNT(*) …` over rows that only this version can hold.
        public let countSQL: String
        /// Russian explanation shown to the operator.
        public let reason: String

        /// A guard refusing the down step while `countSQL` finds rows.
        public init(countSQL: String, reason: String) {
            self.countSQL = countSQL
            self.reason = reason
        }
    }

    /// The version the schema has after `up` ran.
    public let version: Int
    /// Statements applied in order when migrating up to `version`.
    public let up: [String]
    /// Statements applied in order when going down from `version` to `version - 1`.
    public let down: [String]
    /// Checked before `down`; nil when going down never loses chained data.
    public let downGuard: DownGuard?

    /// A step with its up and down statements.
    public init(version: Int, up: [String], down: [String], downGuard: DownGuard? = nil) {
        self.version = version
        self.up = up
        self.down = down
        self.downGuard = downGuard
    }
}
