/// The crash drill's result, printed as one JSON line. The drill fails unless duplicates, lost fills and
/// reconciliation mismatches are all zero.
public struct DrillReport: Codable, Sendable {
    public var iterations: Int = 0
    /// Runs that ended by `kill -9` at a crash point (the rest finished their orders first).
    public var killed: Int = 0
    /// Place intents in the journal.
    public var orders: Int = 0
    /// Venue orders that no journal intent accounts for, or more than one venue order per intent.
    public var duplicateOrders: Int = 0
    /// Venue fills missing from the journal after the final recovery.
    public var lostFills: Int = 0
    /// Open venue orders the journal does not know, after the final recovery.
    public var orphanOrders: Int = 0
    /// Instruments whose venue position differs from the journal's fills, after the final recovery.
    public var reconMismatches: Int = 0
    /// Fills on the venues.
    public var venueFills: Int = 0
    /// Whether the final recovery was clean.
    public var finalRecoveryClean: Bool = false
    public var seconds: Double = 0

    public init() {}

    public var passed: Bool { duplicateOrders == 0 && lostFills == 0 && reconMismatches == 0 && finalRecoveryClean }

    enum CodingKeys: String, CodingKey {
        case iterations, killed, orders
        case duplicateOrders = "duplicate_orders"
        case lostFills = "lost_fills"
        case orphanOrders = "orphan_orders"
        case reconMismatches = "recon_mismatches"
        case venueFills = "venue_fills"
        case finalRecoveryClean = "final_recovery_clean"
        case seconds
    }
}
