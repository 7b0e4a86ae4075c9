public import PropCore

/// One problem found in a profile: where (YAML path and line), what (stable code), and Russian text for the
/// operator. Messages never contain secret values.
public struct ConfigIssue: PropError, Equatable {
    /// Dotted YAML path of the offending key, e.g. `market_data.reconnect.max_ms` or `instruments[2]`;
    /// empty for problems with the file as a whole.
    public var path: String
    /// 1-based line in the YAML source, when known.
    public var line: Int?
    /// 1-based column in the YAML source, when known.
    public var column: Int?
    /// Stable snake_case code (see `docs/runbooks/config.md`).
    public var code: String
    /// What is wrong, in Russian, without the path (e.g. `ожидалось целое число, получено «abc»`).
    public var problemRu: String
    /// What to do, in Russian.
    public var hintRu: String

    /// Creates an issue.
    public init(path: String, line: Int?, column: Int? = nil, code: String, problemRu: String, hintRu: String) {
        self.path = path; self.line = line; self.column = column
        self.code = code; self.problemRu = problemRu; self.hintRu = hintRu
    }

    /// What is wrong, in Russian, naming the exact key: `Ключ market_data.stale_ms: ожидалось целое число…`.
    public var messageRu: String { path.isEmpty ? problemRu : "Ключ \(path): \(problemRu)" }
}

extension ConfigIssue: CustomStringConvertible {
    /// One line for the operator: `market_data.stale_ms (строка 7): …. Подсказка: …`.
    public var rendered: String {
        var location = path
        if let line {
            location += location.isEmpty ? "строка \(line)" : " (строка \(line))"
        }
        let head = location.isEmpty ? "" : location + ": "
        return "\(head)\(problemRu). Подсказка: \(hintRu)"
    }

    /// Same as `rendered`, prefixed with the code, for logs.
    public var description: String { "[\(code)] \(rendered)" }
}
