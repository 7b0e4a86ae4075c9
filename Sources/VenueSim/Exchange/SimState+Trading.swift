public import PropCore

// The simulator's private (account) API, venue-neutral. Front-ends parse and authenticate the venue's
// request, call one of these, and render the answer in the venue's format. Every state change also
// pushes `PrivateStreamEvent`s to the venue's authenticated private-stream clients (`publishPrivate`).
// The matching itself is in SimState+Matching, the account arithmetic in SimState+Account.
extension SimState {
    /// The account credentials every venue front-end verifies signatures with.
    public var credentials: SimCredentials { config.credentials }

    /// Places an order against the synthetic book (matching, fees, positions, balances).
    /// A post-only order that would take fails with `.postOnlyWouldTake`; on Bybit (which accepts it and then
    /// cancels it) the order is also recorded as `.canceled` under its client id and an order event is sent,
    /// so the front-end can answer with an order id and later queries find it.
    public func placeOrder(_ request: OrderRequest) -> Result<OrderReport, SimRejectReason> {
        let venue = request.venue
        let now = nowMs
        if faults.consume(.rejectOrders, venue: venue, instrument: request.instrument) { return .failure(.insufficientMargin) }
        let v: ValidatedOrder
        switch validate(request) {
        case .success(let ok): v = ok
        case .failure(let reason): return .failure(reason)
        }
        guard var account = exchange.accounts[venue] else { return .failure(.unknownSymbol) }
        if !request.clientOrderId.isEmpty, account.clientIds[request.clientOrderId] != nil {
            return .failure(.duplicateClientOrderId)
        }
        let book = market.instruments[v.index].book
        if request.reduceOnly, reduceOnlyCap(venue, at: v.index, side: request.side) == 0 {
            return .failure(.reduceOnlyViolation)
        }
        let postOnlyCrosses = request.timeInForce == .postOnly && request.type == .limit
            && SimMatcher.crosses(book, side: request.side, price: v.priceUnits ?? 0)
        if postOnlyCrosses, venue != .bybit { return .failure(.postOnlyWouldTake) }
        if !request.reduceOnly, !postOnlyCrosses {
            let price = v.priceUnits ?? referencePrice(at: v.index, side: request.side)
            let margin = SimFixedMath.notionalE8(spec: spec(at: v.index), priceUnits: price, qtyUnits: v.qtyUnits) / SimExchange.leverage
            if margin > availableE8(venue) { return .failure(.insufficientMargin) }
        }

        let (orderId, sequence) = account.newOrderId()
        let clientId = request.clientOrderId.isEmpty ? "sim-" + orderId : request.clientOrderId
        account.clientIds[clientId] = orderId
        exchange.accounts[venue] = account
        let s = spec(at: v.index)
        var order = SimOrder(
            report: OrderReport(instrument: s.id, clientOrderId: clientId, venueOrderId: orderId, side: request.side,
                                type: request.type, timeInForce: request.timeInForce,
                                price: v.priceUnits.map { Price(units: $0, scale: s.priceScale) },
                                qty: Qty(units: v.qtyUnits, scale: s.qtyScale), filledQty: Qty(units: 0, scale: s.qtyScale),
                                averagePrice: nil, status: .new, reduceOnly: request.reduceOnly, updateMs: now),
            instrumentIndex: v.index, priceUnits: v.priceUnits, qtyUnits: v.qtyUnits, sequence: sequence, createdMs: now)
        var events: [PrivateStreamEvent] = [.order(order.report)]

        if postOnlyCrosses {
            order.report.status = .canceled
            events.append(.order(order.report))
            exchange.accounts[venue]?.store(order)
            publishPrivate(venue: venue, events)
            return .failure(.postOnlyWouldTake)
        }
        if order.priceUnits == nil || SimMatcher.crosses(book, side: order.side, price: order.priceUnits ?? 0) {
            events += matchAsTaker(&order, nowMs: now)
        }
        return .success(settleAndPublish(&order, venue: venue, events, traded: order.filledUnits > 0, nowMs: now))
    }

    /// Settles what is left of `order` after matching, stores it and publishes `events` (plus the position and
    /// balance when it `traded`); returns the order's report.
    private func settleAndPublish(_ order: inout SimOrder, venue: Venue, _ events: [PrivateStreamEvent], traded: Bool,
                                  nowMs: Int64) -> OrderReport {
        var events = events
        events += settleRemainder(&order, nowMs: nowMs)
        exchange.accounts[venue]?.store(order)
        if traded {
            events.append(.position(positionReport(venue, at: order.instrumentIndex)))
            events.append(.balance(balanceReport(venue)))
        }
        publishPrivate(venue: venue, events)
        return order.report
    }

