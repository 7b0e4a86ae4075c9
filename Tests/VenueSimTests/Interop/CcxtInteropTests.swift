import Foundation
import Testing
import VenueSim

/// ccxt (a real third-party client) must load markets and order books from the simulator.
@Suite struct CcxtInteropTests {
    @Test func ccxtLoadsMarketsOrderBooksAndTickersFromAllThreeVenues() async throws {
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("interop/ccxt_public.py")
        #expect(FileManager.default.fileExists(atPath: script.path))
        let (status, output) = try await SimTest.withSimulator(seed: 11) { _, e in
            try await ChildProcess.run("/usr/bin/env", ["python3", script.path, e.binance.rest, e.okx.rest, e.bybit.rest])
        }
        #expect(status == 0, "ccxt_public.py failed (python3 and `pip install ccxt` are required):\n\(output)")
    }
}
