public import Engine
public import Ops

/// The executor's knobs, from the profile's `execution` section.
public struct ExecutionSettings: Sendable, Hashable {
    public var orderManager: OrderManagerSettings
    /// Dead-man switch timeout armed on each venue; 0 = not armed.
    public var deadManTimeoutMs: Int64
    public var deadManRefreshMs: Int64
    /// After a private stream drops, open orders on that venue are cancelled within this bound.
    public var cancelOnDisconnectMs: Int64
    /// Largest batch request sent (each venue's own limit caps it further).
    public var maxBatchOrders: Int

    public init(orderManager: OrderManagerSettings = .init(), deadManTimeoutMs: Int64 = 60_000,
                deadManRefreshMs: Int64 = 15_000, cancelOnDisconnectMs: Int64 = 5_000, maxBatchOrders: Int = 20) {
        self.orderManager = orderManager; self.deadManTimeoutMs = deadManTimeoutMs
        self.deadManRefreshMs = deadManRefreshMs; self.cancelOnDisconnectMs = cancelOnDisconnectMs
        self.maxBatchOrders = max(1, maxBatchOrders)
    }

    /// Settings from a validated profile section.
    public init(_ c: ExecutionConfig) {
        self.init(orderManager: OrderManagerSettings(placeTimeoutMs: c.placeTimeoutMs, cancelTimeoutMs: c.cancelTimeoutMs,
                                                     maxResends: c.maxResends),
                  deadManTimeoutMs: Int64(c.deadManTimeoutMs), deadManRefreshMs: Int64(c.deadManRefreshMs),
                  cancelOnDisconnectMs: Int64(c.cancelOnDisconnectMs))
    }
}
