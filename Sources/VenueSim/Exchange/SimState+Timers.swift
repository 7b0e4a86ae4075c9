import PropCore

// What the exchange does on each market step besides matching: funding settlements, dead-man switches
// and disconnect-cancel-all.
extension SimState {
    /// Called from `tick()` after the market moved: maker fills, funding, then the cancel timers.
    func advanceTrading(nowMs: Int64, frozen: Set<InstrumentId>) {
        matchRestingOrders(nowMs: nowMs, frozen: frozen)
        settleFunding(nowMs: nowMs)
        fireDeadManSwitches(nowMs: nowMs)
        fireDisconnectCancels(nowMs: nowMs)
    }

    /// Cancels the orders of every dead-man switch whose deadline passed, and disarms it.
    func fireDeadManSwitches(nowMs: Int64) {
        for (venue, scopes) in exchange.deadMan {
            for (scope, deadline) in scopes where deadline <= nowMs {
                exchange.deadMan[venue]?[scope] = nil
                let cancelled = cancelAllOrders(venue: venue, instrument: scope)
                logger.info("sim dead-man switch fired", metadata: ["venue": "\(venue)", "cancelled": "\(cancelled.count)"])
            }
        }
    }

    /// Forgets a private connection; if it was the venue's last and disconnect-cancel-all is on, starts the window.
    func privateConnectionClosed(_ id: Int) {
        guard let venue = exchange.privateConnections.removeValue(forKey: id) else { return }
        guard let window = exchange.disconnectWindowMs[venue],
              !exchange.privateConnections.values.contains(venue) else { return }
        exchange.disconnectDeadline[venue] = nowMs + window
    }

    /// Cancels every open order of a venue whose private connections stayed down for the whole window.
    func fireDisconnectCancels(nowMs: Int64) {
        for (venue, deadline) in exchange.disconnectDeadline where deadline <= nowMs {
            exchange.disconnectDeadline[venue] = nil
            let cancelled = cancelAllOrders(venue: venue, instrument: nil)
            logger.info("sim disconnect-cancel-all fired", metadata: ["venue": "\(venue)", "cancelled": "\(cancelled.count)"])
        }
    }
}
