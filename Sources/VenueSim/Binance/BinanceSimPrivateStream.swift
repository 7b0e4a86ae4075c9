import PropCore

extension SimState {
    /// The Binance private-stream frames for one account event, as sent to `connection` (empty = nothing to send).
    /// SKELETON: rendered by the Binance front-end.
    func binancePrivateFrames(_ event: PrivateStreamEvent, connection: SimConnection) -> [String] { [] }
}
