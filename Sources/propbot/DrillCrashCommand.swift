import ArgumentParser
import Foundation
import Journal
import Logging
import PropCore
import Server
import VenueSim
import Venues

/// `propbot drill crash`: runs the bot (a worker process) against the simulator, `kill -9`s it at random
/// points of the order life cycle, restarts it, and finally audits the venues against the journal.
struct DrillCrashCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crash",
        abstract: "kill -9 в случайных точках жизни ордера, перезапуск, сверка; JSON-итог, код ≠ 0 при дублях, потерях или расхождениях."
    )

    @Option(help: "Биржи: all, binance, okx, bybit или список через запятую.")
    var venue: String = "all"

    @Option(help: "Число запусков с аварийным завершением.")
    var iterations: Int = 200

    @Option(help: "Ордеров на один запуск.")
    var ordersPerRun: Int = 4

    @Option(help: "Зерно случайных точек сбоя и ордеров.")
    var seed: UInt64 = 7

    @Option(help: "Каталог для базы и планов (по умолчанию — временный).")
    var dir: String?

    func validate() throws {
        guard (1...100_000).contains(iterations) else {
            throw ValidationError("--iterations: ожидается 1–100000, получено \(iterations)")
        }
        guard (1...100).contains(ordersPerRun) else {
            throw ValidationError("--orders-per-run: ожидается 1–100, получено \(ordersPerRun)")
        }
        _ = try DrillVenues.parse(venue)
    }

    func run() async throws {
        let venues = try DrillVenues.parse(venue)
        let started = Date()
        var logger = Logger(label: "propbot.drill")
        logger.logLevel = .error
        let workDir = dir ?? NSTemporaryDirectory() + "propbot-drill-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: workDir, withIntermediateDirectories: true)
        let dbPath = workDir + "/drill.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dbPath + suffix) }
        let simulator = VenueSimulator(config: SimulatorConfig(seed: seed, basePort: 0), logger: logger)
        let endpoints = try await simulator.start()
        var rng = SeededGenerator(seed: seed)
        var report = DrillReport()
        report.iterations = iterations
        let planPath = workDir + "/plan.json"
        for i in 0..<iterations {
            try JSONEncoder().encode(await DrillAudit.plan(sim: simulator.state, venues: venues)).write(to: URL(fileURLWithPath: planPath))
            let point = CrashPoint.allCases.randomElement(using: &rng)!
            // Each run sends at most one batch that splits, so the mid-batch point is reached once.
            let hit = point == .midBatch ? 1 : Int.random(in: 1...3, using: &rng)
            let status = try await DrillWorkerProcess.run(arguments: [
                "--db", dbPath, "--plan", planPath, "--urls", endpoints.jsonLine, "--venue", venue,
                "--epoch", "\(i + 1)", "--seed", "\(seed &+ UInt64(i) &* 7919)", "--orders", "\(ordersPerRun)",
                "--crash-at", "\(point.rawValue):\(hit)",
            ])
            if status.killed { report.killed += 1 }
            if ProcessInfo.processInfo.environment["PROPBOT_DRILL_TRACE"] != nil {
                FileHandle.standardError.write(Data("iteration \(i) \(point.rawValue):\(hit) killed=\(status.killed) t=\(Date().timeIntervalSince(started))\n".utf8))
            }
        }
        let final = try await DrillWorkerProcess.run(arguments: [
            "--db", dbPath, "--plan", planPath, "--urls", endpoints.jsonLine, "--venue", venue,
            "--epoch", "\(iterations + 1)", "--seed", "\(seed)", "--orders", "0",
        ])
        report.finalRecoveryClean = final.lastLine.contains(#""clean":true"#)
        let database = try JournalDatabase(path: dbPath)
        try await DrillAudit.audit(journal: database, sim: simulator.state, venues: venues, into: &report)
        await simulator.stop()
        report.seconds = (Date().timeIntervalSince(started) * 10).rounded() / 10
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        StandardOutput.line(String(decoding: try encoder.encode(report), as: UTF8.self))
        if !report.passed {
            if !report.finalRecoveryClean { FileHandle.standardError.write(Data("итоговая сверка: \(final.lastLine)\n".utf8)) }
            throw ExitCode(1)
        }
    }
}

/// `--venue` parsing shared by the drill commands.
enum DrillVenues {
    static func parse(_ text: String) throws -> [Venue] {
        if text == "all" { return Venue.allCases }
        var out: [Venue] = []
        for name in text.split(separator: ",") {
            guard let v = Venue(rawValue: String(name)) else {
                throw ValidationError("--venue: неизвестная биржа «\(name)». Подсказка: all, binance, okx, bybit или список через запятую")
            }
            out.append(v)
        }
        return out
    }
}

/// Runs `propbot drill worker …` as a child process and waits for it without blocking a thread of the
/// cooperative pool (the in-process simulator needs those threads to answer the worker).
enum DrillWorkerProcess {
    struct Status { var killed: Bool; var exitCode: Int32; var lastLine: String }

    static func run(arguments: [String]) async throws -> Status {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("propbot-drill-worker-\(UUID().uuidString).out")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        var launched: Process?
        // A developer rebuilding the binary meanwhile makes exec fail with "text file busy" for a moment: retry.
        for attempt in 1...50 {
            let process = Process()
            process.executableURL = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
            process.arguments = ["drill", "worker"] + arguments
            process.standardOutput = handle
            process.standardError = FileHandle.nullDevice
            do {
                try process.run()
                launched = process
                break
            } catch {
                if attempt == 50 { throw error }
                try? await Task.sleep(for: .milliseconds(200))
            }
        }
        guard let process = launched else { throw ExitCode(1) }
        while process.isRunning { try? await Task.sleep(for: .milliseconds(5)) }
        process.waitUntilExit()
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let last = text.split(separator: "\n").last.map(String.init) ?? ""
        let killed = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
        return Status(killed: killed, exitCode: process.terminationStatus, lastLine: last)
    }
}
