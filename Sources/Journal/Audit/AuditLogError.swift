import PropCore

/// Failures of the audit log, with Russian operator text. (Opening the file reports `JournalError.openFailed`.)
public enum AuditLogError: PropError, Equatable {
    /// The audit table could not be created in the file.
    case schemaFailed(path: String, reason: String)
    /// An audit record could not be written.
    case appendFailed(reason: String)
    /// Audit records could not be read.
    case readFailed(reason: String)

    /// Stable snake_case code for logs and metrics.
    public var code: String {
        switch self {
        case .schemaFailed: "audit_schema_failed"
        case .appendFailed: "audit_append_failed"
        case .readFailed: "audit_read_failed"
        }
    }

    /// What went wrong, in Russian.
    public var messageRu: String {
        switch self {
        case .schemaFailed(let path, let reason): "Не удалось подготовить журнал аудита «\(path)»: \(reason)"
        case .appendFailed(let reason): "Не удалось записать событие в журнал аудита: \(reason)"
        case .readFailed(let reason): "Не удалось прочитать журнал аудита: \(reason)"
        }
    }

    /// What to do about it, in Russian.
    public var hintRu: String {
        switch self {
        case .schemaFailed: "проверьте права на файл и каталог и свободное место на диске"
        case .appendFailed: "без аудита бот переходит в HOLD; проверьте диск и выполните `propbot audit verify`"
        case .readFailed: "проверьте файл командой `propbot audit verify`"
        }
    }
}
