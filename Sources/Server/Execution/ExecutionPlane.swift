import Foundation
public import Journal
public import Logging
public import Ops
public import PropCore
public import Venues

/// The order path of a running process: journal, venue connections (real, simulator or paper), the executor,
/// private-stream consumers, deadlines, the dead-man switch refresh, and restart recovery before any trading.
public final class ExecutionPlane: Sendable {
    public let executor: OrderExecutor
    let connections: [Venue: VenueConnection]
    let instruments: [InstrumentId]
    let settings: ExecutionSettings
    let logger: Logger
    /// The last recovery report (nil until the first recovery finished).
    let lastRecovery = LockedValue<RecoveryReport?>(nil)

    /// Builds the plane for `profile`: `endpoints(venue)` gives each venue's URLs, `credentials(venue)` its keys
    /// (nil = venue without trading), `paperBooks` the book source when the profile simulates fills (`paper`, `shadow`).
    public init(profile: ProfileConfig, endpoints: (Venue) -> VenueBaseURLs, credentials: (Venue) -> VenueCredentials?,
                paperBooks: (any PaperBookSource)?, contractValues: [InstrumentId: Qty] = [:],
                simulatorBacked: Bool = false, metrics: ExecutionMetrics? = nil,
                recorders: (Venue) -> FrameRecorder? = { _ in nil }, logger: Logger) throws {
        // The in-process simulator starts with empty accounts every run: a journal from an earlier run describes
        // orders on venues that no longer exist, so it is set aside as `<file>.prev` instead of reconciled.
        if simulatorBacked { Self.archive(profile.storage.path) }
        let database = try JournalDatabase(path: profile.storage.path)
        try JournalMigrations(database: database).migrate()
        let epoch = try Self.nextEpoch(database)
        let execution = profile.execution
        var connections: [Venue: VenueConnection] = [:]
        let holdBox = LockedValue<OrderExecutor?>(nil)
        for venue in Venue.allCases where profile.venues[venue].enabled && !profile.instruments(on: venue).isEmpty {
            if profile.profile.simulatesFills {
                // Paper and shadow never reach a venue's order path, whatever keys the profile holds.
                guard let books = paperBooks else { continue }
                let paper = PaperTradingVenue(settings: PaperSettings(venue: venue, contractValues: contractValues), time: SystemTimeSource())
                let pump = PaperBookPump(source: books, venue: paper, instruments: profile.instruments(on: venue))
                connections[venue] = VenueConnection(api: paper, stream: PaperEventSource(venue: paper, pump: pump))
                continue
            }
            guard let keys = credentials(venue) else { continue }
            connections[venue] = VenueConnector.connect(
                venue, urls: endpoints(venue), credentials: keys, execution: execution,
                simulatedTrading: profile.venues[venue].simulatedTrading,
                onForbidden: { error in
                    // The guard already refused the request; stop trading until an operator looks.
                    if let executor = holdBox.value { Task { await executor.hold("запрещённый запрос: \(error.messageRu)") } }
                },
                recorder: recorders(venue), logger: logger)
        }
        self.connections = connections
        self.instruments = profile.instruments
        self.settings = ExecutionSettings(execution)
        self.logger = logger
        executor = OrderExecutor(epoch: epoch, writer: JournalWriter(database: database),
                                 venues: connections.mapValues(\.api), settings: settings, logger: logger,
                                 metrics: metrics)
        holdBox.set(executor)
    }

    /// Venues with a trading connection.
    public var venues: [Venue] { connections.keys.sorted { $0.rawValue < $1.rawValue } }

    /// Re-measures every venue's clock (the signed clients use the result for their timestamps) and returns the
    /// largest |venue − local| offset in ms; nil when no venue answered.
    public func measureClockSkew() async -> Int? {
        await withTaskGroup(of: Int64?.self) { group in
            for c in connections.values { group.addTask { try? await c.api.syncServerTime() } }
            var worst: Int?
            for await offset in group { if let offset { worst = max(worst ?? 0, Int(abs(offset))) } }
            return worst
        }
    }

    /// Each venue's request budget now: requests waiting for it and how long the venue's rate limit still pauses us.
    public func rateLimits() async -> [(venue: Venue, waiting: Int, pausedForMs: Int64)] {
        var out: [(venue: Venue, waiting: Int, pausedForMs: Int64)] = []
        for venue in venues {
            guard let governor = connections[venue]?.governor else { continue }
            out.append((venue, await governor.waitingCount, await governor.pausedForMs))
        }
        return out
    }

    /// Most recent recovery report.
    public var recovery: RecoveryReport? { lastRecovery.value }

    /// Runs until cancelled: streams and their consumers, deadline ticks, recovery (retried every 10 s until
    /// clean), then the dead-man switch refresh.
    public func run() async {
        guard !connections.isEmpty else { return }
        await withTaskGroup(of: Void.self) { group in
            for connection in connections.values {
                group.addTask { await connection.stream.run() }
                group.addTask { [executor] in
                    for await event in connection.stream.events { await executor.handle(event) }
                }
            }
            group.addTask { [executor] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(50))
                    await executor.tick()
                }
            }
            group.addTask { [self] in
                while !Task.isCancelled {
                    let report = await executor.recover(instruments: instruments)
                    lastRecovery.set(report)
                    logger.notice("recovery", metadata: ["clean": "\(report.clean)", "orphans": "\(report.orphansCancelled)",
                                                         "unresolved": "\(report.ordersStillUnresolved)"])
                    if report.clean { break }
                    try? await Task.sleep(for: .seconds(10))
                }
                while !Task.isCancelled {
                    await executor.refreshDeadManSwitches(instruments: instruments)
                    try? await Task.sleep(for: .milliseconds(settings.deadManRefreshMs))
                }
            }
            await group.waitForAll()
        }
        await executor.cancelDisconnectTimers()
    }

    static func archive(_ path: String) {
        let files = FileManager.default
        guard files.fileExists(atPath: path) else { return }
        // Only the previous run is kept (as `<file>.prev`), so demo restarts do not pile up files.
        for suffix in ["", "-wal", "-shm"] {
            try? files.removeItem(atPath: "\(path).prev\(suffix)")
            if files.fileExists(atPath: path + suffix) { try? files.moveItem(atPath: path + suffix, toPath: "\(path).prev\(suffix)") }
        }
    }

    /// One more than the largest fencing epoch in the journal: every process start writes under a new epoch.
    static func nextEpoch(_ database: JournalDatabase) throws -> UInt32 {
        try OrderJournal(database: database).lastEpoch() &+ 1
    }
}

/// A paper venue's events plus the pump that feeds it books.
struct PaperEventSource: PrivateEventSource {
    let venue: PaperTradingVenue
    let pump: PaperBookPump
    var events: AsyncStream<PrivateStreamEvent> { venue.events }
    func run() async { await pump.run() }
}
