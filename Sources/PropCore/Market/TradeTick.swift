/// One public trade (Binance `aggTrade`, OKX `trades`, Bybit `publicTrade`).
/// Price and quantity are at the instrument's scales (quantity in contracts on OKX).
public struct TradeTick: Sendable, Hashable {
    /// Index of the instrument in the codec's symbol table.
    public var slot: Int
    public var price: Price
    public var qty: Qty
    /// Side of the taker (aggressor).
    public var takerSide: Side
    /// Venue trade time in ms since the epoch.
    public var tradeTimeMs: Int64
    /// Venue trade id where it is numeric (Binance aggregate id, OKX `tradeId`), else 0 (Bybit sends UUIDs).
    public var tradeId: Int64

    public init(slot: Int, price: Price, qty: Qty, takerSide: Side, tradeTimeMs: Int64, tradeId: Int64 = 0) {
        self.slot = slot; self.price = price; self.qty = qty; self.takerSide = takerSide
        self.tradeTimeMs = tradeTimeMs; self.tradeId = tradeId
    }
}
