import Foundation
import Ops
import PropCore
import Testing

/// `strategy.leg_risk`, `venues.<name>.fees` and the refusals of strategy values that cannot work.
@Suite("Profile leg risk, fee tiers and strategy refusals")
struct LegRiskConfigTests {
    private typealias S = ConfigTestSupport

    private static let twoInstruments = "instruments: [BINANCE:PERP:BTC-USDT, OKX:PERP:BTC-USDT]\n"

    // MARK: defaults and reading

    @Test func absentLegRiskAndFeesGiveTheEngineDefaults() throws {
        let c = try ProfileLoader.load(yaml: "profile: demo\n", environment: [:], sourceName: "demo.yaml")
        #expect(c.strategy.legRisk == LegRiskConfig(
            legTimeoutMs: 2_000, makerRestMs: 3_000, hedgeDeadlineMs: 5_000, maxHedgeAttempts: 2,
            hedgeSlippageBps: 20, maxUnhedgedUsd: 500, maxUnhedgedMs: 10_000, pairCooldownMs: 1_000, marginLeverage: 5))
        #expect(c.venues.binance.fees == FeeTierConfig(makerBps: 2, takerBps: 5))
        #expect(c.venues.okx.fees == FeeTierConfig(makerBps: 2, takerBps: 5))
        #expect(c.venues.bybit.fees == FeeTierConfig(makerBps: 2, takerBps: 5.5))
    }

    @Test func disabledVenuesCarryTheBaseTierToo() throws {
        let yaml = "profile: paper\nvenues:\n  binance: {rest_url: \"https://fapi.binance.com\", ws_url: \"wss://fstream.binance.com\"}\n"
            + "instruments: [BINANCE:PERP:BTC-USDT]\n"
        let c = try ProfileLoader.load(yaml: yaml, environment: [:], sourceName: "paper.yaml")
        #expect(!c.venues.okx.enabled && c.venues.okx.fees == .publishedBaseTier(.okx))
    }

    @Test func everyLegRiskKeyIsRead() throws {
        let yaml = "profile: demo\nstrategy:\n  leg_risk:\n" + """
                leg_timeout_ms: 1500
                maker_rest_ms: 4000
                hedge_deadline_ms: 6000
                max_hedge_attempts: 0
                hedge_slippage_bps: 10
                max_unhedged_usd: 300
                max_unhedged_ms: 8000
                pair_cooldown_ms: 0
                margin_leverage: 10

            """
        let c = try ProfileLoader.load(yaml: yaml, environment: [:], sourceName: "demo.yaml")
        #expect(c.strategy.legRisk == LegRiskConfig(
            legTimeoutMs: 1_500, makerRestMs: 4_000, hedgeDeadlineMs: 6_000, maxHedgeAttempts: 0,
            hedgeSlippageBps: 10, maxUnhedgedUsd: 300, maxUnhedgedMs: 8_000, pairCooldownMs: 0, marginLeverage: 10))
        let json = String(decoding: try JSONEncoder().encode(c), as: UTF8.self)
        #expect(json.contains("\"leg_risk\"") && json.contains("\"max_unhedged_usd\":300"))
    }

    @Test func feeTierAcceptsDecimalsAndAMakerRebate() throws {
        let yaml = "profile: demo\nvenues:\n  binance: {fees: {maker_bps: -0.5, taker_bps: 3.6}}\n  okx: {fees: {taker_bps: 4}}\n"
            + Self.twoInstruments
        let c = try ProfileLoader.load(yaml: yaml, environment: [:], sourceName: "demo.yaml")
        #expect(c.venues.binance.fees == FeeTierConfig(makerBps: -0.5, takerBps: 3.6))
        // A key left out keeps the venue's base-tier rate.
        #expect(c.venues.okx.fees == FeeTierConfig(makerBps: 2, takerBps: 4))
    }

    @Test(arguments: [
        ("strategy: {leg_risk: {leg_timeout_ms: 50}}", "strategy.leg_risk.leg_timeout_ms", "100…60000"),
        ("strategy: {leg_risk: {maker_rest_ms: 700000}}", "strategy.leg_risk.maker_rest_ms", "100…600000"),
        ("strategy: {leg_risk: {hedge_deadline_ms: 0}}", "strategy.leg_risk.hedge_deadline_ms", "100…600000"),
        ("strategy: {leg_risk: {max_hedge_attempts: 11}}", "strategy.leg_risk.max_hedge_attempts", "0…10"),
        ("strategy: {leg_risk: {hedge_slippage_bps: -1}}", "strategy.leg_risk.hedge_slippage_bps", "0…500"),
        ("strategy: {leg_risk: {max_unhedged_usd: 0}}", "strategy.leg_risk.max_unhedged_usd", "1…100000000"),
        ("strategy: {leg_risk: {max_unhedged_ms: 99}}", "strategy.leg_risk.max_unhedged_ms", "100…600000"),
        ("strategy: {leg_risk: {pair_cooldown_ms: -1}}", "strategy.leg_risk.pair_cooldown_ms", "0…3600000"),
        ("strategy: {leg_risk: {margin_leverage: 0}}", "strategy.leg_risk.margin_leverage", "1…125"),
        ("strategy: {leg_risk: {margin_leverage: 200}}", "strategy.leg_risk.margin_leverage", "1…125"),
        ("venues: {binance: {fees: {maker_bps: -20}}}", "venues.binance.fees.maker_bps", "-10.0…100.0"),
        ("venues: {bybit: {fees: {taker_bps: 150}}}", "venues.bybit.fees.taker_bps", "0.0…100.0"),
    ])
    func outOfRangeValueNamesItsPathAndRange(line: String, path: String, range: String) throws {
        let issues = S.issues("profile: demo\n\(line)\n")
        let issue = try #require(S.issue("out_of_range", in: issues))
        #expect(issue.path == path)
        #expect(issue.line == 2)
        #expect(issue.problemRu.contains(range))
        #expect(!issue.hintRu.isEmpty)
    }

    @Test func unknownLegRiskOrFeeKeySuggestsTheClosest() throws {
        let legRisk = try #require(S.issue("unknown_key", in: S.issues(
            "profile: demo\nstrategy:\n  leg_risk:\n    max_unhedged_usdt: 100\n")))
        #expect(legRisk.path == "strategy.leg_risk.max_unhedged_usdt" && legRisk.line == 4)
        #expect(legRisk.hintRu == "возможно, вы имели в виду «max_unhedged_usd»")
        let fee = try #require(S.issue("unknown_key", in: S.issues("profile: demo\nvenues:\n  okx: {fees: {taker: 5}}\n")))
        #expect(fee.path == "venues.okx.fees.taker")
        #expect(fee.hintRu.contains("taker_bps"))
    }

    // MARK: refusals of single values

    @Test(arguments: ["0", "-5"])
    func nonPositiveOrderAmountIsRefusedWithItsReason(value: String) throws {
        let issues = S.issues("profile: demo\nstrategy:\n  order_amount: \(value)\n")
        let issue = try #require(S.issue("strategy_order_amount_not_positive", in: issues))
        #expect(issue.path == "strategy.order_amount" && issue.line == 3)
        #expect(issue.problemRu.contains(value) && issue.problemRu.contains("не положительна"))
        #expect(issue.hintRu.contains("≥ 1"))
        #expect(S.issue("out_of_range", in: issues) == nil)
    }

    @Test func nonPositiveOverrideAmountIsRefusedToo() throws {
        let yaml = "profile: demo\n" + Self.twoInstruments + "strategy:\n  overrides:\n    OKX:PERP:BTC-USDT: {order_amount: 0}\n"
        let issue = try #require(S.issue("strategy_order_amount_not_positive", in: S.issues(yaml)))
        #expect(issue.path == "strategy.overrides.OKX:PERP:BTC-USDT.order_amount" && issue.line == 5)
    }

    @Test func negativeMinProfitabilityIsRefusedAsALosingThreshold() throws {
        let issue = try #require(S.issue("strategy_min_profitability_negative", in: S.issues(
            "profile: demo\nstrategy:\n  min_profitability: -3\n")))
        #expect(issue.path == "strategy.min_profitability" && issue.line == 3)
        #expect(issue.problemRu.contains("-3") && issue.problemRu.contains("убыточны"))
        #expect(issue.hintRu.contains("за вычетом комиссий"))
        // Zero is break-even after fees and the buffer: allowed.
        #expect(S.issues("profile: demo\nstrategy: {min_profitability: 0}\n").isEmpty)
        let yaml = "profile: demo\n" + Self.twoInstruments + "strategy:\n  overrides:\n    OKX:PERP:BTC-USDT: {min_profitability: -1}\n"
        let override = try #require(S.issue("strategy_min_profitability_negative", in: S.issues(yaml)))
        #expect(override.path == "strategy.overrides.OKX:PERP:BTC-USDT.min_profitability")
    }

    @Test func negativeTakerFeeIsRefusedButAMakerRebateIsNot() throws {
        let issue = try #require(S.issue("venue_fee_taker_negative", in: S.issues(
            "profile: demo\nvenues:\n  bybit:\n    fees: {maker_bps: -1, taker_bps: -2}\n")))
        #expect(issue.path == "venues.bybit.fees.taker_bps" && issue.line == 4)
        #expect(issue.problemRu.contains("-2"))
        #expect(issue.hintRu.contains("maker_bps"))
    }

    @Test func makerFeeAboveTakerFeeIsRefusedAsSwapped() throws {
        let issue = try #require(S.issue("venue_fee_maker_above_taker", in: S.issues(
            "profile: demo\nvenues:\n  okx:\n    fees:\n      maker_bps: 5\n      taker_bps: 2\n")))
        #expect(issue.path == "venues.okx.fees.maker_bps" && issue.line == 5)
        #expect(issue.problemRu.contains("5 б.п.") && issue.problemRu.contains("2 б.п."))
        #expect(S.issues("profile: demo\nvenues: {okx: {fees: {maker_bps: 5, taker_bps: 5}}}\n").isEmpty)
    }

    @Test func unknownVenueNameIsRefusedWithTheClosestSupported() throws {
        let typo = try #require(S.issue("venue_unknown", in: S.issues("profile: demo\nvenues:\n  binanse: {enabled: true}\n")))
        #expect(typo.path == "venues.binanse" && typo.line == 3)
        #expect(typo.problemRu == "неизвестная биржа «binanse»")
        #expect(typo.hintRu.hasPrefix("возможно, вы имели в виду «binance»"))
        let other = try #require(S.issue("venue_unknown", in: S.issues("profile: demo\nvenues:\n  kraken: {}\n")))
        #expect(other.hintRu.contains("binance, okx, bybit"))
    }

    // MARK: refusals across keys

    @Test func makerTakerWithConcurrentSubmissionIsRefused() throws {
        let issue = try #require(S.issue("strategy_maker_taker_concurrent", in: S.issues(
            "profile: demo\nstrategy:\n  style: maker_taker\n  concurrent_orders_submission: true\n")))
        #expect(issue.path == "strategy.concurrent_orders_submission" && issue.line == 4)
        #expect(issue.hintRu.contains("false"))
        // Left out, the key follows the style: maker/taker is sequential.
        let c = try ProfileLoader.load(yaml: "profile: demo\nstrategy: {style: maker_taker}\n", environment: [:],
                                       sourceName: "demo.yaml")
        #expect(c.strategy.style == .makerTaker && !c.strategy.concurrentOrdersSubmission)
        #expect(S.issues("profile: demo\nstrategy: {style: maker_taker, concurrent_orders_submission: false}\n").isEmpty)
    }

    @Test func orderAmountAboveTheOrderCapIsRefusedAtValidation() throws {
        // Already a rule of the strategy section (strategy_amount_over_risk_cap); kept here with the other refusals.
        let issue = try #require(S.issue("strategy_amount_over_risk_cap", in: S.issues(
            "profile: demo\nstrategy: {order_amount: 501, leg_risk: {max_unhedged_usd: 600}}\nrisk: {max_order_notional: 500}\n")))
        #expect(issue.path == "strategy.order_amount")
        #expect(issue.problemRu.contains("риск-контроль отклонит каждый ордер"))
    }

    @Test func overrideForAnInstrumentNotListedIsRefused() throws {
        let yaml = "profile: demo\n" + Self.twoInstruments + "strategy:\n  overrides:\n    BYBIT:PERP:ETH-USDT: {order_amount: 5}\n"
        let issue = try #require(S.issue("override_instrument_unknown", in: S.issues(yaml)))
        #expect(issue.path == "strategy.overrides.BYBIT:PERP:ETH-USDT" && issue.line == 5)
    }

    @Test func hedgeDeadlineShorterThanTheLegTimeoutIsRefused() throws {
        let issue = try #require(S.issue("leg_risk_deadline_below_leg_timeout", in: S.issues(
            "profile: demo\nstrategy:\n  leg_risk:\n    leg_timeout_ms: 3000\n    hedge_deadline_ms: 2000\n")))
        #expect(issue.path == "strategy.leg_risk.hedge_deadline_ms" && issue.line == 5)
        #expect(issue.problemRu.contains("2000") && issue.problemRu.contains("3000"))
        #expect(S.issues("profile: demo\nstrategy: {leg_risk: {leg_timeout_ms: 3000, hedge_deadline_ms: 3000}}\n").isEmpty)
    }

    @Test func unhedgedTimeBoundShorterThanTheHedgeDeadlineIsRefused() throws {
        let issue = try #require(S.issue("leg_risk_unhedged_ms_below_deadline", in: S.issues(
            "profile: demo\nstrategy:\n  leg_risk:\n    hedge_deadline_ms: 8000\n    max_unhedged_ms: 6000\n")))
        #expect(issue.path == "strategy.leg_risk.max_unhedged_ms" && issue.line == 5)
        #expect(issue.hintRu.contains("hedge_deadline_ms"))
    }

    @Test func hedgeSlippageAtOrBeyondTheScaledPriceBandIsRefused() throws {
        // Level 50 × band 50 bps = 25 bps in force: a hedge 25 bps through the touch would be denied by the band.
        let issue = try #require(S.issue("leg_risk_hedge_slippage_over_price_band", in: S.issues(
            "profile: demo\nstrategy:\n  leg_risk:\n    hedge_slippage_bps: 25\nrisk: {level: 50, price_band_bps: 50}\n")))
        #expect(issue.path == "strategy.leg_risk.hedge_slippage_bps" && issue.line == 4)
        #expect(issue.problemRu.contains("25 б.п.") && issue.problemRu.contains("уровне 50"))
        #expect(S.issues("profile: demo\nstrategy: {leg_risk: {hedge_slippage_bps: 24}}\nrisk: {level: 50, price_band_bps: 50}\n")
            .isEmpty)
        #expect(S.issues("profile: demo\nstrategy: {leg_risk: {hedge_slippage_bps: 25}}\nrisk: {level: 100, price_band_bps: 50}\n")
            .isEmpty)
        // Level 0 opens nothing, so there is no hedge to protect.
        #expect(S.issues("profile: demo\nrisk: {level: 0}\n").isEmpty)
    }

    @Test func unhedgedNotionalBoundBelowOneLegIsRefused() throws {
        let issue = try #require(S.issue("leg_risk_unhedged_usd_below_order", in: S.issues(
            "profile: demo\nstrategy:\n  order_amount: 200\n  leg_risk:\n    max_unhedged_usd: 150\n")))
        #expect(issue.path == "strategy.leg_risk.max_unhedged_usd" && issue.line == 5)
        #expect(issue.problemRu.contains("150") && issue.problemRu.contains("200"))
        // An override's larger amount counts too.
        let yaml = "profile: demo\n" + Self.twoInstruments
            + "strategy:\n  leg_risk: {max_unhedged_usd: 300}\n  overrides:\n    OKX:PERP:BTC-USDT: {order_amount: 400}\n"
        #expect(S.issue("leg_risk_unhedged_usd_below_order", in: S.issues(yaml))?.problemRu.contains("400") == true)
    }

    @Test func unhedgedNotionalBoundAboveTwiceTheOrderCapIsRefused() throws {
        let issue = try #require(S.issue("leg_risk_unhedged_usd_over_bound", in: S.issues(
            "profile: demo\nstrategy:\n  leg_risk:\n    max_unhedged_usd: 1001\nrisk: {max_order_notional: 500}\n")))
        #expect(issue.path == "strategy.leg_risk.max_unhedged_usd" && issue.line == 4)
        #expect(issue.problemRu.contains("1000"))
        #expect(S.issues("profile: demo\nstrategy: {leg_risk: {max_unhedged_usd: 1000}}\nrisk: {max_order_notional: 500}\n")
            .isEmpty)
    }

    @Test func liveRequiresAnExplicitUnhedgedNotionalBound() throws {
        let without = S.liveBase.replacingOccurrences(of: "strategy: {leg_risk: {max_unhedged_usd: 500}}\n", with: "")
        #expect(without != S.liveBase)
        let issues = S.issues(without, env: S.fullEnvironment)
        let issue = try #require(S.issue("live_max_unhedged_usd_missing", in: issues))
        #expect(issues.count == 1)
        #expect(issue.path == "strategy.leg_risk.max_unhedged_usd")
        #expect(issue.line != nil)
        #expect(issue.hintRu.contains("max_unhedged_usd"))
        #expect(S.issues(S.liveBase, env: S.fullEnvironment).isEmpty)
        // Other profiles use the default.
        #expect(S.issue("live_max_unhedged_usd_missing", in: S.issues("profile: demo\n")) == nil)
    }

    // MARK: shipped profiles

    @Test func everyShippedProfileCarriesLegRiskAndFees() throws {
        for name in ProfileKind.allCases.map(\.rawValue) {
            let text = try String(contentsOfFile: "\(S.repoRoot)/configs/\(name).yaml", encoding: .utf8)
            for key in ["leg_risk:"] + ["leg_timeout_ms", "maker_rest_ms", "hedge_deadline_ms", "max_hedge_attempts",
                                         "hedge_slippage_bps", "max_unhedged_usd", "max_unhedged_ms", "pair_cooldown_ms",
                                         "margin_leverage"].map { $0 + ":" } {
                #expect(text.contains(key), "\(name).yaml misses \(key)")
            }
            #expect(text.components(separatedBy: "fees: {maker_bps:").count - 1 == 3, "\(name).yaml: fees per venue")
        }
    }

    @Test func demoFileEqualsTheBuiltInDemoIncludingLegRiskAndFees() throws {
        let demo = try ProfileLoader.load(path: "\(S.repoRoot)/configs/demo.yaml", environment: [:])
        #expect(demo == ProfileConfig.demoDefault)
        #expect(demo.strategy.legRisk == LegRiskConfig())
        #expect(Venue.allCases.allSatisfy { demo.venues[$0].fees == .publishedBaseTier($0) })
    }
}
