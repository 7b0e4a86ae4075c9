import PropCore

/// What `CommandService` needs from the profile and the process.
public struct CommandServiceConfiguration: Sendable {
    /// The running profile (settings start from it; config apply validates against its kind).
    public var profile: ProfileConfig
    /// Two-man request lifetime, milliseconds.
    public var approvalTTLms: Int64
    /// Environment for validating a config text to apply (`${NAME}` references).
    public var environment: [String: String]

    /// A configuration; the TTL defaults to the profile's `ops.approval_ttl_s`.
    public init(profile: ProfileConfig, environment: [String: String] = [:], approvalTTLms: Int64? = nil) {
        self.profile = profile
        self.environment = environment
        self.approvalTTLms = approvalTTLms ?? Int64(profile.ops.approvalTTLSeconds) * 1_000
    }
}
