import Foundation
import Testing

/// Runs the built `propbot` executable as a real child process, for end-to-end tests of the CLI.
final class PropBotProcess {
    let process = Process()
    private let stdout = Pipe()
    private let stderr = Pipe()

    /// The `propbot` binary next to the test bundle (SwiftPM builds every product with `--build-tests`).
    static var executable: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("propbot")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return repositoryRoot.appendingPathComponent(".build/debug/propbot")
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = Self.repositoryRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
    }

    /// The first line the process writes to stdout. If none comes within `timeout` the process is killed,
    /// which ends the read with whatever was written.
    func firstLine(timeout: Duration = .seconds(90)) async -> String {
        let handle = stdout.fileHandleForReading
        let pid = process.processIdentifier
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            kill(pid, SIGKILL)
        }
        defer { watchdog.cancel() }
        return await Task.detached {
            var bytes: [UInt8] = []
            while true {
                let chunk = handle.readData(ofLength: 1)
                if chunk.isEmpty || chunk.first == UInt8(ascii: "\n") { break }
                bytes.append(contentsOf: chunk)
            }
            return String(decoding: bytes, as: UTF8.self)
        }.value
    }

    /// Sends SIGINT (Ctrl-C) and waits for the exit status.
    func interruptAndWait(timeout: Duration = .seconds(30)) async throws -> Int32 {
        process.interrupt()
        return try await waitForExit(timeout: timeout)
    }

    func waitForExit(timeout: Duration = .seconds(60)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                process.terminate()
                Issue.record("propbot did not exit within \(timeout)")
                break
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Everything on stdout after the process ended.
    func remainingOutput() -> String {
        String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    func errorOutput() -> String {
        String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}

