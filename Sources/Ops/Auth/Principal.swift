/// An authenticated caller: the token's name and role. Carries no secret.
public struct Principal: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Token owner (operator name), unique in the tokens file.
    public var name: String
    /// What they may do.
    public var role: Role

    /// A principal.
    public init(name: String, role: Role) { self.name = name; self.role = role }

    /// A local caller without a token, allowed to read when the profile says `ops.anonymous_local_reads: true`.
    public static let anonymousLocal = Principal(name: "anonymous", role: .viewer)

    /// Whether this principal's role covers `required`.
    public func has(_ required: Role) -> Bool { role >= required }

    public var description: String { "\(name) (\(role))" }
}
