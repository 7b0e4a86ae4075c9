public import PropCore

/// The day's equity reference, peak and deepest drawdown, updated after every fill, mark and funding payment so the
/// drawdown includes troughs that later recovered (a snapshot at the end of the day would miss them).
public struct IntradayStats: Sendable, Hashable {
    /// When the day reference was set (caller's clock, ms); `nil` before the first `startDay`.
    public internal(set) var dayStartMs: Int64?
    var startUnits: Int64
    var peakUnits: Int64
    var lastUnits: Int64
    var maxDrawdownUnits: Int64 = 0

    /// A day starting at `equity` (USDT mantissa at 8 decimals).
    init(equity: Int64, atMs: Int64?) {
        dayStartMs = atMs; startUnits = equity; peakUnits = equity; lastUnits = equity
    }

    /// Equity at the start of the day, USDT.
    public var dayStartEquity: Qty { PortfolioMath.usdt(startUnits) }
    /// Highest equity since the start of the day, USDT.
    public var peakEquity: Qty { PortfolioMath.usdt(peakUnits) }
    /// Equity after the latest event, USDT.
    public var lastEquity: Qty { PortfolioMath.usdt(lastUnits) }
    /// Largest peak-to-trough fall of equity since the start of the day, USDT (≥ 0).
    public var maxDrawdown: Qty { PortfolioMath.usdt(maxDrawdownUnits) }
    /// Current fall from today's peak, USDT (≥ 0).
    public var currentDrawdown: Qty { PortfolioMath.usdt(PortfolioMath.satSub(peakUnits, lastUnits)) }
    /// Equity now − equity at the start of the day, USDT (loss < 0).
    public var pnlToday: Qty { PortfolioMath.usdt(PortfolioMath.satSub(lastUnits, startUnits)) }

    /// Records the equity after one event.
    mutating func observe(_ equity: Int64) {
        lastUnits = equity
        peakUnits = max(peakUnits, equity)
        maxDrawdownUnits = max(maxDrawdownUnits, PortfolioMath.satSub(peakUnits, equity))
    }
}
