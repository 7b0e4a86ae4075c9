import ArgumentParser
import Foundation
import Journal
import Ops
import PropCore

/// `propbot audit …`: the hash-chained audit log.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Журнал аудита действий операторов: проверка целостности.",
        subcommands: [Verify.self]
    )

    /// `propbot audit verify`: exit 0 when the chain is intact, 1 with the first broken record otherwise.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Проверить цепочку хешей журнала аудита.")

        @Option(help: "Имя профиля из configs/ (берётся его ops.audit_path).")
        var profile: String = "demo"

        @Option(help: "Путь к YAML-профилю (вместо --profile).")
        var config: String?

        @Option(help: "Файл журнала аудита напрямую (вместо профиля).")
        var db: String?

        func run() throws {
            let path = try db ?? OpsProfile.load(profile: profile, config: config).ops.auditPath
            guard FileManager.default.fileExists(atPath: path) else {
                CLIReport.fail("журнала аудита \(path) нет", hint: "Проверьте путь (ops.audit_path в профиле или --db)")
            }
            let report: AuditVerifyReport
            do {
                report = try AuditLog.open(path: path).verify()
            } catch let error as any PropError {
                CLIReport.fail(error.messageRu, hint: error.hintRu)
            } catch {
                CLIReport.fail("журнал аудита \(path) не открыт: \(error)", hint: "Проверьте файл и права доступа")
            }
            guard report.isIntact else {
                CLIReport.fail("\(path): \(report.summaryRu)",
                               hint: "Запись изменена, удалена или переставлена в обход бота; сохраните копию файла для разбора и выясните, у кого был доступ")
            }
            StandardOutput.line("OK: \(path): \(report.summaryRu)")
        }
    }
}
