public import PropCore

/// A profile was rejected. Holds every problem found, so the operator can fix them all in one pass.
public struct ConfigError: PropError, Equatable, CustomStringConvertible {
    /// Where the text came from (file path or a label such as `api`), for the message.
    public var sourceName: String
    /// All problems, in the order they appear in the file (file-level problems first).
    public var issues: [ConfigIssue]

    /// Creates an error from its issues.
    public init(sourceName: String, issues: [ConfigIssue]) {
        self.sourceName = sourceName; self.issues = issues
    }

    /// Always `config_invalid`; the per-problem codes are in `issues`.
    public var code: String { "config_invalid" }

    /// Russian summary listing every problem, one per line.
    public var messageRu: String {
        let list = issues.enumerated().map { "\($0.offset + 1). \($0.element.rendered)" }.joined(separator: "\n")
        return "Конфигурация «\(sourceName)» отклонена, ошибок: \(issues.count)\n\(list)"
    }

    /// Russian advice on what to do next.
    public var hintRu: String {
        "Исправьте все перечисленные ошибки и проверьте файл командой: propbot config validate \(sourceName)"
    }

    /// The issue codes, in order (handy for tests and metrics).
    public var codes: [String] { issues.map(\.code) }

    public var description: String { messageRu }
}
