import Foundation
import Testing

/// Runs a ccxt interop script from `Tests/interop/` with python3: a real third-party client against the simulator.
enum CcxtScript {
    /// Whether python3 can import ccxt (the tests are skipped, with `skipReason`, otherwise).
    static let installed: Bool = {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import ccxt"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }()

    static let skipReason: Comment = "python3 with ccxt is not installed (pip install ccxt)"

    /// Runs `Tests/interop/<name>` with `arguments`; returns its exit status and its stdout and stderr together.
    /// The wait never blocks a thread of the cooperative pool (output goes to a temporary file, the exit is polled):
    /// on a 2-core machine a blocked pool starves the in-process simulator the script talks to.
    static func run(_ name: String, _ arguments: [String], timeout: Duration = .seconds(300)) async throws -> (status: Int32, output: String) {
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("interop/\(name)")
        #expect(FileManager.default.fileExists(atPath: script.path), "\(script.path) is missing")
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("ccxt-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script.path] + arguments
        p.standardOutput = handle
        p.standardError = handle
        try p.run()
        let deadline = ContinuousClock.now + timeout
        while p.isRunning {
            if ContinuousClock.now > deadline { p.terminate() }
            try? await Task.sleep(for: .milliseconds(50))
        }
        p.waitUntilExit()  // already exited: returns at once
        return (p.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }
}
