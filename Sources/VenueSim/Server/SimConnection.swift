import PropCore

/// One WebSocket client of a simulated venue: what it subscribed to and where its frames go.
struct SimConnection: Sendable {
    /// Simulator-wide connection number.
    let id: Int
    /// Venue the client connected to.
    let venue: Venue
    /// Binance `/stream?streams=` connections wrap frames as `{"stream":…,"data":…}`.
    let combined: Bool
    /// Venue connection id string (OKX `connId`, Bybit `conn_id`).
    let connId: String
    /// Subscribed topics in the venue's own spelling (`btcusdt@depth@100ms`, `books:BTC-USDT-SWAP`, `orderbook.200.BTCUSDT`).
    var topics: Set<String>
    /// Sink of the connection's writer task.
    let continuation: AsyncStream<SimOutbound>.Continuation
}