    /// Cancels by client id or venue id (one of them non-nil). A final or unknown order is `.unknownOrder`.
    public func cancelOrder(instrument: InstrumentId, clientOrderId: String?, venueOrderId: String?) -> Result<OrderReport, SimRejectReason> {
        guard let order = exchange.accounts[instrument.venue]?.order(clientOrderId: clientOrderId, venueOrderId: venueOrderId),
              order.report.instrument == instrument, order.isOpen
        else { return .failure(.unknownOrder) }
        let report = cancel(order, nowMs: nowMs)
        publishPrivate(venue: instrument.venue, [.order(report)])
        return .success(report)
    }

    /// Cancels every open order of `venue` (on `instrument` only when given); returns the cancelled orders.
    @discardableResult
    public func cancelAllOrders(venue: Venue, instrument: InstrumentId?) -> [OrderReport] {
        guard let account = exchange.accounts[venue] else { return [] }
        let now = nowMs
        let victims = account.open.values
            .filter { instrument == nil || $0.report.instrument == instrument }
            .sorted { $0.sequence < $1.sequence }
        let reports = victims.map { cancel($0, nowMs: now) }
        if !reports.isEmpty { publishPrivate(venue: venue, reports.map { .order($0) }) }
        return reports
    }

    /// Marks an open order cancelled and stores it (no events).
    private func cancel(_ order: SimOrder, nowMs: Int64) -> OrderReport {
        var o = order
        o.report.status = .canceled
        o.report.updateMs = nowMs
        exchange.accounts[o.report.instrument.venue]?.store(o)
        return o.report
    }

    /// Changes price and/or quantity of a resting limit order. The new quantity must stay above what has
    /// filled; a post-only order may not be moved across the book; another limit order moved across it
    /// trades as a taker at once.
    public func amendOrder(instrument: InstrumentId, clientOrderId: String?, venueOrderId: String?,
                           newPrice: Price?, newQty: Qty?) -> Result<OrderReport, SimRejectReason> {
        let venue = instrument.venue
        guard var order = exchange.accounts[venue]?.order(clientOrderId: clientOrderId, venueOrderId: venueOrderId),
              order.report.instrument == instrument
        else { return .failure(.unknownOrder) }
        guard order.isOpen, let oldPrice = order.priceUnits else { return .failure(.notAmendable) }
        let s = spec(at: order.instrumentIndex)
        var price = oldPrice, qty = order.qtyUnits
        if let newPrice {
            guard let p = newPrice.rescaled(to: s.priceScale), p.units > 0, p.units % s.tickUnits == 0 else {
                return .failure(.invalidPrice)
            }
            price = p.units
        }
        if let newQty {
            guard let q = newQty.rescaled(to: s.qtyScale), q.units > order.filledUnits, q.units % s.lotUnits == 0 else {
                return .failure(.invalidQuantity)
            }
            qty = q.units
        }
        let book = market.instruments[order.instrumentIndex].book
        let crosses = SimMatcher.crosses(book, side: order.side, price: price)
        if crosses, order.report.timeInForce == .postOnly { return .failure(.postOnlyWouldTake) }
        if !order.report.reduceOnly {
            let oldMargin = orderMarginE8(order)
            var amended = order
            amended.priceUnits = price; amended.qtyUnits = qty
            if orderMarginE8(amended) - oldMargin > availableE8(venue) { return .failure(.insufficientMargin) }
        }
        let now = nowMs
        order.priceUnits = price
        order.qtyUnits = qty
        order.report.price = Price(units: price, scale: s.priceScale)
        order.report.qty = Qty(units: qty, scale: s.qtyScale)
        order.report.updateMs = now
        var events: [PrivateStreamEvent] = [.order(order.report)]
        if crosses { events += matchAsTaker(&order, nowMs: now) }
        return .success(settleAndPublish(&order, venue: venue, events, traded: events.count > 1, nowMs: now))
    }

    /// An order by client id or venue id, open or final (final orders are kept for queries).
    public func queryOrder(instrument: InstrumentId, clientOrderId: String?, venueOrderId: String?) -> OrderReport? {
        guard let o = exchange.accounts[instrument.venue]?.order(clientOrderId: clientOrderId, venueOrderId: venueOrderId),
              o.report.instrument == instrument
        else { return nil }
        return o.report
    }

    /// When the venue accepted the order (Unix ms), for front-ends that print a creation time.
    public func orderCreatedMs(instrument: InstrumentId, clientOrderId: String?, venueOrderId: String?) -> Int64? {
        exchange.accounts[instrument.venue]?.order(clientOrderId: clientOrderId, venueOrderId: venueOrderId)?.createdMs
    }

    /// Open orders of `venue` (on `instrument` only when given), oldest first.
    public func openOrders(venue: Venue, instrument: InstrumentId?) -> [OrderReport] {
        (exchange.accounts[venue]?.open.values ?? [:].values)
            .filter { instrument == nil || $0.report.instrument == instrument }
            .sorted { $0.sequence < $1.sequence }
            .map(\.report)
    }

