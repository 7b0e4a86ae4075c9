import Foundation
import Testing

/// `propbot drill crash`: the real binary, killed with `kill -9` at random points of the order life cycle
/// 200 times against the simulator, then audited: no duplicate orders, no lost fills, no position mismatches.
@Suite struct CrashDrillTests {
    struct Report: Decodable {
        var iterations: Int
        var killed: Int
        var orders: Int
        var duplicate_orders: Int
        var lost_fills: Int
        var orphan_orders: Int
        var recon_mismatches: Int
        var venue_fills: Int
        var final_recovery_clean: Bool
    }

    @Test(.timeLimit(.minutes(20)))
    func twoHundredKillsLoseNothingAndDuplicateNothing() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("propbot-drill-\(UUID().uuidString)").path
        let p = try PropBotProcess(["drill", "crash", "--venue", "all", "--iterations", "200", "--seed", "2026", "--dir", dir])
        let status = try await p.waitForExit(timeout: .seconds(1_100))
        let line = p.output().split(separator: "\n").last.map(String.init) ?? ""
        let report = try #require(try? JSONDecoder().decode(Report.self, from: Data(line.utf8)),
                                  "no JSON report (status \(status)): \(line)\n\(p.errorOutput())")
        #expect(status == 0, "\(line)\n\(p.errorOutput())")
        #expect(report.iterations == 200)
        // Most runs must really die at a crash point; a run whose point was never reached finishes normally.
        #expect(report.killed >= 100, "\(line)")
        #expect(report.orders > 200 && report.venue_fills > 50, "the drill must really trade: \(line)")
        #expect(report.duplicate_orders == 0 && report.lost_fills == 0 && report.recon_mismatches == 0, "\(line)")
        #expect(report.orphan_orders == 0 && report.final_recovery_clean, "\(line)")
        try? FileManager.default.removeItem(atPath: dir)
    }

    @Test func badVenueIsRejectedInRussianWithTheValidList() async throws {
        let p = try PropBotProcess(["drill", "crash", "--venue", "kraken", "--iterations", "1"])
        let status = try await p.waitForExit()
        #expect(status != 0)
        #expect(p.errorOutput().contains("неизвестная биржа «kraken»") && p.errorOutput().contains("binance"), "\(p.errorOutput())")
    }
}
