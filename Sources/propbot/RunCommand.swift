import ArgumentParser
import Foundation
import Logging
import Ops
import PropCore
import Server
import ServiceLifecycle

/// `propbot run`: the bot. Without arguments: the `demo` profile (simulator in process, API on 127.0.0.1:8000).
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Запустить бота. Без аргументов — профиль demo (встроенный симулятор, API на 127.0.0.1:8000)."
    )

    @Option(help: "Имя профиля из configs/: demo, paper, testnet, live.")
    var profile: String = "demo"

    @Option(help: "Путь к YAML-профилю (вместо --profile).")
    var config: String?

    @Option(help: "Записывать все полученные кадры бирж (публичные и приватные, со временем приёма) в этот каталог (gzip).")
    var record: String?

    func run() async throws {
        let profileConfig = try loadProfile()
        var logger = Logger(label: "propbot")
        logger.logLevel = Logger.Level(rawValue: profileConfig.logging.level.rawValue) ?? .info
        let runtime = PropBotRuntime(profile: profileConfig, logger: logger, recordDirectory: record) { ready in
            // First stdout line: where the API is, machine-readable for scripts and tests.
            try? StandardOutput.json(ready)
        }
        let group = ServiceGroup(configuration: .init(services: [.init(service: runtime)],
                                                      gracefulShutdownSignals: [.sigint, .sigterm], logger: logger))
        try await group.run()
    }

    /// The profile from `--config`, or `configs/<profile>.yaml`; the built-in demo when that file is absent.
    private func loadProfile() throws -> ProfileConfig {
        let path = config ?? ProfileLoader.defaultProfilePath(named: profile)
        if config == nil, profile == "demo", !FileManager.default.fileExists(atPath: path) {
            return ProfileConfig.demoDefault
        }
        do {
            return try ProfileLoader.load(path: path, environment: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data(("Профиль \(path) не принят:\n" + error.issues.map(\.rendered).joined(separator: "\n") + "\n").utf8))
            throw ExitCode(2)
        }
    }
}
