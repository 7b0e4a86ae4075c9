import Foundation
import Ops
import PropCore
@testable import Server
import Venues

/// Synthetic recordings for the backtest tests, written once per seed and length into a temporary folder.
enum BacktestFixture {
    /// A fresh temporary folder.
    static func temporaryDirectory(_ label: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("propbot-bt-\(label)-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// `minutes` of the synthetic market for `seed`, read back.
    static func recording(seed: UInt64, minutes: Double) throws -> (directory: String, contents: RecordingContents) {
        let dir = temporaryDirectory("data-\(seed)")
        try Backtest.generate(minutes: minutes, seed: seed, to: dir)
        return (dir, try RecordingReader.read(directory: dir))
    }

    /// The built-in demo profile.
    static var demo: ProfileConfig { ProfileConfig.demoDefault }

    /// The demo profile at full risk level with a lower threshold, so the synthetic market's 8–30 bps
    /// dislocations trade on every seed (the demo defaults trade only the largest of them).
    static var eager: ProfileConfig {
        var p = ProfileConfig.demoDefault
        p.strategy.minProfitability = 3
        p.strategy.slippageBuffer = 1
        p.risk.level = 100
        return p
    }

    /// Backtests `contents` with `profile` and venue seed `seed`.
    static func run(_ contents: RecordingContents, _ profile: ProfileConfig = eager, seed: UInt64) throws -> BacktestReport {
        try Backtest.run(contents: contents, source: "test", profile: profile, options: Backtest.Options(seed: seed))
    }

    /// The report without the two machine-dependent fields.
    static func timeless(_ r: BacktestReport) -> BacktestReport {
        var r = r
        r.eventsPerS = 0; r.wallMs = 0
        return r
    }

    /// A money string as a Decimal.
    static func decimal(_ s: String) -> Decimal { Decimal(string: s) ?? .nan }
}
