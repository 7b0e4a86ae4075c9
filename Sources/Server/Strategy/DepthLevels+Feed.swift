import Engine
import PropCore
import Venues

extension DepthLevels {
    /// The feed's published levels as typed values at the book's scales.
    init(_ d: BookDepth) {
        self.init(bids: d.bids, asks: d.asks, priceScale: d.priceScale, qtyScale: d.qtyScale)
    }
}
