/// The limits `/limits` shows and `setLimits` changes: the profile's `risk` caps the operator may tune at run
/// time. Whole USDT unless the name says otherwise.
public struct Limits: Sendable, Hashable, Codable {
    public var maxOrderNotional: Int
    public var maxInstrumentNotional: Int
    public var maxVenueGross: Int
    public var maxGross: Int
    public var maxNet: Int
    public var maxOpenArbitrages: Int
    public var maxInFlightOrders: Int
    public var priceBandBps: Int
    public var dailyLossLimit: Int
    public var maxDrawdown: Int

    /// The limits a profile starts with.
    public init(risk: RiskConfig) {
        maxOrderNotional = risk.maxOrderNotional; maxInstrumentNotional = risk.maxInstrumentNotional
        maxVenueGross = risk.maxVenueGross; maxGross = risk.maxGross; maxNet = risk.maxNet
        maxOpenArbitrages = risk.maxOpenArbitrages; maxInFlightOrders = risk.maxInFlightOrders
        priceBandBps = risk.priceBandBps; dailyLossLimit = risk.dailyLossLimit; maxDrawdown = risk.maxDrawdown
    }

    /// The inverse of `init(risk:)`: these limits written into a profile's `risk` section (its other caps stay).
    public func apply(to risk: inout RiskConfig) {
        risk.maxOrderNotional = maxOrderNotional; risk.maxInstrumentNotional = maxInstrumentNotional
        risk.maxVenueGross = maxVenueGross; risk.maxGross = maxGross; risk.maxNet = maxNet
        risk.maxOpenArbitrages = maxOpenArbitrages; risk.maxInFlightOrders = maxInFlightOrders
        risk.priceBandBps = priceBandBps; risk.dailyLossLimit = dailyLossLimit; risk.maxDrawdown = maxDrawdown
    }

    enum CodingKeys: String, CodingKey {
        case maxOrderNotional = "max_order_notional"
        case maxInstrumentNotional = "max_instrument_notional"
        case maxVenueGross = "max_venue_gross"
        case maxGross = "max_gross"
        case maxNet = "max_net"
        case maxOpenArbitrages = "max_open_arbitrages"
        case maxInFlightOrders = "max_in_flight_orders"
        case priceBandBps = "price_band_bps"
        case dailyLossLimit = "daily_loss_limit"
        case maxDrawdown = "max_drawdown"
    }
}

/// A partial limits change: only the fields set are changed.
public struct LimitsChange: Sendable, Hashable, Codable {
    /// Field name (snake_case, as in the profile's `risk` section) → new value.
    public var values: [String: Int]

    /// A change of the given fields.
    public init(_ values: [String: Int]) { self.values = values }

    /// The field names a change may use.
    public static var fieldNames: Set<String> { Set(fields.map(\.name)) }

    /// Every field a change may name, with the range the profile loader allows for it.
    /// Computed, not stored: key paths are not `Sendable`, so a stored static table would be shared mutable state.
    static var fields: [(name: String, range: ClosedRange<Int>, keyPath: WritableKeyPath<Limits, Int>)] { [
        ("max_order_notional", ProfileSchema.usdtAmountRange, \.maxOrderNotional),
        ("max_instrument_notional", ProfileSchema.usdtAmountRange, \.maxInstrumentNotional),
        ("max_venue_gross", ProfileSchema.usdtAmountRange, \.maxVenueGross),
        ("max_gross", ProfileSchema.usdtAmountRange, \.maxGross),
        ("max_net", ProfileSchema.usdtAmountRange, \.maxNet),
        ("max_open_arbitrages", ProfileSchema.countCapRange, \.maxOpenArbitrages),
        ("max_in_flight_orders", ProfileSchema.countCapRange, \.maxInFlightOrders),
        ("price_band_bps", ProfileSchema.priceBandBpsRange, \.priceBandBps),
        ("daily_loss_limit", ProfileSchema.usdtAmountRange, \.dailyLossLimit),
        ("max_drawdown", ProfileSchema.usdtAmountRange, \.maxDrawdown),
    ] }
}
