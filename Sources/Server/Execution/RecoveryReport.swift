public import PropCore

/// What restart recovery found: printed as JSON by `propbot` and the drill, shown to the operator.
public struct RecoveryReport: Sendable, Encodable {
    /// Journal rows replayed.
    public var journalRows: Int = 0
    /// Orders rebuilt from the journal.
    public var ordersReplayed: Int = 0
    /// Non-final orders asked about by client id.
    public var ordersQueried: Int = 0
    /// Of those, still without a definite answer (trading stays off).
    public var ordersStillUnresolved: Int = 0
    /// Fills fetched from venues that the journal did not have.
    public var fillsRecovered: Int = 0
    /// Open venue orders the journal did not know, cancelled.
    public var orphansCancelled: Int = 0
    /// Instruments whose venue position differs from the journal's fills: "instrument: venue X, journal Y".
    public var positionMismatches: [String] = []
    /// Venues that could not be reached.
    public var unreachableVenues: [String] = []
    /// Journal rows that could not be understood.
    public var journalProblems: [String] = []
    /// Clean: trading may start.
    public var clean: Bool = false

    enum CodingKeys: String, CodingKey {
        case journalRows = "journal_rows"
        case ordersReplayed = "orders_replayed"
        case ordersQueried = "orders_queried"
        case ordersStillUnresolved = "orders_still_unresolved"
        case fillsRecovered = "fills_recovered"
        case orphansCancelled = "orphans_cancelled"
        case positionMismatches = "position_mismatches"
        case unreachableVenues = "unreachable_venues"
        case journalProblems = "journal_problems"
        case clean
    }
}
