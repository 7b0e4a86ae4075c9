import ArgumentParser

/// `propbot drill`: failure drills against the built-in simulator.
struct DrillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drill",
        abstract: "Учения: проверка безопасности ордеров при сбоях (против встроенного симулятора).",
        subcommands: [DrillCrashCommand.self, DrillWorkerCommand.self]
    )
}
