import PropCore

/// One order as the risk gate sees it: the request plus what is needed to price it in USDT.
public struct RiskOrder: Sendable, Hashable {
    public var request: OrderRequest
    /// Base units per unit of `request.qty` (OKX contract value; 1 on Binance/Bybit).
    public var contractValue: Qty
    /// Whether this order opens a new arbitrage (counts against `maxOpenArbitrages`).
    public var opensArbitrage: Bool

    public init(_ request: OrderRequest, contractValue: Qty = Qty(units: 1, scale: 0), opensArbitrage: Bool = false) {
        self.request = request; self.contractValue = contractValue; self.opensArbitrage = opensArbitrage
    }

    public var instrument: InstrumentId { request.instrument }
}