    /// Fills of `venue` since `sinceMs` (on `instrument` only when given), oldest first.
    public func fills(venue: Venue, instrument: InstrumentId?, sinceMs: Int64) -> [FillReport] {
        (exchange.accounts[venue]?.fills ?? []).filter { $0.tsMs >= sinceMs && (instrument == nil || $0.instrument == instrument) }
    }

    /// Fills of one order, oldest first (cheap: indexed by order; for renderers that need an order's cumulative fee).
    public func orderFills(instrument: InstrumentId, venueOrderId: String) -> [FillReport] {
        (exchange.accounts[instrument.venue]?.fillsByOrder[venueOrderId] ?? []).filter { $0.instrument == instrument }
    }

    /// Non-zero positions of `venue`.
    public func positions(venue: Venue) -> [PositionReport] {
        guard let a = exchange.accounts[venue] else { return [] }
        return a.positions.filter { $0.value.qtyUnits != 0 }.keys.sorted().map { positionReport(venue, at: $0) }
    }

    /// The position of one instrument (zero size when flat), for front-ends that list every symbol.
    public func position(_ instrument: InstrumentId) -> PositionReport? {
        market.index(of: instrument).map { positionReport(instrument.venue, at: $0) }
    }

    /// USDT balance of `venue`'s account.
    public func balance(venue: Venue) -> BalanceReport { balanceReport(venue) }

    /// Maker and taker fee rates of `venue` (fractions, e.g. 0.0002).
    public func feeRates(venue: Venue) -> (maker: Price, taker: Price) { SimExchange.feeRates(venue) }

    /// Funding payments booked on `venue` since `sinceMs`.
    public func fundingPayments(venue: Venue, sinceMs: Int64) -> [(instrument: InstrumentId, amount: Qty, tsMs: Int64)] {
        (exchange.accounts[venue]?.funding ?? []).filter { $0.tsMs >= sinceMs }.map { ($0.instrument, $0.amount, $0.tsMs) }
    }

    /// Every USDT movement of `venue`'s account since start (tests check wallet = start + realised − fees + funding).
    public func ledger(venue: Venue) -> SimLedger {
        exchange.accounts[venue]?.ledger ?? SimLedger(startE8: 0, walletE8: 0, realisedE8: 0, feesE8: 0, fundingE8: 0)
    }

    /// Dead-man switch: cancel all open orders of `venue` (on `instrument` only, for Binance's per-symbol
    /// countdown) unless re-armed within `timeoutMs`; 0 disarms.
    public func armDeadManSwitch(venue: Venue, instrument: InstrumentId?, timeoutMs: Int64) {
        if timeoutMs <= 0 {
            exchange.deadMan[venue]?[instrument] = nil
        } else {
            exchange.deadMan[venue, default: [:]][instrument] = nowMs + timeoutMs
        }
    }

    /// When the dead-man switch of `venue` (scope `instrument`) fires, Unix ms; nil when disarmed.
    public func deadManDeadline(venue: Venue, instrument: InstrumentId?) -> Int64? {
        exchange.deadMan[venue]?[instrument] ?? nil
    }

    /// Bybit's disconnect-cancel-all: when the last authenticated private connection of `venue` drops, its open
    /// orders are cancelled after `windowMs` unless a private connection authenticates again first; 0 = off.
    public func setDisconnectCancelAll(venue: Venue, windowMs: Int64) {
        if windowMs > 0 {
            exchange.disconnectWindowMs[venue] = windowMs
        } else {
            exchange.disconnectWindowMs[venue] = nil
            exchange.disconnectDeadline[venue] = nil
        }
    }

    /// Marks a connection as an authenticated private-stream client (Bybit's disconnect-cancel-all
    /// watches these: when the last one of a venue drops, its orders are cancelled if the option is on).
    func setPrivate(_ id: Int, authenticated: Bool) {
        guard authenticated else { privateConnectionClosed(id); return }
        guard let venue = connections[id]?.venue else { return }
        exchange.privateConnections[id] = venue
        exchange.disconnectDeadline[venue] = nil
    }

    /// Number of authenticated private-stream clients of `venue`.
    public func privateConnectionCount(venue: Venue) -> Int {
        exchange.privateConnections.values.filter { $0 == venue }.count
    }

    /// Sends `events` to every authenticated private client of `venue`, rendered by the venue's front-end.
    func publishPrivate(venue: Venue, _ events: [PrivateStreamEvent]) {
        let ids = exchange.privateConnections.filter { $0.value == venue }.keys.sorted()
        for id in ids {
            guard let c = connections[id] else { continue }
            for event in events {
                let frames: [String]
                switch venue {
                case .binance: frames = binancePrivateFrames(event, connection: c)
                case .okx: frames = okxPrivateFrames(event, connection: c)
                case .bybit: frames = bybitPrivateFrames(event, connection: c)
                }
                for f in frames { send(id, f) }
            }
        }
    }
}
