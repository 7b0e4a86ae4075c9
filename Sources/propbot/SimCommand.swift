import ArgumentParser
import Foundation
import Logging
import PropCore
import ServiceLifecycle
import VenueSim

/// `propbot sim`: the venue simulator on its own, until Ctrl-C.
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Запустить симулятор бирж отдельно; первая строка вывода — JSON с адресами."
    )

    @Option(help: "Базовый порт: Binance — P, OKX — P+1, Bybit — P+2 (0 — любые свободные).")
    var port: Int = 9100

    @Option(help: "Зерно генератора синтетического рынка.")
    var seed: UInt64 = 42

    func validate() throws {
        guard (0...65533).contains(port) else {
            throw ValidationError("--port: ожидается число 0–65533, получено \(port). Подсказка: три порта подряд должны поместиться в 65535")
        }
    }

    func run() async throws {
        let logger = Logger(label: "propbot.sim")
        let simulator = VenueSimulator(config: SimulatorConfig(seed: seed, basePort: port), logger: logger)
        let endpoints = try await simulator.start()
        StandardOutput.line(endpoints.jsonLine)
        try await ShutdownSignal.wait()
        await simulator.stop()
    }
}
