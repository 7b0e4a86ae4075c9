import ArgumentParser
import PropCore

/// `propbot`: the PropBot command line. Each subcommand lives in its own file.
@main
struct PropBotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "propbot",
        abstract: "PropBot — кросс-биржевой арбитраж бессрочных фьючерсов (Binance, OKX, Bybit).",
        version: PropBotVersion.string,
        subcommands: [RunCommand.self, SimCommand.self, ConfigCommand.self, MarketDataCommand.self, DatabaseCommand.self,
                      DrillCommand.self, BacktestCommand.self, AuthCommand.self, AuditCommand.self]
    )
}
