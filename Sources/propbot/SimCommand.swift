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
        abstract: "Запустить симулятор бирж отдельно; первая строка вывода — JSON с адресами и тестовыми ключами."
    )

    @Option(help: "Базовый порт: Binance — P, OKX — P+1, Bybit — P+2 (0 — любые свободные).")
    var port: Int = 9100

    @Option(help: "Зерно генератора синтетического рынка.")
    var seed: UInt64 = 42

    @Option(name: .customLong("api-key"), help: "API-ключ симулированного счёта (одинаковый на трёх биржах).")
    var apiKey: String = SimCredentials.defaultApiKey

    @Option(name: .customLong("api-secret"), help: "Секрет симулированного счёта (им проверяются подписи).")
    var apiSecret: String = SimCredentials.defaultApiSecret

    @Option(help: "Пароль API (passphrase) для OKX.")
    var passphrase: String = SimCredentials.defaultPassphrase

    @Option(help: "Начальный баланс USDT каждого счёта (десятичное число > 0, не больше 8 знаков после точки).")
    var balance: String = SimCredentials.defaultBalanceUSDT

    func validate() throws {
        guard (0...65533).contains(port) else {
            throw ValidationError("--port: ожидается число 0–65533, получено \(port). Подсказка: три порта подряд должны поместиться в 65535")
        }
        if let problem = Self.balanceProblem(balance) { throw ValidationError(problem) }
        for (flag, value) in [("--api-key", apiKey), ("--api-secret", apiSecret), ("--passphrase", passphrase)] where value.isEmpty {
            throw ValidationError("\(flag): пустое значение. Подсказка: уберите флаг, чтобы взять значение по умолчанию")
        }
    }

    /// Why `text` is not a usable starting balance (Russian, for the operator), or nil when it is.
    static func balanceProblem(_ text: String) -> String? {
        guard let q = Qty(text) else {
            return "--balance: ожидается десятичное число, получено «\(text)». Подсказка: например --balance 100000 или --balance 2500.5"
        }
        guard q.units > 0 else {
            return "--balance: баланс должен быть больше нуля, получено \(text). Подсказка: например --balance 100000"
        }
        guard q.rescaled(to: 8) != nil, q.doubleValue < 1e10 else {
            return "--balance: слишком много знаков после точки или слишком большое число (\(text)). Подсказка: не больше 8 знаков и меньше 10 000 000 000"
        }
        return nil
    }

    func run() async throws {
        let logger = Logger(label: "propbot.sim")
        let credentials = SimCredentials(apiKey: apiKey, apiSecret: apiSecret, passphrase: passphrase, balanceUSDT: balance)
        let simulator = VenueSimulator(config: SimulatorConfig(seed: seed, basePort: port, credentials: credentials), logger: logger)
        let endpoints = try await simulator.start()
        StandardOutput.line(endpoints.jsonLine(credentials: credentials))
        try await ShutdownSignal.wait()
        await simulator.stop()
    }
}
