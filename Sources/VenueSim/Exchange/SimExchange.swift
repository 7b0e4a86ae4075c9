import PropCore

/// The simulator's trading side: one account per venue plus the timers that act on them (dead-man
/// switches, disconnect-cancel-all, funding). Owned by the `SimState` actor; no locks.
struct SimExchange: Sendable {
    /// Leverage every position and order is margined at.
    static let leverage: Int64 = 10

    var accounts: [Venue: SimAccount]
    /// Dead-man deadlines (Unix ms) per venue and scope (nil = every instrument of the venue).
    var deadMan: [Venue: [InstrumentId?: Int64]] = [:]
    /// Bybit-style disconnect-cancel-all window per venue (absent = off).
    var disconnectWindowMs: [Venue: Int64] = [:]
    /// When the last private connection of a venue dropped with the option on: cancel at this time.
    var disconnectDeadline: [Venue: Int64] = [:]
    /// Authenticated private-stream connections → their venue.
    var privateConnections: [Int: Venue] = [:]
    /// Last funding time already settled (Unix ms, a multiple of the funding period).
    var lastFundingBoundaryMs: Int64

    /// Accounts funded with `balanceE8` each; funding settles from the period after `nowMs`.
    init(balanceE8: Int64, nowMs: Int64, fundingPeriodMs: Int64) {
        var a: [Venue: SimAccount] = [:]
        for v in Venue.allCases { a[v] = SimAccount(venue: v, startE8: balanceE8) }
        accounts = a
        let period = max(1, fundingPeriodMs)
        lastFundingBoundaryMs = nowMs - ((nowMs % period) + period) % period
    }

    /// Maker and taker fee rates of a venue.
    static func feeRates(_ venue: Venue) -> (maker: Price, taker: Price) {
        switch venue {
        case .binance, .okx: (Price(units: 2, scale: 4), Price(units: 5, scale: 4))
        case .bybit: (Price(units: 2, scale: 4), Price(units: 55, scale: 5))
        }
    }

    /// Starting balance from the credentials' decimal text (the CLI validates it; unparsable → 0).
    static func balanceE8(_ text: String) -> Int64 {
        guard let q = Qty(text), !q.isNegative else { return 0 }
        return q.rescaled(to: SimFixedMath.usdtScale)?.units ?? q.truncated(to: SimFixedMath.usdtScale).units
    }
}
