import PropCore

/// Venue events: order reports (stream or REST) and fills.
extension OrderStateMachine {
    static func report(_ o: inout TrackedOrder, _ r: OrderReport, _ e: OrderEvent, _ now: UInt64) -> StepResult {
        if let bad = mismatch(o, e, instrument: r.instrument, side: r.side, venueOrderId: r.venueOrderId) {
            return StepResult(illegal: bad)
        }
        if r.filledQty.isNegative || r.filledQty > o.request.qty {
            return StepResult(illegal: .overfillReported(o, e, filled: r.filledQty))
        }
        let from = o.state
        if o.isInferredNotPlaced {
            // Any report, even an old one, proves the venue knew the order: it is live again.
            reappear(&o)
        } else if o.state.isFinal {
            guard r.status.isFinal else {
                // A REST snapshot taken before the stream's final event is stale; a newer one is a contradiction.
                return r.updateMs > o.lastVenueUpdateMs ? StepResult(illegal: .regressedAfterFinal(o, r)) : .ignored("order_report_stale")
            }
            guard OrderState(r.status) == o.state else { return StepResult(illegal: .finalConflict(o, r)) }
            guard r.filledQty > o.venueFilledQty else { absorb(&o, r); return .ignored("order_report_duplicate") }
        } else if !r.status.isFinal, r.filledQty < o.filledQty {
            // Only the id: a stale report's time must not make a later honest snapshot look newer than it is.
            if o.venueOrderId == nil, !r.venueOrderId.isEmpty { o.venueOrderId = r.venueOrderId }
            return .ignored("order_report_stale")
        }

        let oldQty = o.filledQty
        absorb(&o, r)
        if r.filledQty > o.venueFilledQty { o.venueFilledQty = r.filledQty }
        o.filledQty = max(o.bookedFillQty, o.venueFilledQty)
        if let avg = r.averagePrice, r.filledQty >= o.bookedFillQty, !r.filledQty.isZero { o.avgPrice = avg }

        let target = r.status.isFinal ? OrderState(r.status) : progressed(o)
        guard target != o.state || o.filledQty != oldQty || from != o.state else { return .ignored("order_report_duplicate") }
        return StepResult(transition: move(&o, to: target, from: from, cause: cause(of: r.status), now))
    }

    static func fill(_ o: inout TrackedOrder, _ f: FillReport, _ e: OrderEvent, _ now: UInt64) -> StepResult {
        if let bad = mismatch(o, e, instrument: f.instrument, side: f.side, venueOrderId: f.venueOrderId) {
            return StepResult(illegal: bad)
        }
        guard f.qty > .zero else { return StepResult(illegal: .invalidFill(o, f)) }
        guard !o.fillKeys.contains(f.dedupKey) else { return .ignored("order_fill_duplicate") }

        let from = o.state
        if o.isInferredNotPlaced { reappear(&o) }
        o.fillKeys.insert(f.dedupKey)
        let oldQty = o.filledQty
        o.bookedFillQty += f.qty
        o.bookedNotional += f.price.notional(f.qty)
        o.filledQty = max(o.bookedFillQty, o.venueFilledQty)
        if o.bookedFillQty > o.venueFilledQty || o.avgPrice == nil { o.avgPrice = vwap(o) }
        if o.venueOrderId == nil, !f.venueOrderId.isEmpty { o.venueOrderId = f.venueOrderId }
        o.lastVenueUpdateMs = max(o.lastVenueUpdateMs, f.tsMs)

        var result = StepResult(newFill: f)
        let target = o.state.isFinal ? o.state : progressed(o)
        if target != o.state || o.filledQty != oldQty || from != o.state {
            result.transition = move(&o, to: target, from: from, cause: "fill", now)
        }
        if o.filledQty > o.request.qty { result.illegal = .overfillBooked(o, e) }
        return result
    }

    // MARK: Helpers

    /// The non-final state the filled quantity implies, never behind the current one.
    static func progressed(_ o: TrackedOrder) -> OrderState {
        if o.filledQty >= o.request.qty { return .filled }
        return o.filledQty > .zero ? .partiallyFilled : (o.state.progress >= 2 ? o.state : .acked)
    }

    /// Learns what any report tells regardless of staleness: the venue order id and the venue's clock.
    static func absorb(_ o: inout TrackedOrder, _ r: OrderReport) {
        if o.venueOrderId == nil, !r.venueOrderId.isEmpty { o.venueOrderId = r.venueOrderId }
        o.lastVenueUpdateMs = max(o.lastVenueUpdateMs, r.updateMs)
    }

    /// An order we concluded was never placed shows up on the venue: it is live again (`unknown` until the
    /// event decides), and the reason says so, so the manager alerts.
    static func reappear(_ o: inout TrackedOrder) {
        o.lastReasonCode = OrderReason.reappearedOnVenue
        o.state = .unknown
    }

    static func mismatch(_ o: TrackedOrder, _ e: OrderEvent, instrument: InstrumentId, side: OrderSide, venueOrderId: String) -> IllegalTransition? {
        if instrument != o.instrument {
            return .reportMismatch(o, e, field: "instrument", expected: o.instrument.description, got: instrument.description)
        }
        if side != o.request.side {
            return .reportMismatch(o, e, field: "side", expected: o.request.side.rawValue, got: side.rawValue)
        }
        if let known = o.venueOrderId, !venueOrderId.isEmpty, venueOrderId != known {
            return .reportMismatch(o, e, field: "venueOrderId", expected: known, got: venueOrderId)
        }
        return nil
    }

    /// Journal-style cause code for a venue status.
    static func cause(of status: VenueOrderStatus) -> String {
        switch status {
        case .new: "ack"
        case .partiallyFilled: "partial"
        case .filled: "fill"
        case .canceled: "canceled"
        case .rejected: "reject"
        case .expired: "expire"
        }
    }

    /// Volume-weighted average of the booked fills at the price scale of the notional sum's inputs
    /// (8 decimals), or nil if it cannot be formed exactly in 64 bits.
    static func vwap(_ o: TrackedOrder) -> Price? {
        let qty = o.bookedFillQty, notional = o.bookedNotional
        guard qty.units > 0 else { return nil }
        // avg = (N / 10^ns) / (Q / 10^qs); at 8 decimals: N · 10^(qs + 8 − ns) / Q.
        let exponent = qty.scale + 8 - notional.scale
        guard exponent >= 0, exponent <= fixedPointMaxScale else { return nil }
        var factor: Int64 = 1
        for _ in 0..<exponent { factor *= 10 }
        let (high, low) = notional.units.magnitude.multipliedFullWidth(by: UInt64(factor))
        guard high < UInt64(qty.units) else { return nil }
        let (quotient, _) = UInt64(qty.units).dividingFullWidth((high, low))
        guard quotient <= UInt64(Int64.max) else { return nil }
        return Price(units: Int64(quotient), scale: 8)
    }
}
