import PropCore
import Venues

extension OrderExecutor {
    /// Available USDT per connected venue, read from each venue's balance endpoint; a venue that does not
    /// answer is left out (the strategy then opens nothing that needs it).
    public func availableMargin() async -> [Venue: Qty] {
        var out: [Venue: Qty] = [:]
        for (venue, api) in venues {
            guard let balances = try? await api.balances() else { continue }
            if let usdt = balances.first(where: { $0.asset == "USDT" }) { out[venue] = usdt.available }
        }
        return out
    }
}
