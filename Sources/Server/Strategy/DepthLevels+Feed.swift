import Engine
import PropCore
import Venues

extension DepthLevels {
    /// The feed's published levels as typed values at the book's scales.
    init(_ d: BookDepth) {
        self.init(bids: d.bids.map { DepthLevel(price: Price(units: $0.price, scale: d.priceScale), qty: Qty(units: $0.qty, scale: d.qtyScale)) },
                  asks: d.asks.map { DepthLevel(price: Price(units: $0.price, scale: d.priceScale), qty: Qty(units: $0.qty, scale: d.qtyScale)) })
    }
}
