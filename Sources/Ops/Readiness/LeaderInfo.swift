/// What the leader lease says about this instance, for `/live-readiness`.
public struct LeaderInfo: Sendable, Hashable {
    /// This instance holds the lease (always true on a single host without HA).
    public var isLeader: Bool
    /// The fencing epoch every order carries; nil without HA.
    public var fencingToken: UInt64?
    /// `ops.require_leader_lease`: whether trading needs the lease.
    public var required: Bool

    /// Leader state.
    public init(isLeader: Bool, fencingToken: UInt64? = nil, required: Bool) {
        self.isLeader = isLeader; self.fencingToken = fencingToken; self.required = required
    }

    /// One host, no HA: always the leader.
    public static let standalone = LeaderInfo(isLeader: true, fencingToken: nil, required: false)
}
