import PropCore

/// The paper venue's record of one order, from submission to a final state.
struct PaperOrder: Sendable {
    var request: OrderRequest
    let venueOrderId: String
    /// Submission sequence: ties in arrival time and the processing order of resting orders follow it.
    let seq: Int64
    /// Paper time at which the order reaches the matching engine.
    let liveAtMs: Int64
    /// Reached the matching engine (before that the venue does not know it).
    var isLive = false
    var status: VenueOrderStatus = .new
    var filledQty: Qty = .zero
    /// Σ price × qty of the fills, exact (for the average price).
    var filledValue: Qty = .zero
    /// Displayed quantity ahead of us at our price; `nil` while our price lies beyond the visible depth.
    var queueAhead: Qty?
    var updateMs: Int64

    init(request: OrderRequest, venueOrderId: String, seq: Int64, liveAtMs: Int64, nowMs: Int64) {
        self.request = request; self.venueOrderId = venueOrderId; self.seq = seq; self.liveAtMs = liveAtMs
        self.updateMs = nowMs
    }

    /// Quantity still to fill.
    var remaining: Qty { request.qty - filledQty }

    /// Live and not final: it can still fill or be cancelled.
    var isOpen: Bool { isLive && !status.isFinal }

    /// Whether this order rests on the book (a live, open limit order).
    var isResting: Bool { isOpen && request.type == .limit && request.price != nil }

    /// What the venue would answer about this order.
    var report: OrderReport {
        let priceScale = request.price?.scale ?? 0
        let average = filledQty > .zero
            ? PaperMath.quotient(filledValue, filledQty, minScale: priceScale) : nil
        return OrderReport(instrument: request.instrument, clientOrderId: request.clientOrderId, venueOrderId: venueOrderId,
                           side: request.side, type: request.type, timeInForce: request.timeInForce, price: request.price,
                           qty: request.qty, filledQty: filledQty, averagePrice: average, status: status,
                           reduceOnly: request.reduceOnly, updateMs: updateMs)
    }
}
