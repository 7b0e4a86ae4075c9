import ArgumentParser
import Foundation
import Ops

/// `propbot config …`: profile files.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Работа с профилями конфигурации.",
        subcommands: [Validate.self]
    )

    /// `propbot config validate FILE`: prints `OK` or every problem, exits non-zero on problems.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Проверить профиль: OK или список ошибок.")

        @Argument(help: "Путь к YAML-профилю, например configs/live.yaml")
        var file: String

        func run() throws {
            do {
                _ = try ProfileLoader.load(path: file, environment: ProcessInfo.processInfo.environment)
                print("OK")
            } catch {
                for issue in error.issues { print(issue.rendered) }
                throw ExitCode(1)
            }
        }
    }
}
