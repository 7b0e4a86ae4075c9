/// Why a recording could not be read or written at all (single bad lines are counted, not thrown).
public enum RecordingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder does not exist or cannot be listed.
    case directoryUnreadable(path: String)
    /// A file could not be opened.
    case fileUnreadable(path: String)

    /// Stable code for logs and metrics.
    public var code: String {
        switch self {
        case .directoryUnreadable: "recording_dir_unreadable"
        case .fileUnreadable: "recording_file_unreadable"
        }
    }

    /// What the operator reads, with a hint.
    public var messageRu: String {
        switch self {
        case .directoryUnreadable(let p): "Папка записи \(p) не читается. Подсказка: проверьте путь и права доступа."
        case .fileUnreadable(let p): "Файл записи \(p) не открывается. Подсказка: проверьте путь и права доступа."
        }
    }

    public var description: String { "\(code): \(messageRu)" }
}
