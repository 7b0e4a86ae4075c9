import Foundation
import Journal
import Logging
import Ops
import PropCore
import Server
import VenueSim
import Venues

/// A real simulator on loopback ports plus a scratch directory for journal files. Executors are started on
/// it with `startExecutor` (several, one after another, for restart tests). Everything is torn down after the body.
struct ExecutionRig: Sendable {
    let sim: VenueSimulator
    let endpoints: SimEndpoints
    let credentials: SimCredentials
    /// Scratch directory of this rig (journal files live here).
    let directory: URL
    /// Logger handed to the simulator.
    let simLogger: Logger

    /// The journal file executors use unless told otherwise.
    var defaultDatabasePath: String { directory.appendingPathComponent("journal.sqlite").path }

    /// Every instrument of the simulator (the recovery universe).
    var instruments: [InstrumentId] { sim.instruments }

    /// Runs `body` with a fresh simulator (optionally with custom account keys) and always stops it.
    static func with(credentials: SimCredentials = SimCredentials(), seed: UInt64 = 11,
                     _ body: (ExecutionRig) async throws -> Void) async throws {
        let logger = ExecutionRig.quietLogger(label: "exec-test.sim")
        let sim = VenueSimulator(config: SimulatorConfig(seed: seed, basePort: 0, tickMillis: 50, credentials: credentials),
                                 logger: logger)
        let endpoints = try await sim.start()
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("propbot-exec-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let rig = ExecutionRig(sim: sim, endpoints: endpoints, credentials: credentials, directory: directory, simLogger: logger)
        Self.trace("sim started")
        do {
            try await body(rig)
        } catch {
            await stopBounded(sim)
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        for v in Venue.allCases { Self.trace("\(v) ws connections at stop: \(await sim.state.connectionCount(venue: v))") }
        Self.trace("body done; stopping sim")
        await stopBounded(sim)
        Self.trace("sim stopped")
        try? FileManager.default.removeItem(at: directory)
    }

    /// A logger that stays silent unless `EXEC_TEST_LOG=1` (then everything goes to stderr).
    static func quietLogger(label: String) -> Logger {
        let verbose = ProcessInfo.processInfo.environment["EXEC_TEST_LOG"] == "1"
        var logger = Logger(label: label, factory: {
            verbose ? StreamLogHandler.standardError(label: $0) as any LogHandler : SwiftLogNoOpLogHandler($0) as any LogHandler
        })
        logger.logLevel = verbose ? .debug : .critical
        return logger
    }

    /// Stops the simulator, giving up after 20 s: its graceful HTTP shutdown can wait forever on a WebSocket
    /// whose client went away mid-handshake (a simulator issue, reported); a test must not hang on teardown.
    static func stopBounded(_ sim: VenueSimulator) async {
        let stopped = StopFlag()
        Task { await sim.stop(); await stopped.set() }
        if !(await eventually(20) { await stopped.value }) {
            print("ExecutionRig: the simulator did not stop within 20 s; left behind")
        }
    }

    static func trace(_ s: String) {
        if ProcessInfo.processInfo.environment["EXEC_TEST_TRACE"] == "1" { print("TRACE \(ContinuousClock.now) \(s)") }
    }

    /// Polls `condition` until it holds or `seconds` pass (generous: the machine may be loaded).
    static func eventually(_ seconds: Double = 20, _ condition: () async -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return await condition()
    }

    /// Starts an executor (see `startExecutor`), runs `body` with it and always stops its tasks.
    func withExecutor(epoch: UInt32 = 1, options: ExecutorOptions = ExecutorOptions(), databasePath: String? = nil,
                      _ body: (ExecutorHandle) async throws -> Void) async throws {
        let handle = try await startExecutor(epoch: epoch, options: options, databasePath: databasePath)
        do { try await body(handle) } catch {
            await handle.stop()
            throw error
        }
        Self.trace("executor body done")
        await handle.stop()
        Self.trace("executor stopped")
    }

    /// Connections for all three venues with the simulator's endpoints and the rig's keys.
    func connect(execution: ExecutionConfig, logger: Logger,
                 onForbidden: (@Sendable (VenueOrderError) -> Void)? = nil) -> [Venue: VenueConnection] {
        let keys = VenueCredentials(apiKey: credentials.apiKey, apiSecret: credentials.apiSecret,
                                    passphrase: credentials.passphrase)
        var out: [Venue: VenueConnection] = [:]
        for venue in Venue.allCases {
            let e = endpoints.endpoints(for: venue)
            out[venue] = VenueConnector.connect(venue, urls: VenueBaseURLs(rest: e.rest, ws: e.ws), credentials: keys,
                                                execution: execution, onForbidden: onForbidden, logger: logger)
        }
        return out
    }

    /// Starts an executor over the journal at `databasePath` (default file of the rig): connections, stream
    /// consumers (unless `streams` is false), a 20 ms tick loop, and `recover()` first unless `recover` is false.
    func startExecutor(epoch: UInt32 = 1, options: ExecutorOptions = ExecutorOptions(),
                       databasePath: String? = nil) async throws -> ExecutorHandle {
        let database = try JournalDatabase(path: databasePath ?? defaultDatabasePath)
        try JournalMigrations(database: database).migrate()
        let writer = JournalWriter(database: database)
        let slot = ExecutorSlot()
        // The guard's hook must exist before the executor does: it reaches the executor through the slot.
        let onForbidden: @Sendable (VenueOrderError) -> Void = { _ in
            Task { await slot.executor?.hold("запрещённый запрос") }
        }
        let connections = connect(execution: options.execution, logger: options.logger, onForbidden: onForbidden)
        let executor = OrderExecutor(epoch: epoch, writer: writer, venues: connections.mapValues(\.api),
                                     settings: ExecutionSettings(options.execution), logger: options.logger)
        await slot.set(executor)
        let recorder = StreamRecorder()
        let ledger = TaskLedger()
        var tasks: [Task<Void, Never>] = []
        if options.streams {
            for (venue, connection) in connections where options.streamVenues.contains(venue) {
                tasks.append(await ledger.spawn("\(venue) stream") { await connection.stream.run() })
                tasks.append(await ledger.spawn("\(venue) consumer") {
                    for await event in connection.stream.events {
                        await recorder.record(event)
                        await executor.handle(event)
                    }
                })
            }
        }
        tasks.append(await ledger.spawn("tick") {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(20))
                await executor.tick()
            }
        })
        let handle = ExecutorHandle(executor: executor, writer: writer, database: database, connections: connections,
                                    recorder: recorder, tasks: tasks, ledger: ledger,
                                    streamVenues: options.streams ? Venue.allCases.filter(options.streamVenues.contains) : [], onForbidden: onForbidden)
        Self.trace("executor started")
        if options.recover {
            defer { Self.trace("recovered") }
            let report = await executor.recover(instruments: instruments)
            handle.initialRecovery = report
        }
        return handle
    }
}

