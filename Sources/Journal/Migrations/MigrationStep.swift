/// One schema version: the SQL that creates it and the SQL that removes exactly what it created.
public struct MigrationStep: Sendable {
    /// The version the schema has after `up` ran.
    public let version: Int
    /// Statements applied in order when migrating up to `version`.
    public let up: [String]
    /// Statements applied in order when going down from `version` to `version - 1`.
    public let down: [String]

    /// A step with its up and down statements.
    public init(version: Int, up: [String], down: [String]) {
        self.version = version
        self.up = up
        self.down = down
    }
}
