import Foundation
import Testing
import VenueSim

/// ccxt (a real third-party client) trades on the simulator's Binance private API with the simulated keys.
@Suite struct BinanceCcxtPrivateTests {
    /// Whether python3 can import ccxt (the test is skipped, with that reason, otherwise).
    static let ccxtAvailable: Bool = {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import ccxt"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }()

    @Test(.enabled(if: ccxtAvailable, "python3 with ccxt is required (pip install ccxt)"))
    func ccxtPlacesQueriesCancelsAndReadsAccount() async throws {
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("interop/ccxt_private_binance.py")
        #expect(FileManager.default.fileExists(atPath: script.path))
        let (status, output) = try await BinanceRig.withResult { rig in
            let creds = rig.sim.config.credentials
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["python3", script.path, rig.endpoints.binance.rest, creds.apiKey, creds.apiSecret]
            let pipe = Pipe()
            p.standardOutput = pipe
            p.standardError = pipe
            try p.run()
            // Read off the main path so a chatty child cannot block on a full pipe.
            let data = try await Task.detached { try pipe.fileHandleForReading.readToEnd() ?? Data() }.value
            p.waitUntilExit()
            return (p.terminationStatus, String(decoding: data, as: UTF8.self))
        }
        #expect(status == 0, "ccxt_private_binance.py failed:\n\(output)")
    }
}

extension BinanceRig {
    /// Like `with`, returning the body's value.
    static func withResult<T: Sendable>(seed: UInt64 = 21, _ body: @Sendable (BinanceRig) async throws -> T) async throws -> T {
        let box = ResultBox<T>()
        try await with(seed: seed) { rig in await box.set(try await body(rig)) }
        guard let v = await box.value else { throw CancellationError() }
        return v
    }

    actor ResultBox<T: Sendable> {
        var value: T?
        func set(_ v: T) { value = v }
    }
}
