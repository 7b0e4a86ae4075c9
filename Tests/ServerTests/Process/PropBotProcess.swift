import Foundation
import Testing

/// Runs the built `propbot` executable as a real child process, for end-to-end tests of the CLI.
/// Output goes to temporary files rather than pipes, so a chatty process (trace logging) never blocks
/// on a full pipe while the test waits for it.
final class PropBotProcess {
    let process = Process()
    private let stdoutURL: URL
    private let stderrURL: URL

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
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("propbot-\(UUID().uuidString)")
        stdoutURL = tmp.appendingPathExtension("out")
        stderrURL = tmp.appendingPathExtension("err")
        FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = Self.repositoryRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
    }

    /// The first line the process writes to stdout, waiting up to `timeout` for it.
    func firstLine(timeout: Duration = .seconds(90)) async -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let text = output()
            if let newline = text.firstIndex(of: "\n") { return String(text[..<newline]) }
            if !process.isRunning { return text }
            try? await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("no stdout line within \(timeout)")
        return output()
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

    /// Everything written to stdout so far.
    func output() -> String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }

    /// Everything written to stderr so far.
    func errorOutput() -> String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: stdoutURL)
        try? FileManager.default.removeItem(at: stderrURL)
    }
}
