public import PropCore

// The simulator's private (account) API, venue-neutral. Front-ends parse and authenticate the venue's
// request, call one of these, and render the answer in the venue's format. Every state change also
// pushes `PrivateStreamEvent`s to the venue's authenticated private-stream clients (`publishPrivate`).
//
// SKELETON: signatures are the contract between the matching engine and the three front-ends;
// bodies are implemented in VenueSim/Exchange (matching engine).
extension SimState {
    /// The account credentials every venue front-end verifies signatures with.
    public var credentials: SimCredentials { config.credentials }

    /// Places an order against the synthetic book (matching, fees, positions, balances).
    public func placeOrder(_ request: OrderRequest) -> Result<OrderReport, SimRejectReason> {
        .failure(.unknownSymbol)
    }

    /// Cancels by client id or venue id (one of them non-nil).
    public func cancelOrder(instrument: InstrumentId, clientOrderId: String?, venueOrderId: String?) -> Result<OrderReport, SimRejectReason> {
        .failure(.unknownOrder)
    }

    /// Cancels every open order of `venue` (on `instrument` only when given); returns the cancelled orders.
    @discardableResult
    public func cancelAllOrders(venue: Venue, instrument: InstrumentId?) -> [OrderReport] { [] }

    /// Changes price and/or quantity of a resting limit order.
    public func amendOrder(instrument: InstrumentId, clientOrderId: String?, venueOrderId: String?,
                           newPrice: Price?, newQty: Qty?) -> Result<OrderReport, SimRejectReason> {
        .failure(.unknownOrder)
    }

    /// An order by client id or venue id, open or final (final orders are kept for queries).
    public func queryOrder(instrument: InstrumentId, clientOrderId: String?, venueOrderId: String?) -> OrderReport? { nil }

    /// Open orders of `venue` (on `instrument` only when given).
    public func openOrders(venue: Venue, instrument: InstrumentId?) -> [OrderReport] { [] }

    /// Fills of `venue` since `sinceMs` (on `instrument` only when given), oldest first.
    public func fills(venue: Venue, instrument: InstrumentId?, sinceMs: Int64) -> [FillReport] { [] }

    /// Non-zero positions of `venue`.
    public func positions(venue: Venue) -> [PositionReport] { [] }

    /// USDT balance of `venue`'s account.
    public func balance(venue: Venue) -> BalanceReport {
        BalanceReport(venue: venue, asset: "USDT", wallet: .zero, available: .zero)
    }

    /// Maker and taker fee rates of `venue` (fractions, e.g. 0.0002).
    public func feeRates(venue: Venue) -> (maker: Price, taker: Price) {
        (Price(units: 2, scale: 4), Price(units: 5, scale: 4))
    }

    /// Funding payments booked on `venue` since `sinceMs`.
    public func fundingPayments(venue: Venue, sinceMs: Int64) -> [(instrument: InstrumentId, amount: Qty, tsMs: Int64)] { [] }

    /// Dead-man switch: cancel all open orders of `venue` (on `instrument` only, for Binance's per-symbol
    /// countdown) unless re-armed within `timeoutMs`; 0 disarms.
    public func armDeadManSwitch(venue: Venue, instrument: InstrumentId?, timeoutMs: Int64) {}

    /// Marks a connection as an authenticated private-stream client (Bybit's disconnect-cancel-all
    /// watches these: when the last one of a venue drops, its orders are cancelled if the option is on).
    func setPrivate(_ id: Int, authenticated: Bool) {}

    /// Sends `events` to every authenticated private client of `venue`, rendered by the venue's front-end.
    func publishPrivate(venue: Venue, _ events: [PrivateStreamEvent]) {}
}
