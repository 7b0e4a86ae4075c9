/// Log output settings.
public struct LoggingConfig: Sendable, Equatable, Encodable {
    /// Log levels, the same names as swift-log's `Logger.Level`.
    public enum Level: String, Sendable, CaseIterable, Codable {
        case trace, debug, info, notice, warning, error, critical
    }

    /// Log line format.
    public enum Format: String, Sendable, CaseIterable, Codable {
        /// Human-readable lines.
        case text
        /// One JSON object per line, for log shippers.
        case json
    }

    /// Minimum level written.
    public var level: Level
    /// Line format.
    public var format: Format

    /// Creates a logging section.
    public init(level: Level = .info, format: Format = .text) {
        self.level = level; self.format = format
    }
}
