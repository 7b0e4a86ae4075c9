import Foundation
import Logging
import MarketData
import PropCore
import VenueSim
import Venues

/// Settings small enough for tests: quick staleness, fast reconnects, shallow snapshots. The stale window
/// leaves room for a loaded CI machine that starves the receive task for a second or two: a spurious
/// stale reconnect there would swallow the very fault a test injected.
extension FeedSettings {
    static let testing = FeedSettings(staleMs: 4000, reconnectInitialMs: 50, reconnectMaxMs: 500, reconnectJitter: 0.2,
                                      pingIntervalMs: 500, snapshotLimit: 100, depth: 200, restTimeoutMs: 2000,
                                      restMaxAttempts: 8, seed: 7)
}

/// Collects feed events on a background task so tests can look back at them.
final class EventLog: @unchecked Sendable {
    // Safety: `items` is only touched under `lock`.
    private let lock = NSLock()
    private var items: [FeedEvent] = []
    func append(_ e: FeedEvent) { lock.lock(); items.append(e); lock.unlock() }
    var all: [FeedEvent] { lock.lock(); defer { lock.unlock() }; return items }
}

/// What a venue-independent test scenario needs from a rig.
protocol FeedRigProtocol: Sendable {
    var sim: VenueSimulator { get }
    var venue: Venue { get }
    var allValid: Bool { get }
    var anyStale: Bool { get }
    var reconnects: Int { get }
    var instrumentIds: [InstrumentId] { get }
    func eventually(_ seconds: Double, _ condition: () async -> Bool) async -> Bool
    func matchesSimulator(_ id: InstrumentId) async -> Bool
    func invalidated(_ reason: BookInvalidReason) -> Set<InstrumentId>
    /// Instruments for which a `bookStale` event was emitted.
    var reportedStale: Set<InstrumentId> { get }
    func metricTotal(_ label: String) -> Int64
}

/// A real simulator on loopback plus one real feed for one venue, torn down after the body.
struct FeedRig<P: VenuePublicProtocol>: FeedRigProtocol {
    let sim: VenueSimulator
    let feed: MarketDataFeed<P>
    let metrics: TestMetricsFactory
    let log: EventLog
    let venue: Venue

    static func with(_ proto: P, settings: FeedSettings = .testing, extraInstruments: [InstrumentId] = [],
                     _ body: (FeedRig<P>) async throws -> Void) async throws {
        // FEED_TEST_LOG=1 (or a file /tmp/feed_test_log) prints the feed's logs when a scenario needs debugging.
        let verbose = ProcessInfo.processInfo.environment["FEED_TEST_LOG"] == "1" || FileManager.default.fileExists(atPath: "/tmp/feed_test_log")
        var quiet = Logger(label: "test", factory: { verbose ? StreamLogHandler.standardError(label: $0) as any LogHandler : SwiftLogNoOpLogHandler($0) as any LogHandler })
        if verbose { quiet.logLevel = .debug }
        let sim = VenueSimulator(config: SimulatorConfig(seed: 42, basePort: 0), logger: quiet)
        let eps = try await sim.start()
        let venue = P.Codec.venue
        let ep = eps.endpoints(for: venue)
        let metrics = TestMetricsFactory()
        let feed = MarketDataFeed(proto: proto, instruments: sim.instruments.filter { $0.venue == venue } + extraInstruments,
                                  restBaseURL: ep.rest, wsBaseURL: ep.ws, settings: settings, metrics: metrics, logger: quiet)
        let log = EventLog()
        let running = Task { await feed.run() }
        let listening = Task { for await e in feed.events { if verbose { print("event:", e) }; log.append(e) } }
        let rig = FeedRig(sim: sim, feed: feed, metrics: metrics, log: log, venue: venue)
        do {
            try await body(rig)
        } catch {
            running.cancel(); listening.cancel(); await running.value; await sim.stop()
            throw error
        }
        running.cancel(); listening.cancel()
        await running.value
        await sim.stop()
    }

    /// Polls `condition` every 50 ms for up to `seconds`; true as soon as it holds.
    func eventually(_ seconds: Double, _ condition: () async -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return await condition()
    }

    /// All books present, valid and fresh.
    var allValid: Bool {
        let b = feed.books()
        return !b.isEmpty && b.allSatisfy { $0.valid && !$0.stale && $0.bid != nil && $0.ask != nil }
    }

    /// The feed's top of `id` equals the simulator's own book right now.
    func matchesSimulator(_ id: InstrumentId) async -> Bool {
        guard let view = feed.book(id), view.valid, let bid = view.bid, let ask = view.ask,
              let state = await sim.instrumentState(id),
              let simBid = state.book.bestBid, let simAsk = state.book.bestAsk else { return false }
        let scale = state.spec.priceScale
        return Price(bid) == Price(units: simBid, scale: scale) && Price(ask) == Price(units: simAsk, scale: scale)
    }

    /// Instruments invalidated for `reason` so far.
    func invalidated(_ reason: BookInvalidReason) -> Set<InstrumentId> {
        Set(log.all.compactMap { if case .bookInvalidated(let id, let r) = $0, r == reason.rawValue { id } else { nil } })
    }

    var reportedStale: Set<InstrumentId> {
        Set(log.all.compactMap { if case .bookStale(let id, _) = $0 { id } else { nil } })
    }

    var anyStale: Bool { feed.books().contains { $0.stale } }
    var reconnects: Int { feed.reconnects }
    var instrumentIds: [InstrumentId] { feed.books().map(\.instrument) }
    func metricTotal(_ label: String) -> Int64 { metrics.total(label, venue: venue.rawValue) }

    var resyncedCount: Int { log.all.filter { if case .bookResynced = $0 { true } else { false } }.count }
}
