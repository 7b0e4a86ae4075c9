import Foundation
import Logging

/// Every log line (label, level, message, metadata) kept in memory, so a test can search them.
struct CapturingLogHandler: LogHandler {
    /// Lines shared by all handlers made from one sink.
    final class Sink: @unchecked Sendable {
        // Safety: `stored` is only touched under `lock`.
        private let lock = NSLock()
        private var stored: [String] = []
        func append(_ line: String) { lock.lock(); stored.append(line); lock.unlock() }
        var lines: [String] { lock.lock(); defer { lock.unlock() }; return stored }
    }

    let label: String
    let sink: Sink
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?, source: String,
             file: String, function: String, line: UInt) {
        let all = metadata.merging(explicit ?? [:]) { $1 }
        sink.append("\(label) \(level) \(message) \(all.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " "))")
    }

    /// A `.trace` logger writing into `sink`.
    static func logger(_ label: String, sink: Sink) -> Logger {
        var logger = Logger(label: label, factory: { CapturingLogHandler(label: $0, sink: sink) })
        logger.logLevel = .trace
        return logger
    }
}
