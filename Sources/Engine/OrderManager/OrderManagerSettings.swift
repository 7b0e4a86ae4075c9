/// Deadlines and retry bounds of the order manager (the profile's `execution` section).
public struct OrderManagerSettings: Sendable, Hashable {
    /// A place with no answer after this long is resolved by a query by client order id.
    public var placeTimeoutMs: Int
    /// A cancel with no confirmation after this long is checked by a query, then sent again.
    public var cancelTimeoutMs: Int
    /// How many times the same request may be re-sent (same id) after the venue said it does not know it,
    /// and how many "unknown order" answers for an acknowledged order are retried before believing them.
    public var maxResends: Int

    public init(placeTimeoutMs: Int = 2_000, cancelTimeoutMs: Int = 2_000, maxResends: Int = 1) {
        self.placeTimeoutMs = placeTimeoutMs; self.cancelTimeoutMs = cancelTimeoutMs; self.maxResends = maxResends
    }

    var placeTimeoutNs: UInt64 { UInt64(max(placeTimeoutMs, 0)) * 1_000_000 }
    var cancelTimeoutNs: UInt64 { UInt64(max(cancelTimeoutMs, 0)) * 1_000_000 }
}
