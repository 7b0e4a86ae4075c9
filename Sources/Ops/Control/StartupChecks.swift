public import PropCore

/// What the runtime measured for guarded startup. Plain values: the gate decides, the runtime measures.
public struct StartupChecks: Sendable, Hashable {
    /// Market data health per enabled venue (fresh books, no sequence gap). A venue missing here is unhealthy.
    public var marketDataHealthy: [Venue: Bool]
    /// The venues that must be healthy (the profile's enabled venues).
    public var requiredVenues: [Venue]
    /// The journal replayed without a broken hash chain or unknown rows.
    public var journalReplayClean: Bool
    /// Positions, orders and balances agree with every venue.
    public var reconciliationClean: Bool
    /// Engine invariants hold after replay.
    public var invariantsHold: Bool
    /// Measured |local − venue| clock offset in milliseconds; nil while not yet measured.
    public var clockSkewMs: Int?
    /// Largest tolerated skew, milliseconds.
    public var maxClockSkewMs: Int
    /// Whether this instance holds the leader lease; nil when the profile runs without a lease.
    public var leaderLeaseHeld: Bool?

    /// Checks as measured.
    public init(marketDataHealthy: [Venue: Bool], requiredVenues: [Venue], journalReplayClean: Bool,
                reconciliationClean: Bool, invariantsHold: Bool, clockSkewMs: Int?, maxClockSkewMs: Int = 500,
                leaderLeaseHeld: Bool? = nil) {
        self.marketDataHealthy = marketDataHealthy; self.requiredVenues = requiredVenues
        self.journalReplayClean = journalReplayClean; self.reconciliationClean = reconciliationClean
        self.invariantsHold = invariantsHold; self.clockSkewMs = clockSkewMs; self.maxClockSkewMs = maxClockSkewMs
        self.leaderLeaseHeld = leaderLeaseHeld
    }
}
