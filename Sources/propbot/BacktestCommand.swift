import ArgumentParser
import Foundation
import Ops
import PropCore
import Server

/// `propbot backtest`: recorded market data (or minutes of the simulator's synthetic market with `--generate`)
/// through the same engine, risk gate and order manager as live, against simulated venues.
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Бэктест: прогнать запись рынка (или синтетический рынок, --generate) через движок, риск и менеджер ордеров."
    )

    @Option(help: "Папка с записью кадров (*.frames.gz).")
    var data: String?

    @Flag(help: "Сначала записать синтетический рынок симулятора в OUT/data и прогнать его.")
    var generate = false

    @Option(help: "Минуты синтетического рынка для --generate.")
    var minutes: Double = 10

    @Option(help: "Путь к YAML-профилю (по умолчанию — встроенный профиль demo).")
    var profile: String?

    @Option(help: "Сид симуляции бирж (и синтетического рынка для --generate).")
    var seed: UInt64 = 1

    @Option(help: "Папка для report.json и report.md.")
    var out: String

    func validate() throws {
        if generate, data != nil { throw ValidationError("--generate и --data вместе не используются. Подсказка: укажите что-то одно") }
        if !generate, data == nil { throw ValidationError("Нужен --data DIR или --generate. Подсказка: propbot backtest --generate --minutes 1 --seed 1 --out /tmp/bt") }
        if generate, !(minutes > 0 && minutes <= 24 * 60) { throw ValidationError("--minutes должно быть от 0 до 1440, получено \(minutes)") }
    }

    func run() throws {
        if case .failure(let error) = perform() {
            FileHandle.standardError.write(Data((error.operatorText + "\n").utf8))
            throw ExitCode(error.code == "backtest_profile_invalid" ? 2 : 1)
        }
    }

    /// Generate (if asked), backtest, write the reports; one line of JSON on stdout.
    func perform() -> Result<Void, BacktestError> {
        do throws(BacktestError) {
            let config = try loadProfile()
            var dataDirectory = data ?? ""
            if generate {
                dataDirectory = out + "/data"
                try Backtest.generate(minutes: minutes, seed: seed, to: dataDirectory)
            }
            let report = try Backtest.run(dataDirectory: dataDirectory, profile: config, options: Backtest.Options(seed: seed))
            try Backtest.write(report, to: out)
            StandardOutput.line(#"{"out":"\#(out)","arbitrages":\#(report.arbitrages),"fills":\#(report.fills),"net_pnl_usdt":"\#(report.netPnlUsdt)","events":\#(report.events),"events_per_s":\#(report.eventsPerS)}"#)
        } catch {
            return .failure(error)
        }
        return .success(())
    }

    /// `--profile FILE`, or the built-in demo profile.
    func loadProfile() throws(BacktestError) -> ProfileConfig {
        guard let profile else { return ProfileConfig.demoDefault }
        guard FileManager.default.isReadableFile(atPath: profile) else {
            throw .profileInvalid(path: profile, details: "файл не найден или не читается")
        }
        do {
            return try ProfileLoader.load(path: profile, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw .profileInvalid(path: profile, details: "\n" + error.issues.map(\.rendered).joined(separator: "\n"))
        }
    }
}
