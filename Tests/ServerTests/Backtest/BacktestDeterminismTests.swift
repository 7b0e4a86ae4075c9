import Foundation
import PropCore
@testable import Server
import Testing

/// The same recording and seed replay to the same report; the figures hang together.
@Suite struct BacktestDeterminismTests {
    @Test func sameSeedGivesByteIdenticalMarkdownAndJSONExceptTiming() throws {
        let (_, contents) = try BacktestFixture.recording(seed: 7, minutes: 1)
        let a = try BacktestFixture.run(contents, seed: 7)
        let b = try BacktestFixture.run(contents, seed: 7)
        #expect(a.markdown() == b.markdown())
        #expect(BacktestFixture.timeless(a).json() == BacktestFixture.timeless(b).json())
        #expect(!a.markdown().contains("events_per_s") && !a.markdown().contains("wall"))
        // Written to disk the same way, too.
        let outA = BacktestFixture.temporaryDirectory("outA"), outB = BacktestFixture.temporaryDirectory("outB")
        try Backtest.write(a, to: outA)
        try Backtest.write(b, to: outB)
        #expect(FileManager.default.contents(atPath: outA + "/report.md") == FileManager.default.contents(atPath: outB + "/report.md"))
        let json = try #require(FileManager.default.contents(atPath: outA + "/report.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        for key in ["arbitrages", "fills", "net_pnl_usdt", "gross_edge_usdt", "fees_usdt", "slippage_usdt", "funding_usdt",
                    "hit_rate", "max_drawdown_usdt", "unhedged_exposure_p99_s", "denials", "events", "seed", "events_per_s"] {
            #expect(object[key] != nil, "report.json lacks \(key)")
        }
    }

    @Test func anotherSeedGivesAnotherReport() throws {
        let (_, first) = try BacktestFixture.recording(seed: 7, minutes: 1)
        let (_, second) = try BacktestFixture.recording(seed: 8, minutes: 1)
        let a = try BacktestFixture.run(first, seed: 7)
        let b = try BacktestFixture.run(second, seed: 8)
        #expect(a.markdown() != b.markdown())
        // The venue seed alone changes latencies, hence fills.
        let c = try BacktestFixture.run(first, seed: 9)
        #expect(BacktestFixture.timeless(a) != BacktestFixture.timeless(c))
    }

    @Test func syntheticMarketTradesAndTheFiguresAddUp() throws {
        let (_, contents) = try BacktestFixture.recording(seed: 3, minutes: 2)
        let r = try BacktestFixture.run(contents, seed: 3)
        #expect(r.arbitrages > 0, "\(r.markdown())")
        #expect(r.fills > 0)
        // Every fill the venues made reached the engine through the order manager, once.
        #expect(r.fills == r.venueFills)
        #expect(r.events > 10_000 && r.malformedFrames == 0)
        // net (engine portfolio) = gross edge − fees − slippage + funding (venue fills), to the last truncated cent fraction.
        let d = BacktestFixture.decimal
        let identity = d(r.grossEdgeUsdt) - d(r.feesUsdt) - d(r.slippageUsdt) + d(r.fundingUsdt)
        let residual = d(r.netPnlUsdt) - identity
        #expect(abs(NSDecimalNumber(decimal: residual).doubleValue) <= 1e-6 * Double(max(1, r.fills)), "\(r.markdown())")
        #expect(d(r.pnlResidualUsdt) == residual)
        #expect(d(r.feesUsdt) > 0)
        // The run starts 30 s before an 8-hour settlement: open positions then pay or receive funding.
        let hit = d(r.hitRate)
        #expect(hit >= 0 && hit <= 1)
        #expect(d(r.maxDrawdownUsdt) >= 0)
    }

    @Test func demoDefaultsRunOnTheSyntheticMarket() throws {
        let (_, contents) = try BacktestFixture.recording(seed: 1, minutes: 1)
        let r = try BacktestFixture.run(contents, BacktestFixture.demo, seed: 1)
        #expect(r.events > 5_000)
        #expect(r.fills == r.venueFills)
        #expect(r.instruments.count == 9)
    }
}
