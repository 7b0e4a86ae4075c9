import ArgumentParser
import Atomics
import Foundation
import Journal
import Logging
import Ops
import PropCore
import Server
import VenueSim
import Venues

/// `propbot drill worker` (internal): one bot life for the crash drill — recover, then trade a few random
/// orders through the real executor, connectors and journal, dying by `kill -9` at the chosen crash point.
struct DrillWorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "worker", abstract: "Внутренняя команда учений.",
                                                    shouldDisplay: false)

    @Option var db: String
    @Option var plan: String
    @Option(help: "JSON-строка адресов симулятора, как её печатает propbot sim.") var urls: String
    @Option var venue: String = "all"
    @Option var epoch: UInt32 = 1
    @Option var seed: UInt64 = 1
    @Option var orders: Int = 4
    @Option(help: "точка:номер, например after_send:2") var crashAt: String?

    func run() async throws {
        var logger = Logger(label: "propbot.drill.worker")
        logger.logLevel = .critical
        let venues = try DrillVenues.parse(venue)
        let database = try JournalDatabase(path: db)
        try JournalMigrations(database: database).migrate()
        let writer = JournalWriter(database: database)
        let endpoints = try DrillEndpoints.parse(urls)
        let sim = SimCredentials()
        let credentials = VenueCredentials(apiKey: sim.apiKey, apiSecret: sim.apiSecret, passphrase: sim.passphrase)
        let execution = ExecutionConfig(placeTimeoutMs: 1_000, cancelTimeoutMs: 1_000)
        var connections: [Venue: VenueConnection] = [:]
        for v in venues {
            connections[v] = VenueConnector.connect(v, urls: endpoints[v]!, credentials: credentials, execution: execution, logger: logger)
        }
        let executor = OrderExecutor(epoch: epoch, writer: writer, venues: connections.mapValues(\.api),
                                     settings: Self.settings(execution), logger: logger,
                                     crashHook: try crashAt.map(CrashTrigger.init(spec:))?.hook)
        var tasks: [Task<Void, Never>] = []
        for connection in connections.values {
            tasks.append(Task { await connection.stream.run() })
            tasks.append(Task { for await event in connection.stream.events { await executor.handle(event) } })
        }
        tasks.append(Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(50))
                await executor.tick()
            }
        })
        let universe = try JSONDecoder().decode(DrillPlan.self, from: Data(contentsOf: URL(fileURLWithPath: plan)))
            .instruments.compactMap { try? InstrumentId(parsing: $0.id) }
        let recovery = await executor.recover(instruments: universe)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if orders > 0, recovery.clean {
            // Orders left resting by the previous life are cancelled first (a cancel after a restart is a
            // life-cycle step too), so open orders — and recovery work — stay bounded over many runs.
            await executor.cancelAll(venue: nil, reason: "drill")
            let maker = DrillOrderMaker(plan: try JSONDecoder().decode(DrillPlan.self, from: Data(contentsOf: URL(fileURLWithPath: plan))))
            var rng = SeededGenerator(seed: seed)
            var placed = 0
            while placed < orders, let (parts, kind) = maker.next(using: &rng) {
                // When the drill chose the mid-batch point, the first order of the run is a batch so the point exists.
                let batchFirst = placed == 0 && crashAt?.hasPrefix(CrashPoint.midBatch.rawValue) == true
                if batchFirst || Int.random(in: 0..<4, using: &rng) == 0 {
                    // A batch of 6 on one venue goes out as two requests: a crash can land between them.
                    var batch = [Self.draft(parts, kind)]
                    for _ in 0..<60 where batch.count < 6 {
                        if let (p, k) = maker.next(using: &rng), p.instrument.venue == parts.instrument.venue { batch.append(Self.draft(p, k)) }
                    }
                    _ = await executor.placeBatch(batch, why: "drill")
                    placed += batch.count
                    continue
                }
                let result = await executor.place(Self.draft(parts, kind), why: "drill")
                placed += 1
                if kind == .resting, Bool.random(using: &rng), let id = result.clientOrderId {
                    await executor.cancel(clientOrderId: id)
                }
            }
            // Let the private streams deliver the fills of what was just placed.
            try? await Task.sleep(for: .milliseconds(300))
        }
        for t in tasks { t.cancel() }
        StandardOutput.line(String(decoding: try encoder.encode(recovery), as: UTF8.self))
    }
}

extension DrillWorkerCommand {
    /// The profile defaults, with batches of 3 so a 6-order batch is two requests on every venue.
    static func settings(_ execution: ExecutionConfig) -> ExecutionSettings {
        var s = ExecutionSettings(execution)
        s.maxBatchOrders = 3
        return s
    }

    static func draft(_ parts: DrillOrderMaker.DraftParts, _ kind: DrillOrderMaker.Kind) -> OrderDraft {
        OrderDraft(instrument: parts.instrument, side: parts.side, type: kind == .market ? .market : .limit,
                   timeInForce: kind == .marketableIOC ? .ioc : .gtc, price: parts.price, qty: parts.qty)
    }
}

/// Kills this process (`SIGKILL`, like a power cut) on the n-th time a chosen crash point is reached.
struct CrashTrigger: Sendable {
    let point: CrashPoint
    let nth: Int
    private let hits = ManagedAtomic<Int>(0)

    init(spec: String) throws {
        let parts = spec.split(separator: ":")
        guard parts.count == 2, let p = CrashPoint(rawValue: String(parts[0])), let n = Int(parts[1]), n > 0 else {
            throw ValidationError("--crash-at: ожидается «точка:номер», например after_send:2; точки: \(CrashPoint.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        point = p; nth = n
    }

    var hook: CrashHook {
        { [point, nth, hits] reached in
            guard reached == point, hits.wrappingIncrementThenLoad(ordering: .relaxed) == nth else { return }
            kill(getpid(), SIGKILL)
        }
    }
}

/// Parses the simulator's endpoint line (`{"binance":{"rest":…,"ws":…},…}`).
enum DrillEndpoints {
    static func parse(_ line: String) throws -> [Venue: VenueBaseURLs] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw ValidationError("--urls: ожидается JSON-строка адресов симулятора, как её печатает propbot sim")
        }
        var out: [Venue: VenueBaseURLs] = [:]
        for venue in Venue.allCases {
            if let pair = object[venue.rawValue] as? [String: Any], let rest = pair["rest"] as? String, let ws = pair["ws"] as? String {
                out[venue] = VenueBaseURLs(rest: rest, ws: ws)
            }
        }
        return out
    }
}
