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
    static func run(_ name: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("interop/\(name)")
        #expect(FileManager.default.fileExists(atPath: script.path), "\(script.path) is missing")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script.path] + arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        // Read off the main path so a chatty child cannot block on a full pipe.
        let data = try await Task.detached { try pipe.fileHandleForReading.readToEnd() ?? Data() }.value
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
