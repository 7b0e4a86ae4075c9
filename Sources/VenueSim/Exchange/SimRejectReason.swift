/// Why the simulated matching engine refused a request, venue-neutral; each front-end maps it to its
/// venue's own code and text (Binance `-4116`, OKX `51016`, Bybit `110072`, …).
public enum SimRejectReason: Error, Sendable, Hashable {
    case duplicateClientOrderId
    case unknownOrder
    /// Post-only order would cross the book.
    case postOnlyWouldTake
    /// Reduce-only order would open or increase the position.
    case reduceOnlyViolation
    case insufficientMargin
    /// Quantity not a positive multiple of the lot, or below the minimum.
    case invalidQuantity
    /// Price missing for a limit order, not on the tick grid, or not positive.
    case invalidPrice
    /// Below the venue's minimum notional.
    case belowMinNotional
    case unknownSymbol
    /// Amend of an order that cannot be amended (final, or a market order).
    case notAmendable
}
