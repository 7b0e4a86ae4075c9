import Engine
import PropCore

/// What the simulated venues answer, in the order it happens; the runner passes each to the order manager
/// the way the live executor passes REST answers and private-stream events.
enum BacktestVenueEvent: Sendable {
    /// The answer to a place (after the order reached the matching engine).
    case placeAnswer(clientOrderId: String, Result<OrderReport, PlaceOutcome>)
    /// The answer to a cancel.
    case cancelAnswer(clientOrderId: String, Result<OrderReport, CancelOutcome>)
    /// A private-stream execution.
    case fill(FillReport)
    /// A private-stream order update.
    case order(OrderReport)
}
