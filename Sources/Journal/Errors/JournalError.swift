import PropCore

/// Every failure of the durable order journal, with Russian operator text.
public enum JournalError: PropError, Equatable {
    /// The database file could not be opened or configured.
    case openFailed(path: String, reason: String)
    /// A PRAGMA did not take the value we need for durability.
    case pragmaMismatch(name: String, expected: String, actual: String)
    /// A migration step (up or down) failed.
    case migrationFailed(version: Int, direction: String, reason: String)
    /// The requested schema version is not known to this build.
    case unknownVersion(requested: Int, latest: Int)
    /// Writing a journal row failed.
    case appendFailed(reason: String)
    /// Reading journal rows failed.
    case readFailed(reason: String)

    /// Stable snake_case code for logs and metrics.
    public var code: String {
        switch self {
        case .openFailed: "journal_open_failed"
        case .pragmaMismatch: "journal_pragma_mismatch"
        case .migrationFailed: "journal_migration_failed"
        case .unknownVersion: "journal_unknown_version"
        case .appendFailed: "journal_append_failed"
        case .readFailed: "journal_read_failed"
        }
    }

    /// What went wrong, in Russian, naming the exact item.
    public var messageRu: String {
        switch self {
        case .openFailed(let path, let reason):
            "Не удалось открыть журнал ордеров «\(path)»: \(reason)"
        case .pragmaMismatch(let name, let expected, let actual):
            "Параметр SQLite «\(name)» равен \(actual), а нужен \(expected)"
        case .migrationFailed(let version, let direction, let reason):
            "Миграция журнала v\(version) (\(direction)) не выполнена: \(reason)"
        case .unknownVersion(let requested, let latest):
            "Версия схемы журнала \(requested) неизвестна (последняя: \(latest))"
        case .appendFailed(let reason):
            "Не удалось записать событие в журнал ордеров: \(reason)"
        case .readFailed(let reason):
            "Не удалось прочитать журнал ордеров: \(reason)"
        }
    }

    /// What to do about it, in Russian.
    public var hintRu: String {
        switch self {
        case .openFailed:
            "проверьте путь, права на каталог и свободное место на диске"
        case .pragmaMismatch:
            "торговля без надёжной записи запрещена; проверьте версию SQLite и файловую систему"
        case .migrationFailed:
            "запустите `propbot db check`; база откатится к прежней версии, данные не потеряны"
        case .unknownVersion:
            "укажите версию от 0 до последней в `propbot db downgrade --to N`"
        case .appendFailed:
            "ордер не отправлен (журнал до провода); проверьте диск и `propbot db check`"
        case .readFailed:
            "проверьте файл базы командой `propbot db check`"
        }
    }
}
