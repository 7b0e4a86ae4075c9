/// The kinds of venue misbehaviour the simulator can inject; raw values are the admin API names.
public enum SimFaultKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Skip publishing the next `count` book diffs while the sequence still advances (a gap).
    case dropDiff = "drop_diff"
    /// OKX: send a wrong `checksum` on the next `count` book messages.
    case corruptChecksum = "corrupt_checksum"
    /// Send nothing on the venue's streams for `durationMillis`, without closing them.
    case stall
    /// Close every WebSocket connection of the venue now.
    case closeSocket = "close_socket"
    /// Delay REST replies and WebSocket sends by `durationMillis` while active.
    case latency
    /// Replace the next `count` data frames with truncated garbage.
    case malformed
    /// Answer the next `count` REST requests with HTTP `status` (5xx or 429) and the venue's error body.
    case restError = "rest_error"
    /// Keep the book of the venue (or one symbol) still for `durationMillis` (OKX then sends heartbeats).
    case freezeBook = "freeze_book"
    /// Refuse the next `count` new orders of the venue (or one symbol) with the venue's definite
    /// "insufficient margin" reject: how a lone arbitrage leg is produced on purpose.
    case rejectOrders = "reject_orders"
}
