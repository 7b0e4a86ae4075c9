public import PropCore

/// A fee rate as an exact fraction of notional (`"0.0004"` = 4 bps); negative for a maker rebate.
public struct FeeRate: FixedPoint {
    public var units: Int64
    public var scale: Int
    public init(units: Int64, scale: Int) { self.units = units; self.scale = scale }
    public static func == (a: FeeRate, b: FeeRate) -> Bool { !(a < b) && !(b < a) }
    public func hash(into h: inout Hasher) { FixedMath.hashNormalized(units, scale, into: &h) }
}

/// A quantity in basis points as an exact decimal (`"2.5"` = 0.025 %).
public struct BasisPoints: FixedPoint {
    public var units: Int64
    public var scale: Int
    public init(units: Int64, scale: Int) { self.units = units; self.scale = scale }
    public static func == (a: BasisPoints, b: BasisPoints) -> Bool { !(a < b) && !(b < a) }
    public func hash(into h: inout Hasher) { FixedMath.hashNormalized(units, scale, into: &h) }
}

/// Our fee tier on one venue.
public struct FeeSchedule: Sendable, Hashable {
    /// Fraction of notional paid when our order rests and is hit.
    public var maker: FeeRate
    /// Fraction of notional paid when our order takes liquidity.
    public var taker: FeeRate
    public init(maker: FeeRate, taker: FeeRate) { self.maker = maker; self.taker = taker }
}

/// The current funding rate of one perpetual and how often it is charged.
public struct FundingTerms: Sendable, Hashable {
    /// Rate per interval; positive means longs pay shorts.
    public var rate: FundingRate
    /// Seconds between funding settlements (8 h on most venues, 4 h or 1 h on some instruments).
    public var intervalSeconds: Int64
    public init(rate: FundingRate, intervalSeconds: Int64 = 8 * 3600) { self.rate = rate; self.intervalSeconds = intervalSeconds }

    /// No funding (e.g. unknown yet, or spot).
    public static let none = FundingTerms(rate: FundingRate(units: 0, scale: 0))
}
