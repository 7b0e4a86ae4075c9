import PropCore

extension SimState {
    /// The OKX private-stream frames for one account event, as sent to `connection` (empty = nothing to send).
    /// SKELETON: rendered by the OKX front-end.
    func okxPrivateFrames(_ event: PrivateStreamEvent, connection: SimConnection) -> [String] { [] }
}