/// How an executor in a test is set up.
struct ExecutorOptions: Sendable {
    /// Deadlines: place/cancel 1 s, per-request HTTP 5 s unless a test needs timeouts.
    var execution = ExecutionConfig(placeTimeoutMs: 1_000, cancelTimeoutMs: 1_000, deadManTimeoutMs: 0,
                                    cancelOnDisconnectMs: 5_000, requestTimeoutMs: 5_000)
    /// Run the private streams and feed their events to the executor.
    var streams = true
    /// Which venues' private streams run (when `streams` is on).
    var streamVenues: Set<Venue> = Set(Venue.allCases)
    /// Call `recover()` before handing the executor to the test.
    var recover = true
    /// Logger of the executor and the connectors.
    var logger = ExecutionRig.quietLogger(label: "exec-test")
}

/// Reaches an executor created after the closures that need it.
actor ExecutorSlot {
    private(set) var executor: OrderExecutor?
    func set(_ e: OrderExecutor) { executor = e }
}

/// One running executor and what it is wired to. `stop()` cancels its tasks (orders stay on the venue).
final class ExecutorHandle: Sendable {
    let executor: OrderExecutor
    let writer: JournalWriter
    let database: JournalDatabase
    let connections: [Venue: VenueConnection]
    let recorder: StreamRecorder
    let onForbidden: @Sendable (VenueOrderError) -> Void
    private let tasks: [Task<Void, Never>]
    let ledger: TaskLedger
    /// Venues whose private streams this executor runs.
    let streamVenues: [Venue]
    private let recovery = RecoveryBox()

