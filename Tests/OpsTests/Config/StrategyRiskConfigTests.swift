import Foundation
import Ops
import PropCore
import Testing

@Suite("Profile strategy and risk sections")
struct StrategyRiskConfigTests {
    private typealias S = ConfigTestSupport

    private static let twoInstruments = "instruments: [BINANCE:PERP:BTC-USDT, OKX:PERP:BTC-USDT]\n"

    @Test func absentSectionsGiveConservativeDefaults() throws {
        let c = try ProfileLoader.load(yaml: "profile: demo\n", environment: [:], sourceName: "demo.yaml")
        #expect(c.strategy == StrategyConfig())
        #expect(c.risk == RiskConfig())
        #expect(c.strategy.orderAmount <= c.risk.maxOrderNotional)
        #expect(!c.risk.allow1000Prefixed && !c.risk.allowLeveragedTokens)
    }

    @Test func everyKeyIsRead() throws {
        let yaml = "profile: demo\n" + Self.twoInstruments + """
            strategy:
              order_amount: 40
              min_profitability: 12
              slippage_buffer: 3
              concurrent_orders_submission: false
              style: maker_taker
              max_holding_ms: 60000
              exit: {converge_bps: 1, on_funding: false, max_age_ms: 30000}
              leg_risk: {hedge_slippage_bps: 1, max_unhedged_usd: 100}
              overrides:
                OKX:PERP:BTC-USDT: {order_amount: 20, slippage_buffer: 9}
            risk:
              level: 10
              max_order_notional: 50
              max_instrument_notional: 100
              max_venue_gross: 200
              max_gross: 300
              max_net: 60
              max_open_arbitrages: 1
              max_in_flight_orders: 2
              max_orders_per_second: 2
              max_orders_per_minute: 30
              runaway_orders_per_minute: 60
              price_band_bps: 20
              max_leverage: 2
              daily_loss_limit: 25
              max_drawdown: 35
              stale_book_ms: 500
              max_mid_mark_divergence_bps: 40
              max_funding_bps: 20
              max_basis_bps: 80
              allow_1000_prefixed: true
              allow_leveraged_tokens: true

            """
        let c = try ProfileLoader.load(yaml: yaml, environment: [:], sourceName: "demo.yaml")
        let okx = try InstrumentId(parsing: "OKX:PERP:BTC-USDT")
        let binance = try InstrumentId(parsing: "BINANCE:PERP:BTC-USDT")
        #expect(c.strategy == StrategyConfig(
            orderAmount: 40, minProfitability: 12, slippageBuffer: 3, concurrentOrdersSubmission: false,
            style: .makerTaker, maxHoldingMs: 60_000,
            exit: StrategyExitConfig(convergeBps: 1, onFunding: false, maxAgeMs: 30_000),
            legRisk: LegRiskConfig(hedgeSlippageBps: 1, maxUnhedgedUsd: 100),
            overrides: [okx: StrategyOverride(orderAmount: 20, slippageBuffer: 9)]))
        #expect(c.strategy.orderAmount(for: okx) == 20 && c.strategy.orderAmount(for: binance) == 40)
        #expect(c.strategy.minProfitability(for: okx) == 12 && c.strategy.slippageBuffer(for: okx) == 9)
        #expect(c.risk == RiskConfig(
            level: 10, maxOrderNotional: 50, maxInstrumentNotional: 100, maxVenueGross: 200, maxGross: 300, maxNet: 60,
            maxOpenArbitrages: 1, maxInFlightOrders: 2, maxOrdersPerSecond: 2, maxOrdersPerMinute: 30,
            runawayOrdersPerMinute: 60, priceBandBps: 20, maxLeverage: 2, dailyLossLimit: 25, maxDrawdown: 35,
            staleBookMs: 500, maxMidMarkDivergenceBps: 40, maxFundingBps: 20, maxBasisBps: 80,
            allow1000Prefixed: true, allowLeveragedTokens: true))
        let json = String(decoding: try JSONEncoder().encode(c), as: UTF8.self)
        #expect(json.contains("\"OKX:PERP:BTC-USDT\""))
    }

    @Test(arguments: [
        ("strategy: {order_amount: 100000001}", "strategy.order_amount", "1…100000000"),
        ("strategy: {min_profitability: 5000}", "strategy.min_profitability", "0…1000"),
        ("strategy: {slippage_buffer: -1}", "strategy.slippage_buffer", "0…500"),
        ("strategy: {exit: {converge_bps: 900}}", "strategy.exit.converge_bps", "0…500"),
        ("risk: {level: 101}", "risk.level", "0…100"),
        ("risk: {max_leverage: 0}", "risk.max_leverage", "1…20"),
        ("risk: {stale_book_ms: 10}", "risk.stale_book_ms", "50…60000"),
        ("risk: {max_orders_per_second: 0}", "risk.max_orders_per_second", "1…100"),
    ])
    func outOfRangeValueNamesItsPathAndRange(line: String, path: String, range: String) throws {
        let issue = try #require(S.issue("out_of_range", in: S.issues("profile: demo\n\(line)\n")))
        #expect(issue.path == path)
        #expect(issue.line == 2)
        #expect(issue.problemRu.contains(range))
    }

    @Test func wrongTypesAreReportedWithPathAndLine() throws {
        let yaml = "profile: demo\nstrategy:\n  order_amount: сто\n  concurrent_orders_submission: maybe\nrisk:\n  level: high\n"
        let issues = S.issues(yaml).filter { $0.code == "wrong_type" }
        #expect(issues.map(\.path) == ["strategy.order_amount", "strategy.concurrent_orders_submission", "risk.level"])
        #expect(issues.map(\.line) == [3, 4, 6])
        #expect(issues.allSatisfy { !$0.hintRu.isEmpty })
    }

    @Test func unknownStyleSuggestsTheClosest() throws {
        let issue = try #require(S.issue("invalid_value", in: S.issues("profile: demo\nstrategy: {style: taker_taken}\n")))
        #expect(issue.path == "strategy.style")
        #expect(issue.hintRu.contains("«taker_taker»"))
    }

    @Test(arguments: [
        ("strategy:\n  min_profitabilty: 5\n", "strategy.min_profitabilty", "min_profitability"),
        ("strategy:\n  exit: {on_fundng: true}\n", "strategy.exit.on_fundng", "on_funding"),
        ("risk:\n  max_order_notionl: 5\n", "risk.max_order_notionl", "max_order_notional"),
        ("risk:\n  allow_leveraged_token: true\n", "risk.allow_leveraged_token", "allow_leveraged_tokens"),
    ])
    func unknownKeySuggestsTheClosest(block: String, path: String, guess: String) throws {
        let issue = try #require(S.issue("unknown_key", in: S.issues("profile: demo\n" + block)))
        #expect(issue.path == path)
        #expect(issue.hintRu == "возможно, вы имели в виду «\(guess)»")
    }

    @Test func unknownKeyInsideAnOverrideIsReported() throws {
        let yaml = "profile: demo\n" + Self.twoInstruments
            + "strategy:\n  overrides:\n    OKX:PERP:BTC-USDT: {order_amout: 5}\n"
        let issue = try #require(S.issue("unknown_key", in: S.issues(yaml)))
        #expect(issue.path == "strategy.overrides.OKX:PERP:BTC-USDT.order_amout")
        #expect(issue.hintRu.contains("«order_amount»"))
    }

    @Test func overrideForAnInstrumentNotListedNamesIt() throws {
        let yaml = "profile: demo\n" + Self.twoInstruments
            + "strategy:\n  overrides:\n    BYBIT:PERP:BTC-USDT: {order_amount: 5}\n"
        let issue = try #require(S.issue("override_instrument_unknown", in: S.issues(yaml)))
        #expect(issue.path == "strategy.overrides.BYBIT:PERP:BTC-USDT")
        #expect(issue.line == 5)
        #expect(issue.problemRu.contains("BYBIT:PERP:BTC-USDT"))
        #expect(issue.hintRu.contains("instruments"))
    }

    @Test func overrideWithMalformedIdIsReported() throws {
        let yaml = "profile: demo\n" + Self.twoInstruments + "strategy:\n  overrides:\n    BTCUSDT: {order_amount: 5}\n"
        let issues = S.issues(yaml)
        #expect(issues.count == 1)
        #expect(issues.first?.path == "strategy.overrides.BTCUSDT")
        #expect(issues.first?.code.hasPrefix("instrument_id") == true)
    }

    @Test func orderAmountOverTheOrderCapIsRejected() throws {
        let yaml = "profile: demo\nstrategy:\n  order_amount: 600\nrisk:\n  max_order_notional: 500\n"
        let issue = try #require(S.issue("strategy_amount_over_risk_cap", in: S.issues(yaml)))
        #expect(issue.path == "strategy.order_amount")
        #expect(issue.line == 3)
        #expect(issue.problemRu.contains("600") && issue.problemRu.contains("500"))
        #expect(S.issues("profile: demo\nstrategy: {order_amount: 500}\nrisk: {max_order_notional: 500}\n").isEmpty)
    }

    @Test func overrideAmountOverTheOrderCapIsRejected() throws {
        let yaml = "profile: demo\n" + Self.twoInstruments
            + "strategy:\n  overrides:\n    OKX:PERP:BTC-USDT:\n      order_amount: 900\n"
        let issue = try #require(S.issue("strategy_amount_over_risk_cap", in: S.issues(yaml)))
        #expect(issue.path == "strategy.overrides.OKX:PERP:BTC-USDT.order_amount")
        #expect(issue.line == 6)
    }

    @Test func capsMustNest() throws {
        let inst = try #require(S.issue("risk_instrument_over_venue_cap", in: S.issues(
            "profile: demo\nrisk:\n  max_instrument_notional: 6000\n  max_venue_gross: 5000\n")))
        #expect(inst.path == "risk.max_instrument_notional" && inst.line == 3)
        let venue = try #require(S.issue("risk_venue_over_gross_cap", in: S.issues(
            "profile: demo\nrisk:\n  max_venue_gross: 20000\n  max_gross: 10000\n")))
        #expect(venue.path == "risk.max_venue_gross" && venue.line == 3)
        #expect(S.issues("profile: demo\nrisk: {max_instrument_notional: 5000, max_venue_gross: 5000, max_gross: 5000}\n")
            .isEmpty)
    }

    @Test func ordersPerMinuteBelowPerSecondIsRejected() throws {
        let issue = try #require(S.issue("risk_throttle_inverted", in: S.issues(
            "profile: demo\nrisk:\n  max_orders_per_second: 10\n  max_orders_per_minute: 9\n")))
        #expect(issue.path == "risk.max_orders_per_minute" && issue.line == 4)
        // Fewer per minute than 60 × per second is a tighter minute cap, which is fine.
        #expect(S.issues("profile: demo\nrisk: {max_orders_per_second: 10, max_orders_per_minute: 10}\n").isEmpty)
    }

    @Test func liveRequiresAnExplicitDailyLossLimit() throws {
        let withoutLimit = S.liveBase.replacingOccurrences(of: "risk: {daily_loss_limit: 200}\n", with: "")
        let issue = try #require(S.issue("live_daily_loss_limit_missing", in: S.issues(withoutLimit, env: S.fullEnvironment)))
        #expect(issue.path == "risk.daily_loss_limit")
        #expect(issue.line != nil)
        #expect(S.issues(S.liveBase, env: S.fullEnvironment).isEmpty)
        // Non-live profiles use the default.
        #expect(S.issue("live_daily_loss_limit_missing", in: S.issues("profile: demo\n")) == nil)
    }

    @Test func shippedProfilesCarryBothSectionsWithinTheirCaps() throws {
        for name in ProfileKind.allCases.map(\.rawValue) {
            let text = try String(contentsOfFile: "\(S.repoRoot)/configs/\(name).yaml", encoding: .utf8)
            #expect(text.contains("\nstrategy:\n") && text.contains("\nrisk:\n"), "\(name).yaml misses a section")
            #expect(text.contains("daily_loss_limit:"), "\(name).yaml misses daily_loss_limit")
        }
        let demo = try ProfileLoader.load(path: "\(S.repoRoot)/configs/demo.yaml", environment: [:])
        #expect(demo.strategy == ProfileConfig.demoDefault.strategy && demo.risk == ProfileConfig.demoDefault.risk)
        #expect(demo.strategy.orderAmount <= demo.risk.maxOrderNotional)
    }
}
