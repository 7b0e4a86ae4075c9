public import PropCore

/// What the order manager asks the executor to do. The executor journals, then talks to the venue, then
/// feeds the answer back (`markSent`, `placeResult`, `cancelResult`, `reconcile`, `apply`).
public enum OrderCommand: Sendable, Hashable {
    /// Place a new order (its intent must be journalled before any byte is sent).
    case place(OrderRequest)
    /// Send the same request again with the SAME client order id: only after the venue said it does not know it.
    case resend(OrderRequest)
    /// Cancel by client order id.
    case cancel(InstrumentId, clientOrderId: String)
    /// Ask the venue for the order by client order id and pass the answer to `reconcile`.
    case query(InstrumentId, clientOrderId: String)
    /// Tell the operator (Russian text); the code is stable for logs and metrics.
    case alert(code: String, messageRu: String)

    /// The client order id the command is about, nil for alerts.
    public var clientOrderId: String? {
        switch self {
        case .place(let r), .resend(let r): r.clientOrderId
        case .cancel(_, let id), .query(_, let id): id
        case .alert: nil
        }
    }
}
