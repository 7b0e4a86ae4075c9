import ArgumentParser
import Foundation
import PropCore
import Venues

/// `propbot md …`: market-data tools.
struct MarketDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "md",
        abstract: "Инструменты рыночных данных.",
        subcommands: [Replay.self]
    )

    /// `propbot md replay --venue V FILE...`: recorded frames through the live codec and book-sync code.
    struct Replay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Прогнать записанные кадры через кодек и синхронизацию стаканов; печатает JSON-отчёт."
        )

        @Option(help: "Биржа: binance, okx или bybit.")
        var venue: String

        @Argument(help: "Файлы записи (формат cryptofeed или JSONL по одному кадру в строке).")
        var files: [String]

        func run() throws {
            guard let venue = Venue(rawValue: venue) else {
                throw ValidationError("--venue: неизвестная биржа «\(self.venue)». Подсказка: binance, okx или bybit")
            }
            let report: ReplayReport
            do {
                report = try MarketReplay.run(venue: venue, files: files)
            } catch let error as any PropError {
                FileHandle.standardError.write(Data((error.operatorText + "\n").utf8))
                throw ExitCode(1)
            }
            try StandardOutput.json(report)
        }
    }
}
