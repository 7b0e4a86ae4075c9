/// The control plane: tokens, anonymous reads, two-man TTL, audit and instruction files, startup guards.
public struct OpsConfig: Sendable, Equatable, Encodable {
    /// Tokens file (hashes only), outside the repository.
    public var tokensFile: String
    /// Whether requests from this machine without a token may read (status, stream). Mutations always need a token.
    public var anonymousLocalReads: Bool
    /// How long a two-man request waits for the second operator, seconds.
    public var approvalTTLSeconds: Int
    /// The hash-chained audit log (SQLite file).
    public var auditPath: String
    /// Where the operator's last instruction is kept for guarded startup.
    public var stateFile: String
    /// Largest clock offset to the venues guarded startup accepts, milliseconds.
    public var maxClockSkewMs: Int
    /// Whether trading needs the leader lease (two-host HA).
    public var requireLeaderLease: Bool
    /// The leader-lease file every instance on the host shares (SQLite).
    public var leasePath: String
    /// How long a lease lasts without renewal, milliseconds (renewed every second).
    public var leaseTTLms: Int

    /// A section with every value given.
    public init(tokensFile: String, anonymousLocalReads: Bool, approvalTTLSeconds: Int, auditPath: String,
                stateFile: String, maxClockSkewMs: Int, requireLeaderLease: Bool,
                leasePath: String = "./data/leader.sqlite", leaseTTLms: Int = 10_000) {
        self.leasePath = leasePath; self.leaseTTLms = leaseTTLms
        self.tokensFile = tokensFile; self.anonymousLocalReads = anonymousLocalReads
        self.approvalTTLSeconds = approvalTTLSeconds; self.auditPath = auditPath; self.stateFile = stateFile
        self.maxClockSkewMs = maxClockSkewMs; self.requireLeaderLease = requireLeaderLease
    }

    /// Defaults for a mode: anonymous local reads only in demo (so the local demo UI works without a token);
    /// per-mode audit and state files like the journal's, so a demo's history never mixes with live.
    public static func defaults(for profile: ProfileKind) -> OpsConfig {
        let suffix = profile == .live ? "" : "-\(profile.rawValue)"
        return OpsConfig(tokensFile: "./data/secrets/tokens.yaml", anonymousLocalReads: profile == .demo,
                         approvalTTLSeconds: 300, auditPath: "./data/audit\(suffix).sqlite",
                         stateFile: "./data/control\(suffix).json", maxClockSkewMs: 500, requireLeaderLease: false)
    }

    enum CodingKeys: String, CodingKey {
        case tokensFile = "tokens_file"
        case anonymousLocalReads = "anonymous_local_reads"
        case approvalTTLSeconds = "approval_ttl_s"
        case auditPath = "audit_path"
        case stateFile = "state_file"
        case maxClockSkewMs = "max_clock_skew_ms"
        case requireLeaderLease = "require_leader_lease"
        case leasePath = "lease_path"
        case leaseTTLms = "lease_ttl_ms"
    }
}
