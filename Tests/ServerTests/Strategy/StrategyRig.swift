import AsyncHTTPClient
import Foundation
import Journal
import Logging
import Ops
import PropCore
@testable import Server
import ServiceLifecycle
import VenueSim

/// The whole process (`PropBotRuntime`: feeds, order path, strategy, HTTP API) against a simulator the test
/// owns, so it can inject faults. Everything goes over real loopback sockets; the test reads what the
/// operator reads (the HTTP API) and the journal file.
struct StrategyRig: Sendable {
    let rig: ExecutionRig
    let api: String
    let journalPath: String

    /// A demo-like profile trading the rig's simulator accounts, API on a free port.
    static func profile(_ rig: ExecutionRig, journal: String, strategy: StrategyConfig) -> ProfileConfig {
        func venue(_ v: Venue) -> VenueConfig {
            let e = rig.endpoints.endpoints(for: v)
            return VenueConfig(enabled: true, restURL: e.rest, wsURL: e.ws, apiKey: Secret(rig.credentials.apiKey),
                               apiSecret: Secret(rig.credentials.apiSecret), passphrase: Secret(rig.credentials.passphrase))
        }
        return ProfileConfig(profile: .demo, server: ServerConfig(host: "127.0.0.1", port: 0),
                             sim: SimConfig(enabled: false), storage: StorageConfig(path: journal),
                             marketData: MarketDataConfig(), strategy: strategy,
                             risk: RiskConfig(level: 100, maxOpenArbitrages: 3, maxInFlightOrders: 12, maxOrdersPerSecond: 20),
                             venues: VenuesConfig(binance: venue(.binance), okx: venue(.okx), bybit: venue(.bybit)),
                             instruments: ProfileConfig.demoInstruments, logging: LoggingConfig(level: .info, format: .text))
    }

    /// The demo's low bar, so the simulator's dislocations trade within seconds.
    static let tradingStrategy = StrategyConfig(orderAmount: 100, minProfitability: 2, slippageBuffer: 1,
                                                exit: StrategyExitConfig(convergeBps: 2, onFunding: true, maxAgeMs: 20_000))

    /// Runs `body` with a fresh simulator and the process on it; always shuts both down.
    static func with(strategy: StrategyConfig = tradingStrategy, seed: UInt64 = 7,
                     onRoutes: (@Sendable ([String]) -> Void)? = nil,
                     beforeStart: (ExecutionRig) async -> Void = { _ in },
                     configure: (inout ProfileConfig) -> Void = { _ in },
                     _ body: (StrategyRig) async throws -> Void) async throws {
        try await ExecutionRig.with(seed: seed) { rig in
            await beforeStart(rig)
            let journal = rig.directory.appendingPathComponent("strategy.sqlite").path
            let ready = ReadyBox()
            var profile = profile(rig, journal: journal, strategy: strategy)
            configure(&profile)
            var runtime = PropBotRuntime(profile: profile,
                                         logger: ExecutionRig.quietLogger(label: "strategy-test"),
                                         onReady: { r in Task { await ready.set(r.api) } })
            runtime.onRoutes = onRoutes
            let group = ServiceGroup(configuration: .init(services: [runtime], logger: ExecutionRig.quietLogger(label: "group")))
            let task = Task { try await group.run() }
            defer { task.cancel() }
            guard await ExecutionRig.eventually(30, { await ready.value != nil }), let api = await ready.value else {
                throw RigError.notReady
            }
            let s = StrategyRig(rig: rig, api: api, journalPath: journal)
            do { try await body(s) } catch {
                await group.triggerGracefulShutdown(); _ = await task.result
                throw error
            }
            await group.triggerGracefulShutdown()
            _ = await task.result
        }
    }

    enum RigError: Error { case notReady }

    /// GET a JSON object from the API.
    func get(_ path: String) async throws -> [String: Any] {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: api + path), timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 8 << 20)
        return (try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]) ?? [:]
    }

    /// GET a text body (the metrics exposition).
    func text(_ path: String) async throws -> String {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: api + path), timeout: .seconds(10))
        return String(buffer: try await response.body.collect(upTo: 8 << 20))
    }

    /// Every arbitrage the API lists (newest first).
    func arbitrages() async throws -> [[String: Any]] {
        (try await get("/api/ui/execution")["arbitrages"] as? [[String: Any]]) ?? []
    }

    /// Journal rows of the run.
    func journal() throws -> [JournalRecord] {
        try OrderJournal(database: try JournalDatabase(path: journalPath)).records()
    }
}

/// The API address, once the server listens.
actor ReadyBox {
    var value: String?
    func set(_ v: String) { value = v }
}

extension Dictionary where Key == String, Value == Any {
    var legs: [[String: Any]] { (self["legs"] as? [[String: Any]]) ?? [] }
    var phase: String { (self["phase"] as? String) ?? "" }
}
