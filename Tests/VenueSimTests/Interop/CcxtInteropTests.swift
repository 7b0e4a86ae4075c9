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
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["python3", script.path, e.binance.rest, e.okx.rest, e.bybit.rest]
            let pipe = Pipe()
            p.standardOutput = pipe
            p.standardError = pipe
            try p.run()
            // Read off the main path so a chatty child cannot block on a full pipe.
            let data = try await Task.detached { try pipe.fileHandleForReading.readToEnd() ?? Data() }.value
            p.waitUntilExit()
            return (p.terminationStatus, String(decoding: data, as: UTF8.self))
        }
        #expect(status == 0, "ccxt_public.py failed (python3 and `pip install ccxt` are required):\n\(output)")
    }
}
