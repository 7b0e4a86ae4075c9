public import PropCore

/// Our fee tier on one venue (`venues.<name>.fees`), in bps of notional. Decimals are allowed (Bybit's base
/// taker rate is 5.5 bps); a negative maker rate is a rebate.
public struct FeeTierConfig: Sendable, Equatable, Encodable {
    /// Paid when our resting order is hit; negative for a rebate.
    public var makerBps: Double
    /// Paid when our order takes liquidity; never negative.
    public var takerBps: Double

    public init(makerBps: Double, takerBps: Double) {
        self.makerBps = makerBps; self.takerBps = takerBps
    }

    /// The venues' published base-tier USDT-perpetual rates, the same numbers as the engine's
    /// `FeeSchedule.publishedBaseTier` (Ops does not depend on Engine, so they are written twice; a test in
    /// ServerTests keeps them equal).
    public static func publishedBaseTier(_ venue: Venue) -> FeeTierConfig {
        switch venue {
        case .binance: FeeTierConfig(makerBps: 2, takerBps: 5)
        case .okx: FeeTierConfig(makerBps: 2, takerBps: 5)
        case .bybit: FeeTierConfig(makerBps: 2, takerBps: 5.5)
        }
    }

    enum CodingKeys: String, CodingKey {
        case makerBps = "maker_bps"
        case takerBps = "taker_bps"
    }
}
