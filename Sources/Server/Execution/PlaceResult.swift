public import Engine
public import PropCore
public import Venues

/// How a place ended, in the three outcome classes the operator sees.
public enum PlaceResult: Sendable {
    /// Stopped by our own checks (HOLD, guard, governor, journal failure); nothing was sent.
    case denied(code: String, messageRu: String)
    /// A definite venue answer refusing the order.
    case rejected(clientOrderId: String, VenueOrderError)
    /// The venue has the order (accepted now, or it already had it under this id); `state` as tracked after the answer.
    case accepted(clientOrderId: String, state: OrderState)
    /// No definite answer (timeout, 5xx, dropped connection, unreadable reply): the order stays tracked as
    /// `unknown` and is resolved by querying the venue by its client id. Never a failure.
    case unresolved(clientOrderId: String, reason: String)

    /// The client order id, when the intent got as far as the journal.
    public var clientOrderId: String? {
        switch self {
        case .denied: nil
        case .rejected(let id, _), .unresolved(let id, _), .accepted(let id, _): id
        }
    }
}
