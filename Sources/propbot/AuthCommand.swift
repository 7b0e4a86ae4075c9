import ArgumentParser
import Foundation
import Ops
import PropCore

/// `propbot auth …`: API tokens. Only salted hashes are stored; a new token is printed once.
struct AuthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auth",
        abstract: "Токены доступа к API: выдать, показать владельцев, отозвать.",
        subcommands: [Add.self, List.self, Revoke.self]
    )

    /// Which tokens file: `--tokens-file`, else `ops.tokens_file` of the profile.
    struct Location: ParsableArguments {
        @Option(help: "Имя профиля из configs/ (берётся его ops.tokens_file).")
        var profile: String = "demo"

        @Option(help: "Путь к YAML-профилю (вместо --profile).")
        var config: String?

        @Option(name: .customLong("tokens-file"), help: "Файл токенов напрямую (вместо профиля).")
        var tokensFile: String?

        func store() throws -> TokenStore {
            if let tokensFile { return TokenStore(path: tokensFile) }
            return TokenStore(path: try OpsProfile.load(profile: profile, config: config).ops.tokensFile)
        }
    }

    /// `propbot auth add NAME --role R`: creates a token and prints it once.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Выдать новый токен (показывается один раз).")

        @Argument(help: "Имя владельца (оператора): латиница, цифры, . _ -")
        var name: String

        @Option(help: "Роль: viewer, operator или admin.")
        var role: String

        @OptionGroup var location: Location

        func validate() throws {
            guard Role(rawValue: role) != nil else {
                throw ValidationError("--role: «\(role)» — допустимо viewer, operator или admin")
            }
        }

        func run() throws {
            let store = try location.store()
            let issued = try CLIReport.auth { () throws(AuthError) in
                try store.add(name: name, role: Role(rawValue: role) ?? .viewer, atMs: SystemTimeSource().wallMillis())
            }
            StandardOutput.line("Токен для «\(issued.record.name)» (роль \(issued.record.role)) создан. Он показывается один раз — сохраните его сейчас:")
            StandardOutput.line(issued.reveal())
            StandardOutput.line("В \(store.path) (права 600) хранится только его солёный SHA-256. Запущенный бот подхватит токен сам.")
        }
    }

    /// `propbot auth list`: names, roles, creation times (never hashes or tokens).
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Показать владельцев токенов и их роли.")
        @OptionGroup var location: Location

        func run() throws {
            let store = try location.store()
            let records = try CLIReport.auth { () throws(AuthError) in try store.load() }
            guard !records.isEmpty else {
                StandardOutput.line("Токенов нет (\(store.path)). Выдать: propbot auth add ИМЯ --role operator")
                return
            }
            StandardOutput.line("ИМЯ\tРОЛЬ\tСОЗДАН")
            for r in records { StandardOutput.line("\(r.name)\t\(r.role)\t\(r.createdAt)") }
        }
    }

    /// `propbot auth revoke NAME`.
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Отозвать токен владельца.")

        @Argument(help: "Имя владельца.")
        var name: String

        @OptionGroup var location: Location

        func run() throws {
            let store = try location.store()
            try CLIReport.auth { () throws(AuthError) in try store.revoke(name: name) }
            StandardOutput.line("Токен «\(name)» отозван. Запросы с ним отклоняются (401).")
        }
    }
}

/// The `ops` section of the profile named on the command line, without requiring the trading secrets.
enum OpsProfile {
    static func load(profile: String, config: String?) throws -> (kind: ProfileKind, ops: OpsConfig) {
        let path = config ?? ProfileLoader.defaultProfilePath(named: profile)
        if config == nil, let kind = ProfileKind(rawValue: profile), !FileManager.default.fileExists(atPath: path) {
            return (kind, .defaults(for: kind))
        }
        do {
            let (kind, ops) = try OpsSectionLoader.load(path: path, environment: ProcessInfo.processInfo.environment)
            return (kind, ops)
        } catch {
            CLIReport.fail("профиль \(path) не принят: " + error.issues.map(\.rendered).joined(separator: "; "),
                           hint: "Проверьте файл: propbot config validate \(path)", code: 2)
        }
    }
}

/// Turns operator errors into Russian text on stderr and a non-zero exit.
enum CLIReport {
    @discardableResult
    static func auth<T>(_ body: () throws(AuthError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            fail(error.messageRu, hint: error.hintRu)
        }
    }

    static func fail(_ message: String, hint: String, code: Int32 = 1) -> Never {
        FileHandle.standardError.write(Data("Ошибка: \(message). Подсказка: \(hint)\n".utf8))
        Foundation.exit(code)
    }
}
