/// The PnL page's data (`GET /api/ui/pnl`): a row per position, per venue and in total, plus today's figures.
/// All amounts are exact decimal strings (USDT at 8 decimals) so no client ever rounds through a float.
public struct PortfolioSnapshot: Sendable, Hashable, Codable {
    public var positions: [PositionRow]
    public var venues: [VenueRow]
    public var total: Amounts
    public var pnlToday: String
    public var dayStartEquity: String
    public var peakEquityToday: String
    public var currentDrawdown: String
    public var maxDrawdown: String
    /// Caller's clock when the day reference was set; `nil` before the first `startDay`.
    public var dayStartMs: Int64?
    /// Violations from the latest invariant check (non-empty means the engine should be in HOLD).
    public var violations: [ViolationRow]

    /// Builds a snapshot from already formatted parts.
    public init(positions: [PositionRow], venues: [VenueRow], total: Amounts, pnlToday: String, dayStartEquity: String,
                peakEquityToday: String, currentDrawdown: String, maxDrawdown: String, dayStartMs: Int64?,
                violations: [ViolationRow]) {
        self.positions = positions; self.venues = venues; self.total = total; self.pnlToday = pnlToday
        self.dayStartEquity = dayStartEquity; self.peakEquityToday = peakEquityToday
        self.currentDrawdown = currentDrawdown; self.maxDrawdown = maxDrawdown; self.dayStartMs = dayStartMs
        self.violations = violations
    }

    enum CodingKeys: String, CodingKey {
        case positions, venues, total, violations
        case pnlToday = "pnl_today", dayStartEquity = "day_start_equity", peakEquityToday = "peak_equity_today"
        case currentDrawdown = "current_drawdown", maxDrawdown = "max_drawdown", dayStartMs = "day_start_ms"
    }

    /// One rollup's figures as exact decimal strings.
    public struct Amounts: Sendable, Hashable, Codable {
        public var realized, unrealized, makerFees, takerFees, rebates, netFees: String
        public var fundingReceived, fundingPaid, funding, netPnl, notionalTraded, startingCash, cash, equity: String
        public var fills: Int

        /// The strings of one rollup.
        public init(_ r: PnLRollup) {
            realized = r.realized.description; unrealized = r.unrealized.description
            makerFees = r.makerFees.description; takerFees = r.takerFees.description
            rebates = r.rebates.description; netFees = r.netFees.description
            fundingReceived = r.fundingReceived.description; fundingPaid = r.fundingPaid.description
            funding = r.funding.description; netPnl = r.netPnl.description
            notionalTraded = r.notionalTraded.description; startingCash = r.startingCash.description
            cash = r.cash.description; equity = r.equity.description; fills = r.fills
        }

        enum CodingKeys: String, CodingKey {
            case realized, unrealized, rebates, funding, cash, equity, fills
            case makerFees = "maker_fees", takerFees = "taker_fees", netFees = "net_fees"
            case fundingReceived = "funding_received", fundingPaid = "funding_paid", netPnl = "net_pnl"
            case notionalTraded = "notional_traded", startingCash = "starting_cash"
        }
    }
}
