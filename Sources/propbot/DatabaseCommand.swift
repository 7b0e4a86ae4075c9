import ArgumentParser
import Foundation
import Journal
import PropCore

/// `propbot db …`: the journal database — schema migrations and an integrity check.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "База журнала: миграции схемы и проверка целостности.",
        subcommands: [Migrate.self, Downgrade.self, Check.self]
    )

    /// Where the database lives.
    struct Location: ParsableArguments {
        @Option(help: "Файл SQLite журнала.")
        var path: String = JournalDatabase.defaultPath
    }

    /// `propbot db migrate`: brings the schema to the latest version.
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Обновить схему до последней версии.")
        @OptionGroup var location: Location

        func run() throws {
            let migrations = JournalMigrations(database: try open(location))
            try report { () throws(JournalError) in try migrations.migrate() }
            let version = try report { () throws(JournalError) in try migrations.currentVersion }
            StandardOutput.line("OK: схема версии \(version)")
        }
    }

    /// `propbot db downgrade --to N`: undoes migrations down to version N.
    struct Downgrade: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Откатить схему до версии N (данные новых версий удаляются).")
        @OptionGroup var location: Location
        @Option(help: "Целевая версия схемы (0 — пустая база).")
        var to: Int

        func validate() throws {
            guard (0...JournalMigrations.latestVersion).contains(to) else {
                throw ValidationError("--to: ожидается версия 0–\(JournalMigrations.latestVersion), получено \(to)")
            }
        }

        func run() throws {
            let migrations = JournalMigrations(database: try open(location))
            try report { () throws(JournalError) in try migrations.downgrade(to: to) }
            let version = try report { () throws(JournalError) in try migrations.currentVersion }
            StandardOutput.line("OK: схема версии \(version)")
        }
    }

    /// `propbot db check`: SQLite integrity plus the journal's hash chain; exit 1 on any problem.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Проверить целостность SQLite и цепочку хешей журнала.")
        @OptionGroup var location: Location

        func run() throws {
            let database = try open(location)
            let integrity = try report { () throws(JournalError) in try database.pragma("integrity_check") }
            guard integrity == "ok" else {
                fail("SQLite сообщает о повреждении файла \(location.path): \(integrity)",
                     hint: "Остановите бота и восстановите базу из резервной копии")
            }
            let version = try report { () throws(JournalError) in try JournalMigrations(database: database).currentVersion }
            guard version == JournalMigrations.latestVersion else {
                fail("схема базы \(location.path) версии \(version), а эта версия бота ожидает \(JournalMigrations.latestVersion)",
                     hint: "Выполните propbot db migrate --path \(location.path)")
            }
            let chain = try report { () throws(JournalError) in try OrderJournal(database: database).verifyChain() }
            if let broken = chain.firstBrokenSeq {
                fail("цепочка хешей журнала нарушена на записи seq=\(broken) (проверено \(chain.rowsChecked))",
                     hint: "Запись изменена или удалена в обход бота; не запускайте торговлю, сохраните файл для разбора")
            }
            StandardOutput.line("OK: целостность SQLite — ok; журнал: \(chain.rowsChecked) записей, цепочка хешей цела")
        }
    }
}

/// Opens the journal database, turning a failure into a Russian message and exit code 1.
private func open(_ location: DatabaseCommand.Location) throws -> JournalDatabase {
    try report { () throws(JournalError) in try JournalDatabase(path: location.path) }
}

/// Runs `body`; a `JournalError` becomes its Russian text on stderr and exit code 1.
private func report<T>(_ body: () throws(JournalError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        fail(error.messageRu, hint: error.hintRu)
    }
}

/// Prints an operator error to stderr and exits with code 1.
private func fail(_ message: String, hint: String) -> Never {
    FileHandle.standardError.write(Data("Ошибка: \(message). Подсказка: \(hint)\n".utf8))
    Foundation.exit(1)
}
