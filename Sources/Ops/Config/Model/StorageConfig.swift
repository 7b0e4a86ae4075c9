/// Where the journal and ledger live.
public struct StorageConfig: Sendable, Equatable, Encodable {
    /// SQLite database file path.
    public var path: String

    /// Creates a storage section.
    public init(path: String) { self.path = path }
}
