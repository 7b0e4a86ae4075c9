public import PropCore

/// Everything the order manager knows about one of our orders.
///
/// Filled quantity: `filledQty = max(bookedFillQty, venueFilledQty)`. The venue's cumulative quantity is the
/// authority on how much of the order executed (our exposure), but individual fills can be missed while the
/// stream is down and fetched later; the distinct fills are what we book (price, fee). Taking the larger of
/// the two never under-states exposure, stays monotonic whichever arrives first, and `unbookedQty` says how
/// much is still waiting for its fill records.
public struct TrackedOrder: Sendable, Hashable {
    /// Largest number of transitions kept in `history` (oldest dropped first).
    public static let historyLimit = 32

    /// The request as placed (and re-sent, with the same client order id).
    public var request: OrderRequest
    /// The arbitrage leg group or parent order this belongs to.
    public var parentId: String?
    public var state: OrderState
    /// The venue's id, learned from the first report or fill.
    public var venueOrderId: String?
    /// Executed quantity (see the type's comment for which source wins).
    public var filledQty: Qty
    /// Sum of the distinct fills booked so far.
    public var bookedFillQty: Qty
    /// Largest cumulative filled quantity the venue has reported.
    public var venueFilledQty: Qty
    /// The venue's average fill price, or the VWAP of booked fills when the venue has not said.
    public var avgPrice: Price?
    /// Sum of price × qty of booked fills (8 decimals), for the VWAP.
    public var bookedNotional: Qty
    /// De-dup keys (`FillReport.dedupKey`) of fills already booked.
    public var fillKeys: Set<String>
    /// Newest venue time seen in an accepted report or fill, Unix ms: older non-final reports are stale.
    public var lastVenueUpdateMs: Int64
    /// Place answer due by this monotonic time (while `sent`).
    public var placeDeadlineNs: UInt64?
    /// Next query due by this monotonic time (while `unknown`; nil = due now).
    public var queryDeadlineNs: UInt64?
    /// Cancel confirmation due by this monotonic time.
    public var cancelDeadlineNs: UInt64?
    /// A cancel was asked for (the order stays live until the venue confirms).
    public var cancelRequested: Bool
    /// A cancel deadline passed and a query went out: re-cancel when the answer shows the order still live.
    public var cancelCheckPending: Bool
    /// Re-sends of the same client order id so far.
    public var resends: Int
    /// Times the venue answered "unknown order" for an order it had acknowledged.
    public var notFoundAnswers: Int
    /// Came from `OrderManager.restore` (journal replay), not from this session's submit.
    public var restored: Bool
    /// Code of the last rejection, failure or inference (see `OrderReason`).
    public var lastReasonCode: String?
    /// Most recent transitions, oldest first, at most `historyLimit`.
    public var history: [OrderTransition]

    /// A freshly submitted order in state `new`.
    public init(request: OrderRequest, parentId: String?, state: OrderState = .new) {
        self.request = request; self.parentId = parentId; self.state = state
        venueOrderId = nil; filledQty = .zero; bookedFillQty = .zero; venueFilledQty = .zero
        avgPrice = nil; bookedNotional = .zero; fillKeys = []; lastVenueUpdateMs = 0
        placeDeadlineNs = nil; queryDeadlineNs = nil; cancelDeadlineNs = nil
        cancelRequested = false; cancelCheckPending = false; resends = 0; notFoundAnswers = 0
        restored = false; lastReasonCode = nil; history = []
    }

    /// Our client order id (the tracking key).
    public var clientOrderId: String { request.clientOrderId }
    /// Where the order lives.
    public var instrument: InstrumentId { request.instrument }

    /// Filled quantity the venue reported for which no fill record has been booked yet.
    public var unbookedQty: Qty { filledQty - bookedFillQty }

    /// Quantity still able to fill (zero once final).
    public var remainingQty: Qty { state.isFinal ? .zero : request.qty - filledQty }

    /// Whether this order's final state is only our inference from "the venue does not know it".
    public var isInferredNotPlaced: Bool { state.isFinal && lastReasonCode == OrderReason.notFoundOnVenue }

    mutating func record(_ t: OrderTransition) {
        history.append(t)
        if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
    }
}
