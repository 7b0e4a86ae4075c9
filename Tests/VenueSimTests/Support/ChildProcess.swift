import Foundation

/// Runs a child process without blocking a thread of Swift's cooperative pool: output goes to a temporary
/// file and the exit is polled with `Task.sleep`. (Blocking `waitUntilExit`/`readToEnd` on a 2-core machine
/// can take every pool thread while the child talks to an in-process simulator that needs one — a deadlock
/// until the child times out.)
enum ChildProcess {
    static func run(_ executable: String, _ arguments: [String], timeout: Duration = .seconds(300)) async throws -> (status: Int32, output: String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
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
