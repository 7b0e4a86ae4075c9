public import PropCore

extension SimState {
    /// Every client order id the venue has ever accepted (open or final), for the crash drill's audit.
    public func allClientOrderIds(venue: Venue) -> [String] {
        Array(exchange.accounts[venue]?.clientIds.keys ?? [:].keys)
    }
}
