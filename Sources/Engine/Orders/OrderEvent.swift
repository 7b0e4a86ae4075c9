public import PropCore

/// One input to `OrderStateMachine`: something we did, something the venue said, or a deadline.
public enum OrderEvent: Sendable, Hashable {
    /// The place request went on the wire.
    case sent
    /// The same request (same client order id) went on the wire again after the venue said it does not know it.
    case resent
    /// The place request ended without an order report.
    case placeFailed(PlaceOutcome)
    /// The venue's view of the order (private stream or REST answer): status and cumulative filled quantity.
    case report(OrderReport)
    /// One execution of the order.
    case fill(FillReport)
    /// We asked the venue to cancel (a request, not a fact: the order stays live until the venue confirms).
    case cancelRequested
    /// The place request got no answer before its deadline.
    case placeTimedOut
    /// The venue was asked and does not know the order; the manager already decided not to resend.
    case notFoundOnVenue

    /// Short stable name for logs and rejection texts.
    public var name: String {
        switch self {
        case .sent: "sent"
        case .resent: "resent"
        case .placeFailed(let o):
            switch o {
            case .rejected: "place_rejected"
            case .denied: "place_denied"
            case .unresolved: "place_unresolved"
            case .duplicate: "place_duplicate"
            }
        case .report(let r): "report_\(r.status.rawValue)"
        case .fill: "fill"
        case .cancelRequested: "cancel_requested"
        case .placeTimedOut: "place_timeout"
        case .notFoundOnVenue: "not_found_on_venue"
        }
    }
}
