/// One stored token: who, which role, and the salted SHA-256 of the token (never the token itself).
public struct TokenRecord: Sendable, Hashable, Codable {
    /// Owner name.
    public var name: String
    /// Role granted.
    public var role: Role
    /// 16 random bytes, hex.
    public var salt: String
    /// SHA-256(salt bytes || token UTF-8), hex.
    public var sha256: String
    /// UTC ISO-8601 creation time.
    public var createdAt: String

    /// A record.
    public init(name: String, role: Role, salt: String, sha256: String, createdAt: String) {
        self.name = name; self.role = role; self.salt = salt; self.sha256 = sha256; self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case name, role, salt, sha256
        case createdAt = "created_at"
    }
}
