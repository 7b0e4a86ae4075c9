import Foundation
import PropCore
import Venues

/// Temporary folders and shell helpers for the recording tests.
enum RecordingTestSupport {
    /// A fresh empty folder under the system temp dir, removed after `body`.
    static func withTempDir<T>(_ body: (String) async throws -> T) async rethrows -> T {
        let dir = NSTemporaryDirectory() + "propbot-rec-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        return try await body(dir)
    }

    /// Runs a tool and returns (exit status, stdout).
    static func run(_ tool: String, _ args: [String]) throws -> (Int32, Data) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, data)
    }

    /// `gzip -dc` of a file (independent of our reader).
    static func gunzip(_ path: String) throws -> String {
        String(decoding: try run("/usr/bin/env", ["gzip", "-dc", path]).1, as: UTF8.self)
    }

    /// Segment files in `dir`.
    static func files(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".frames.gz") }.sorted().map { dir + "/" + $0 }
    }

    static func record(_ r: FrameRecorder, _ bytes: [UInt8], _ channel: RecordedChannel, wall: Int64, mono: UInt64, path: String = "") {
        var p = path
        p.withUTF8 { pp in bytes.withUnsafeBytes { r.record($0, channel: channel, wallNanos: wall, monotonicNanos: mono, path: UnsafeRawBufferPointer(pp)) } }
    }
}
