/// Checks `Authorization: Bearer <token>` headers against the stored hashes and the role an action needs.
/// Holds a snapshot of the tokens file; build a new one (`load`) after `propbot auth add/revoke` to pick changes up.
public struct Authenticator: Sendable {
    /// The stored records this authenticator checks against.
    public let records: [TokenRecord]
    /// Whether a tokenless request from this machine may read (`ops.anonymous_local_reads`).
    public let anonymousLocalReads: Bool

    /// An authenticator over `records`.
    public init(records: [TokenRecord], anonymousLocalReads: Bool) {
        self.records = records; self.anonymousLocalReads = anonymousLocalReads
    }

    /// Reads the tokens file once.
    public static func load(store: TokenStore, anonymousLocalReads: Bool) throws(AuthError) -> Authenticator {
        Authenticator(records: try store.load(), anonymousLocalReads: anonymousLocalReads)
    }

    /// The principal for a raw `Authorization` header value (nil when absent), if it may do something that
    /// needs `required`, for `action` (named in the 403 message). `isLocal`: the request came over loopback.
    public func authenticate(authorization: String?, isLocal: Bool, required: Role, action: String) -> Result<Principal, AuthError> {
        let header = authorization.map { String($0.trimmingWhitespace) } ?? ""
        guard !header.isEmpty else {
            if required == .viewer, anonymousLocalReads, isLocal { return .success(.anonymousLocal) }
            return .failure(.missingToken)
        }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return .failure(.malformedHeader) }
        let token = String(String(parts[1]).trimmingWhitespace)
        guard let principal = principal(forToken: token) else { return .failure(.unknownToken) }
        guard principal.has(required) else {
            return .failure(.forbidden(name: principal.name, role: principal.role, required: required, action: action))
        }
        return .success(principal)
    }

    /// The owner of `token`, comparing against every record in constant time (no early exit).
    public func principal(forToken token: String) -> Principal? {
        var found: Principal?
        for record in records {
            let candidate = TokenHasher.hash(token: token, saltHex: record.salt) ?? ""
            if TokenHasher.constantTimeEqual(candidate, record.sha256), found == nil {
                found = Principal(name: record.name, role: record.role)
            }
        }
        return found
    }
}
