/// How a venue's public socket is kept alive from the client side.
public enum HeartbeatPolicy: Sendable, Hashable {
    /// The server pings and the WebSocket layer answers (Binance); the client sends nothing.
    case serverPings
    /// Send this text when nothing was received for the ping interval (OKX: `ping` → `pong`).
    case textWhenIdle(String)
    /// Send this text every ping interval regardless of traffic (Bybit: `{"op":"ping"}`).
    case textPeriodic(String)
}
