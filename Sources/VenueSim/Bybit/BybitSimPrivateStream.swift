import PropCore

extension SimState {
    /// The Bybit private-stream frames for one account event, as sent to `connection` (empty = nothing to send).
    /// SKELETON: rendered by the Bybit front-end.
    func bybitPrivateFrames(_ event: PrivateStreamEvent, connection: SimConnection) -> [String] { [] }
}
