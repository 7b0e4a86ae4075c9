import Foundation

/// What a backtest produced. Money is USDT as exact decimal strings with 8 decimals; ratios and seconds are
/// fixed-decimal strings, so the same seed gives the same bytes. Only `events_per_s` and `wall_ms` depend on
/// the machine. Encodes with snake_case keys (`report.json`, keys sorted).
public struct BacktestReport: Sendable, Equatable, Encodable {
    /// Arbitrages opened (at least one order sent) and those of them with fills.
    public var arbitrages: Int
    public var arbitragesTraded: Int
    /// Orders sent and fills booked through the order manager; `venueFills` is the venues' own count.
    public var orders: Int
    public var fills: Int
    public var venueFills: Int
    /// Engine portfolio: realized + unrealized − fees + funding, positions at the final mark.
    public var netPnlUsdt: String
    /// Fills at the prices the engine expected, positions at the final mark (before fees and funding).
    public var grossEdgeUsdt: String
    public var feesUsdt: String
    /// Cost of filling worse than expected (negative: better).
    public var slippageUsdt: String
    public var fundingUsdt: String
    /// net − (gross edge − fees − slippage + funding): the portfolio checked against the venues' fills.
    public var pnlResidualUsdt: String
    /// Share of traded arbitrages with a positive result after fees (4 decimals).
    public var hitRate: String
    public var maxDrawdownUsdt: String
    /// 99th percentile of unhedged-exposure episode durations, seconds (3 decimals).
    public var unhedgedExposureP99S: String
    /// New-arbitrage denials and skips by reason code (risk gate + engine).
    public var denials: [String: Int]
    /// Venue refusals by code, engine and order-manager alerts by code, HOLD reasons.
    public var venueRejects: [String: Int]
    public var alerts: [String: Int]
    public var holds: [String]
    /// Market frames replayed, and those rejected (codec or book sync), plus unreadable recording lines.
    public var events: Int
    public var malformedFrames: Int
    public var malformedLines: Int
    /// Simulated span, seconds (3 decimals), and the instruments traded.
    public var simulatedSeconds: String
    public var instruments: [String]
    public var seed: UInt64
    /// Market events replayed per wall second of the replay loop, and its wall time.
    public var eventsPerS: Int
    public var wallMs: Int

    enum CodingKeys: String, CodingKey {
        case arbitrages, orders, fills, denials, alerts, holds, events, instruments, seed
        case arbitragesTraded = "arbitrages_traded"
        case venueFills = "venue_fills"
        case netPnlUsdt = "net_pnl_usdt"
        case grossEdgeUsdt = "gross_edge_usdt"
        case feesUsdt = "fees_usdt"
        case slippageUsdt = "slippage_usdt"
        case fundingUsdt = "funding_usdt"
        case pnlResidualUsdt = "pnl_residual_usdt"
        case hitRate = "hit_rate"
        case maxDrawdownUsdt = "max_drawdown_usdt"
        case unhedgedExposureP99S = "unhedged_exposure_p99_s"
        case venueRejects = "venue_rejects"
        case malformedFrames = "malformed_frames"
        case malformedLines = "malformed_lines"
        case simulatedSeconds = "simulated_s"
        case eventsPerS = "events_per_s"
        case wallMs = "wall_ms"
    }

    /// `report.json`: pretty-printed, keys sorted, newline at the end.
    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        data.append(0x0A)
        return data
    }
}
