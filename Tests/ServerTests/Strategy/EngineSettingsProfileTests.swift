import Engine
import Ops
import PropCore
@testable import Server
import Testing

/// The profile's `strategy.leg_risk` and `venues.<name>.fees` reach the engine unchanged.
@Suite("Profile → engine settings")
struct EngineSettingsProfileTests {
    @Test func legRiskKeysMapOntoTheEngineSettings() throws {
        var profile = ProfileConfig.demoDefault
        profile.strategy.legRisk = LegRiskConfig(
            legTimeoutMs: 1_500, makerRestMs: 4_000, hedgeDeadlineMs: 6_000, maxHedgeAttempts: 0, hedgeSlippageBps: 12,
            maxUnhedgedUsd: 300, maxUnhedgedMs: 8_000, pairCooldownMs: 250, marginLeverage: 10)
        let s = ArbitrageSettings(profile: profile)
        #expect(s.legTimeoutMs == 1_500 && s.makerRestMs == 4_000 && s.hedgeDeadlineMs == 6_000)
        #expect(s.maxHedgeAttempts == 0 && s.hedgeSlippageBps == 12)
        #expect(s.maxUnhedgedUsd == 300 && s.maxUnhedgedMs == 8_000)
        #expect(s.pairCooldownMs == 250 && s.marginLeverage == 10)
    }

    @Test func profileDefaultsEqualTheEngineDefaults() throws {
        let fromProfile = ArbitrageSettings(profile: .demoDefault)
        var engine = ArbitrageSettings(orderAmountUsdt: fromProfile.orderAmountUsdt,
                                       minProfitabilityBps: fromProfile.minProfitabilityBps,
                                       slippageBufferBps: fromProfile.slippageBufferBps)
        engine.depthLevels = fromProfile.depthLevels
        #expect(fromProfile == engine)
        #expect(fromProfile.fees == FeeSchedule.publishedBaseTier)
    }

    @Test func feeTiersBecomeExactRates() throws {
        var profile = ProfileConfig.demoDefault
        profile.venues.binance.fees = FeeTierConfig(makerBps: -0.5, takerBps: 3.6)
        profile.venues.okx.fees = nil
        let s = ArbitrageSettings(profile: profile)
        #expect(s.fees[.binance] == FeeSchedule(maker: FeeRate(units: -5, scale: 5), taker: FeeRate(units: 36, scale: 5)))
        // nil (a config built in code) keeps the engine's base tier.
        #expect(s.fees[.okx] == FeeSchedule.publishedBaseTier[.okx])
        #expect(s.fees[.bybit] == FeeSchedule(maker: FeeRate(units: 2, scale: 4), taker: FeeRate(units: 55, scale: 5)))
    }
}
