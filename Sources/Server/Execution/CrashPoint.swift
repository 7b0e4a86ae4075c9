/// Points of an order's life cycle where the crash drill may `kill -9` the process. The executor calls its
/// crash hook at each; in normal runs the hook is nil and nothing happens.
public enum CrashPoint: String, Sendable, CaseIterable {
    /// Intent about to be journalled (nothing durable yet).
    case beforeJournalCommit = "before_commit"
    /// Intent durable, nothing sent.
    case afterJournalCommit = "after_commit"
    /// Request about to be written to the socket.
    case beforeSend = "before_send"
    /// Venue answered, answer not yet journalled.
    case afterSend = "after_send"
    /// Order acknowledged, waiting for its fill.
    case betweenAckAndFill = "after_ack"
    /// Inside a batch: some orders sent, the rest not.
    case midBatch = "mid_batch"
    /// A fill received, not yet journalled.
    case beforeFillCommit = "before_fill_commit"
}

/// A crash hook: called at every `CrashPoint`; the drill's hook kills the process on the n-th hit of a chosen point.
public typealias CrashHook = @Sendable (CrashPoint) -> Void
