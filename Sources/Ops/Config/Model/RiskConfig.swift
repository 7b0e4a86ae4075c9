/// Pre-trade risk hard caps and data guards. Amounts are whole USDT, thresholds bps.
public struct RiskConfig: Sendable, Equatable, Encodable {
    /// Risk level 0–100: scales size, thresholds and aggressiveness inside the caps below, never beyond them.
    public var level: Int
    /// Largest notional of one order, USDT.
    public var maxOrderNotional: Int
    /// Largest absolute position notional on one instrument, USDT.
    public var maxInstrumentNotional: Int
    /// Largest gross notional on one venue, USDT.
    public var maxVenueGross: Int
    /// Largest gross notional over all venues, USDT.
    public var maxGross: Int
    /// Largest net notional per base asset across venues, USDT.
    public var maxNet: Int
    /// Arbitrages open at the same time.
    public var maxOpenArbitrages: Int
    /// Orders sent and not yet acknowledged or finished.
    public var maxInFlightOrders: Int
    /// Order throttle per second.
    public var maxOrdersPerSecond: Int
    /// Order throttle per minute.
    public var maxOrdersPerMinute: Int
    /// Places or cancels per minute on one route that trip the runaway breaker.
    public var runawayOrdersPerMinute: Int
    /// Limit price must be within this many bps of mid/mark.
    public var priceBandBps: Int
    /// Leverage ceiling.
    public var maxLeverage: Int
    /// Realized + unrealized loss since 00:00 UTC that puts the bot on HOLD, USDT.
    public var dailyLossLimit: Int
    /// Intraday drawdown from the peak that puts the bot on HOLD, USDT.
    public var maxDrawdown: Int
    /// A book older than this blocks new risk on its instrument, milliseconds.
    public var staleBookMs: Int
    /// Mid/mark divergence over this blocks new risk, bps.
    public var maxMidMarkDivergenceBps: Int
    /// Funding rate (absolute) over this blocks new risk, bps per interval.
    public var maxFundingBps: Int
    /// Basis (perp vs index, absolute) over this blocks new risk, bps.
    public var maxBasisBps: Int
    /// Trade `1000`-prefixed symbols (1000PEPE…).
    public var allow1000Prefixed: Bool
    /// Trade leveraged tokens (…UP/…DOWN/…3L/…3S).
    public var allowLeveragedTokens: Bool

    public init(level: Int = 50, maxOrderNotional: Int = 500, maxInstrumentNotional: Int = 2_000,
                maxVenueGross: Int = 5_000, maxGross: Int = 10_000, maxNet: Int = 1_000, maxOpenArbitrages: Int = 3,
                maxInFlightOrders: Int = 6, maxOrdersPerSecond: Int = 5, maxOrdersPerMinute: Int = 120,
                runawayOrdersPerMinute: Int = 300, priceBandBps: Int = 50, maxLeverage: Int = 3,
                dailyLossLimit: Int = 200, maxDrawdown: Int = 300, staleBookMs: Int = 1_000,
                maxMidMarkDivergenceBps: Int = 50, maxFundingBps: Int = 30, maxBasisBps: Int = 100,
                allow1000Prefixed: Bool = false, allowLeveragedTokens: Bool = false) {
        self.level = level; self.maxOrderNotional = maxOrderNotional; self.maxInstrumentNotional = maxInstrumentNotional
        self.maxVenueGross = maxVenueGross; self.maxGross = maxGross; self.maxNet = maxNet
        self.maxOpenArbitrages = maxOpenArbitrages; self.maxInFlightOrders = maxInFlightOrders
        self.maxOrdersPerSecond = maxOrdersPerSecond; self.maxOrdersPerMinute = maxOrdersPerMinute
        self.runawayOrdersPerMinute = runawayOrdersPerMinute; self.priceBandBps = priceBandBps
        self.maxLeverage = maxLeverage; self.dailyLossLimit = dailyLossLimit; self.maxDrawdown = maxDrawdown
        self.staleBookMs = staleBookMs; self.maxMidMarkDivergenceBps = maxMidMarkDivergenceBps
        self.maxFundingBps = maxFundingBps; self.maxBasisBps = maxBasisBps
        self.allow1000Prefixed = allow1000Prefixed; self.allowLeveragedTokens = allowLeveragedTokens
    }

    enum CodingKeys: String, CodingKey {
        case level
        case maxOrderNotional = "max_order_notional"
        case maxInstrumentNotional = "max_instrument_notional"
        case maxVenueGross = "max_venue_gross"
        case maxGross = "max_gross"
        case maxNet = "max_net"
        case maxOpenArbitrages = "max_open_arbitrages"
        case maxInFlightOrders = "max_in_flight_orders"
        case maxOrdersPerSecond = "max_orders_per_second"
        case maxOrdersPerMinute = "max_orders_per_minute"
        case runawayOrdersPerMinute = "runaway_orders_per_minute"
        case priceBandBps = "price_band_bps"
        case maxLeverage = "max_leverage"
        case dailyLossLimit = "daily_loss_limit"
        case maxDrawdown = "max_drawdown"
        case staleBookMs = "stale_book_ms"
        case maxMidMarkDivergenceBps = "max_mid_mark_divergence_bps"
        case maxFundingBps = "max_funding_bps"
        case maxBasisBps = "max_basis_bps"
        case allow1000Prefixed = "allow_1000_prefixed"
        case allowLeveragedTokens = "allow_leveraged_tokens"
    }
}
