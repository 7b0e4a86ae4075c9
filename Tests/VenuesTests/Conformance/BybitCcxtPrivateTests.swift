import Foundation
import Testing
import VenueSim

/// ccxt (a real third-party client) places, queries and cancels an order and reads positions and balances
/// on the simulator's Bybit private API. Skipped, with the reason recorded, only when ccxt is not installed.
@Suite struct BybitCcxtPrivateTests {
    static var ccxtInstalled: Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import ccxt"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    @Test(.enabled(if: ccxtInstalled, "python3 with ccxt is not installed (pip install ccxt)"))
    func ccxtTradesOnTheSimulatedBybitAccount() async throws {
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("interop/ccxt_private_bybit.py")
        #expect(FileManager.default.fileExists(atPath: script.path))
        var status: Int32 = -1
        var output = ""
        try await BybitRig.with(seed: 13) { (rig: BybitRig) async throws in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["python3", script.path, rig.endpoints.rest, SimCredentials.defaultApiKey, SimCredentials.defaultApiSecret]
            let pipe = Pipe()
            p.standardOutput = pipe
            p.standardError = pipe
            try p.run()
            // Read off the main path so a chatty child cannot block on a full pipe.
            let data = try await Task.detached { try pipe.fileHandleForReading.readToEnd() ?? Data() }.value
            p.waitUntilExit()
            status = p.terminationStatus
            output = String(decoding: data, as: UTF8.self)
        }
        #expect(status == 0, "ccxt_private_bybit.py failed:\n\(output)")
    }
}
