/// How a place request ended when it did not come back with an order report. Engine's own mirror of the
/// venue error outcome (Engine does not import Venues); the executor maps `VenueOrderError` into it.
public enum PlaceOutcome: Error, Sendable, Hashable {
    /// A definite venue answer: the order was not placed (`code` is the venue error's stable code).
    case rejected(code: String)
    /// Stopped by our own checks or governor before any byte left: nothing exists on the venue.
    case denied(code: String)
    /// Timeout, 5xx, dropped connection, unreadable answer: the order may or may not exist; ask the venue.
    case unresolved(reason: String)
    /// The venue already has this client order id: "already placed", resolved by a query, never by a new id.
    case duplicate
}

/// How a cancel request ended when it did not come back with an order report.
public enum CancelOutcome: Error, Sendable, Hashable {
    /// The venue does not know the order (already final, or never placed): ask which.
    case unknownOrder
    /// A definite refusal for another reason (`code` is the venue error's stable code).
    case rejected(code: String)
    /// Unknown whether the cancel took effect; the cancel deadline will trigger a query.
    case unresolved(reason: String)
}
