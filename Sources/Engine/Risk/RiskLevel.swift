import PropCore

/// Risk level 0–100: the share of the hard caps the engine may use. 100 = the hard caps; 0 = no new risk.
public struct RiskLevel: Sendable, Hashable, Comparable {
    /// 0...100 (clamped).
    public let percent: Int64

    public init(_ percent: Int) { self.percent = Int64(min(max(percent, 0), 100)) }

    public static let full = RiskLevel(100)

    public static func < (a: RiskLevel, b: RiskLevel) -> Bool { a.percent < b.percent }

    /// `value × level / 100`, rounded down: monotone in the level and never above `value`.
    public func scale(_ value: Qty) -> Qty {
        let u = value.units
        return Qty(units: u / 100 * percent + u % 100 * percent / 100, scale: value.scale)
    }

    /// Integer thresholds scale the same way (rounded down).
    public func scale(_ value: Int64) -> Int64 { value / 100 * percent + value % 100 * percent / 100 }
    public func scale(_ value: Int) -> Int { Int(scale(Int64(value))) }
    public func scale(_ value: UInt64) -> UInt64 { UInt64(scale(Int64(clamping: value))) }
}

extension RiskLimits {
    /// The caps in force at `level`: sizes, bands and data thresholds shrink with the level; rate throttles,
    /// the runaway breaker, in-flight and the HOLD loss limits are safety limits and stay at their hard value.
    public func scaled(to level: RiskLevel) -> RiskLimits {
        var l = self
        l.maxOrderNotional = level.scale(maxOrderNotional)
        l.maxInstrumentNotional = level.scale(maxInstrumentNotional)
        l.maxLongNotional = level.scale(maxLongNotional)
        l.maxShortNotional = level.scale(maxShortNotional)
        l.maxVenueGross = level.scale(maxVenueGross)
        l.maxGlobalGross = level.scale(maxGlobalGross)
        l.maxNetPerAsset = level.scale(maxNetPerAsset)
        l.maxLeverage = level.scale(maxLeverage)
        l.maxOpenArbitrages = level.scale(maxOpenArbitrages)
        l.priceBandBps = level.scale(priceBandBps)
        l.maxBookAgeMs = level.scale(maxBookAgeMs)
        l.maxMidMarkDivergenceBps = level.scale(maxMidMarkDivergenceBps)
        l.maxFundingBps = level.scale(maxFundingBps)
        l.maxBasisBps = level.scale(maxBasisBps)
        return l
    }
}