    init(executor: OrderExecutor, writer: JournalWriter, database: JournalDatabase, connections: [Venue: VenueConnection],
         recorder: StreamRecorder, tasks: [Task<Void, Never>], ledger: TaskLedger, streamVenues: [Venue], onForbidden: @escaping @Sendable (VenueOrderError) -> Void) {
        self.executor = executor; self.writer = writer; self.database = database; self.connections = connections
        self.recorder = recorder; self.tasks = tasks; self.ledger = ledger; self.streamVenues = streamVenues; self.onForbidden = onForbidden
    }

    /// The report of the `recover()` the rig ran at start, if any.
    var initialRecovery: RecoveryReport? {
        get { recovery.value }
        set { recovery.value = newValue }
    }

    /// The trading client of `venue`.
    func api(_ venue: Venue) -> any VenueTradingAPI { connections[venue]!.api }

    /// Cancels the stream, consumer and tick tasks and waits for them; nothing is cancelled on the venue.
    /// Streams are first given time to finish connecting: a stream cancelled mid-connect can leave the
    /// simulator's server unable to stop (see `ExecutionRig.stopBounded`).
    func stop() async {
        _ = await waitConnected(streamVenues, within: 10)
        for t in tasks { t.cancel() }
        let ended = await ExecutionRig.eventually(10) { await ledger.running.isEmpty }
        if !ended { print("EXEC-RIG: still running 10 s after cancel: \(await ledger.running.sorted())") }
        for t in tasks { await t.value }
    }

    /// Every journal row, oldest first.
    func records() throws -> [JournalRecord] { try OrderJournal(database: database).records() }

    /// The journal rows of one client order id, oldest first.
    func records(of clientOrderId: String) throws -> [JournalRecord] {
        try records().filter { $0.entry.clientOrderId == clientOrderId }
    }

    /// Waits until every venue's private stream has reported `connected` at least `times` times.
    func waitConnected(_ venues: [Venue] = Venue.allCases, times: Int = 1, within seconds: Double = 20) async -> Bool {
        await ExecutionRig.eventually(seconds) {
            for venue in venues where await recorder.connectedCount(venue) < times { return false }
            return true
        }
    }
}

/// The last recovery report, settable from the rig after the handle is built.
final class RecoveryBox: @unchecked Sendable {
    // Safety: `stored` is only touched under `lock`.
    private let lock = NSLock()
    private var stored: RecoveryReport?
    var value: RecoveryReport? {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}

/// What the private streams delivered, for tests that wait on reconnects.
actor StreamRecorder {
    private var connected: [Venue: Int] = [:]
    private var disconnected: [Venue: Int] = [:]
    private(set) var fills: [FillReport] = []

    func record(_ event: PrivateStreamEvent) {
        switch event {
        case .connected(let v): connected[v, default: 0] += 1
        case .disconnected(let v, _): disconnected[v, default: 0] += 1
        case .fill(let f): fills.append(f)
        default: break
        }
    }

    func connectedCount(_ venue: Venue) -> Int { connected[venue] ?? 0 }
    func disconnectedCount(_ venue: Venue) -> Int { disconnected[venue] ?? 0 }
}


/// Names of the rig's tasks still running, so a teardown that hangs says which one.
actor TaskLedger {
    private(set) var running: Set<String> = []

    func spawn(_ name: String, _ body: @escaping @Sendable () async -> Void) -> Task<Void, Never> {
        running.insert(name)
        return Task {
            await body()
            await self.finish(name)
        }
    }

    private func finish(_ name: String) { running.remove(name) }
}

/// Set once an unstructured stop finished.
actor StopFlag {
    private(set) var value = false
    func set() { value = true }
}
