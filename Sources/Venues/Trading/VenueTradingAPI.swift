public import PropCore

/// The private (signed) side of one venue: orders, account, dead-man switch. Implemented by
/// `BinanceTradingClient`, `OKXTradingClient`, `BybitTradingClient`; the same calls work against the
/// simulator and the real venue. Every call throws `VenueOrderError`, already classified into a definite
/// reject or an unresolved outcome (see `VenueOrderError.outcome`).
public protocol VenueTradingAPI: Sendable {
    var venue: Venue { get }

    /// Places one order. A duplicate client id is thrown as `.duplicateClientOrderId` (the caller treats it as "already placed").
    func place(_ order: OrderRequest) async throws(VenueOrderError) -> OrderReport
    /// Places up to the venue's batch limit (Binance 5, OKX 20, Bybit 10); one result per order, in order.
    func placeBatch(_ orders: [OrderRequest]) async throws(VenueOrderError) -> [Result<OrderReport, VenueOrderError>]
    /// Cancels by client order id.
    func cancel(instrument: InstrumentId, clientOrderId: String) async throws(VenueOrderError) -> OrderReport
    /// Cancels several orders of one instrument by client order id; one result per id, in order.
    func cancelBatch(instrument: InstrumentId, clientOrderIds: [String]) async throws(VenueOrderError) -> [Result<OrderReport, VenueOrderError>]
    /// Cancels every open order on `instrument`, or on every instrument when nil.
    func cancelAll(instrument: InstrumentId?) async throws(VenueOrderError)
    /// Changes price and/or quantity of a resting limit order (cancel-replace where the venue has no amend).
    func amend(instrument: InstrumentId, clientOrderId: String, newPrice: Price?, newQty: Qty?) async throws(VenueOrderError) -> OrderReport
    /// The order's current state by client order id; `.unknownOrder` when the venue never saw it.
    func queryOrder(instrument: InstrumentId, clientOrderId: String) async throws(VenueOrderError) -> OrderReport
    /// Open orders on `instrument`, or on every instrument when nil.
    func openOrders(instrument: InstrumentId?) async throws(VenueOrderError) -> [OrderReport]
    /// Our fills on `instrument` since `sinceMs` (venue time), oldest first.
    func fills(instrument: InstrumentId, sinceMs: Int64) async throws(VenueOrderError) -> [FillReport]
    /// Non-zero positions.
    func positions() async throws(VenueOrderError) -> [PositionReport]
    /// USDT balance of the derivatives account.
    func balances() async throws(VenueOrderError) -> [BalanceReport]
    /// Arms (or refreshes) the venue's dead-man switch: all open orders are cancelled if not refreshed within
    /// `timeoutMs`; 0 disarms. Binance is per symbol, so `instruments` lists the symbols to cover.
    func armDeadManSwitch(timeoutMs: Int64, instruments: [InstrumentId]) async throws(VenueOrderError)
    /// Venue clock minus local clock in ms (re-measured; also kept current by `ServerClock`).
    func syncServerTime() async throws(VenueOrderError) -> Int64
}
