import Engine
import PropCore

/// The simulated venue's record of one order. Prices and quantities are also kept as mantissas at the
/// instrument's book scales, so matching compares integers with the recorded book.
struct BacktestOrder: Sendable {
    var request: OrderRequest
    let venueOrderId: String
    /// Engine slot of the instrument.
    let slot: Int
    let priceScale: Int
    let qtyScale: Int
    /// Limit price and quantity at the book's scales.
    let priceUnits: Int64
    let qtyUnits: Int64
    var filledUnits: Int64 = 0
    /// Σ price × qty of the fills, exact (for the average price).
    var filledValue = Qty(units: 0, scale: 8)
    /// Reached the matching engine (before that, the venue does not know it).
    var isLive = false
    var status: VenueOrderStatus = .new
    /// Displayed quantity ahead of us at our price; nil while the price lies beyond the visible depth.
    var queueAhead: Int64?
    /// Displayed quantity at our price in the last book we saw (nil = not visible).
    var lastDisplayed: Int64?
    var updateMs: Int64

    var remainingUnits: Int64 { qtyUnits - filledUnits }
    var isOpen: Bool { isLive && !status.isFinal }
    var isBuy: Bool { request.side == .buy }

    /// What the venue says about the order now.
    var report: OrderReport {
        let filled = Qty(units: filledUnits, scale: qtyScale)
        var average: Price?
        if filledUnits > 0 {
            let per = filledValue.doubleValue / filled.doubleValue
            let scale = max(priceScale, 2) + 2
            average = Price(units: Int64((per * pow10(scale)).rounded()), scale: scale)
        }
        return OrderReport(instrument: request.instrument, clientOrderId: request.clientOrderId, venueOrderId: venueOrderId,
                           side: request.side, type: request.type, timeInForce: request.timeInForce, price: request.price,
                           qty: request.qty, filledQty: filled, averagePrice: average, status: status,
                           reduceOnly: request.reduceOnly, updateMs: updateMs)
    }

    private func pow10(_ n: Int) -> Double { var r = 1.0; for _ in 0..<n { r *= 10 }; return r }
}
