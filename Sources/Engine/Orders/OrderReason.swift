/// Stable reason codes the order manager writes into `TrackedOrder.lastReasonCode`, transitions and alerts.
public enum OrderReason {
    /// The venue was asked and does not know the order (after any allowed resends): treated as never placed.
    public static let notFoundOnVenue = "not_found_on_venue"
    /// The place request got no answer before its deadline.
    public static let placeTimeout = "place_timeout"
    /// The venue answered "duplicate client order id": already placed.
    public static let duplicateClientOrderId = "duplicate_client_order_id"
    /// An order we had concluded was never placed was reported by the venue after all.
    public static let reappearedOnVenue = "reappeared_on_venue"
}
