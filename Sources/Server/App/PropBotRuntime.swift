import Hummingbird
import Logging
public import Ops
public import PropCore
public import ServiceLifecycle
import VenueSim
import Venues

/// What the runtime reports once it is serving.
public struct RuntimeReady: Sendable, Codable, Equatable {
    /// Base URL of the operator API, e.g. `http://127.0.0.1:8000`.
    public var api: String
    /// Profile that is running.
    public var profile: String
}

/// The whole process for `propbot run`: the in-process simulator (demo), the market-data feeds and the
/// HTTP API. A `Service`: it stops on graceful shutdown (Ctrl-C/SIGTERM via the parent `ServiceGroup`),
/// closing the server first, then the feeds, then the simulator.
public struct PropBotRuntime: Service {
    let profile: ProfileConfig
    let logger: Logger
    let time: any TimeSource
    let onReady: @Sendable (RuntimeReady) -> Void
    /// Where received venue frames are recorded (`propbot run --record DIR`); nil = no recording.
    let recordDirectory: String?
    /// Told the API's routes (`METHOD /path`) once the router is built (the OpenAPI contract test).
    var onRoutes: (@Sendable ([String]) -> Void)?

    public init(profile: ProfileConfig, logger: Logger, time: any TimeSource = SystemTimeSource(), recordDirectory: String? = nil,
                onReady: @escaping @Sendable (RuntimeReady) -> Void = { _ in }) {
        self.profile = profile; self.logger = logger; self.time = time; self.onReady = onReady
        self.recordDirectory = recordDirectory
    }

    public func run() async throws {
        let simulator = profile.sim.enabled ? VenueSimulator(config: simulatorConfig, logger: logger.with(component: "sim")) : nil
        let simEndpoints = try await simulator?.start()
        let metrics = MetricsRegistry()
        let recording = try recordDirectory.map { try RecordingSession(directory: $0, time: time) }
        let recorders = { (venue: Venue) -> FrameRecorder? in try? recording?.recorder(for: venue) }
        // The simulator's URLs when it serves the venues, else the profile's: the same for market data and orders.
        let endpoints = { (venue: Venue) -> VenueBaseURLs in
            if let sim = simEndpoints?.endpoints(for: venue) { return VenueBaseURLs(rest: sim.rest, ws: sim.ws) }
            return VenueBaseURLs.configured(venue, in: profile)
        }
        let hub = MarketDataHub(profile: profile, endpoints: endpoints, metrics: metrics, time: time, recorders: recorders,
                                logger: logger.with(component: "md"))

        let execution = try ExecutionPlane(
            profile: profile,
            endpoints: endpoints,
            credentials: { venue in Self.credentials(venue, profile: profile, simulator: simulator?.config.credentials) },
            paperBooks: FeedPaperBookSource(books: { id in hub.book(id) }),
            contractValues: profile.profile.simulatesFills ? await paperContractValues() : [:],
            simulatorBacked: simulator != nil,
            metrics: ExecutionMetrics(factory: metrics.factory),
            recorders: recorders,
            logger: logger.with(component: "exec"))
        // In shadow the executor holds paper venues only, so the strategy's decisions are journalled and filled
        // against the live book while no order can leave the process.
        let strategy = execution.venues.isEmpty ? nil
            : StrategyRunner(profile: profile, hub: hub, executor: execution.executor,
                             metrics: StrategyMetrics(factory: metrics.factory), time: time, logger: logger.with(component: "strategy"))
        let control = try await ControlPlane(profile: profile, hub: hub, execution: execution, strategy: strategy, time: time,
                                             logger: logger.with(component: "control"))
        let stream = EventHub()
        let publisher = StreamPublisher(hub: stream, service: control.service, strategy: strategy, time: time)
        let health = try HealthMonitor(profile: profile, hub: hub, execution: execution, strategy: strategy, control: control,
                                       stream: stream, time: time)
        var sources = APISources(clock: time, metrics: metrics, books: { hub.books() }, execution: execution,
                                 strategy: strategy, control: control,
                                 loopbackOnly: ["127.0.0.1", "::1", "localhost"].contains(profile.server.host), stream: stream)
        sources.health = health
        sources.opsViews = OpsViewRoutes.Context(profile: profile, execution: execution, strategy: strategy, hub: {
            let tops = Dictionary(hub.tops().map { ($0.instrument, $0) }, uniquingKeysWith: { a, _ in a })
            return await hub.rules().sorted { $0.id < $1.id }.map { InstrumentMeta($0, top: tops[$0.id]) }
        }, control: control, health: health, recording: recordDirectory != nil)
        let router = APIRouter.build(sources)
        onRoutes?(router.routes.map { "\($0.method.rawValue) \($0.path)" })
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(profile.server.host, port: profile.server.port), serverName: nil),
            onServerRunning: { [profile, onReady] channel in
                let port = channel.localAddress?.port ?? profile.server.port
                onReady(RuntimeReady(api: "http://\(profile.server.host):\(port)", profile: profile.profile.rawValue))
            },
            logger: logger.with(component: "api")
        )
        defer { logger.info("stopped") }
        // The control plane's loops (guarded startup, stream publisher, health monitor, leader lease) observe and report:
        // they run beside the service group and are stopped once it has, before the simulator goes away.
        let observers = [Task { await control.run() }, Task { await publisher.run() }, Task { await health.run() },
                         Task { if let lease = control.leader { await lease.run() } }]
        var failure: (any Error)?
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await hub.run() }
                group.addTask { await execution.run() }
                if let strategy { group.addTask { await strategy.run() } }
                // The HTTP server returns once graceful shutdown begins; then the feeds are cancelled.
                group.addTask { try await app.run() }
                _ = try await group.next()
                group.cancelAll()
            }
        } catch {
            failure = error
        }
        // Nothing may still be talking to the venues (the simulator's among them) when they are closed.
        for t in observers { t.cancel() }
        for t in observers { await t.value }
        await recording?.close()
        await simulator?.stop()
        if let failure { throw failure }
    }

    /// OKX quantities are contracts: the paper venue needs each contract's coin amount for notional, fees and
    /// margin. Read from the venue's instrument list; without it OKX paper figures would be off by the contract size.
    private func paperContractValues() async -> [InstrumentId: Qty] {
        guard profile.venues[.okx].enabled, !profile.instruments(on: .okx).isEmpty else { return [:] }
        let settings = FeedSettings(profile.marketData, seed: profile.sim.seed)
        let rest = OKXRESTClient(transport: VenueRESTTransport(venue: .okx, baseURL: VenueBaseURLs.configured(.okx, in: profile).rest,
                                                               http: .shared, settings: settings, logger: logger))
        do {
            let rules = try await rest.instruments()
            return Dictionary(rules.map { ($0.id, $0.contractValue) }, uniquingKeysWith: { a, _ in a })
        } catch {
            logger.error("paper: OKX contract sizes unavailable", metadata: ["error": "\(error.messageRu)"])
            return [:]
        }
    }

    /// Keys of `venue`: the simulator's account when it serves the venue, else the profile's secrets (nil = no trading there).
    static func credentials(_ venue: Venue, profile: ProfileConfig, simulator: SimCredentials?) -> VenueCredentials? {
        if let sim = simulator { return VenueCredentials(apiKey: sim.apiKey, apiSecret: sim.apiSecret, passphrase: sim.passphrase) }
        let v = profile.venues[venue]
        guard let key = v.apiKey, let secret = v.apiSecret else { return nil }
        return VenueCredentials(apiKey: key.reveal(), apiSecret: secret.reveal(), passphrase: v.passphrase?.reveal() ?? "")
    }

    private var simulatorConfig: SimulatorConfig {
        SimulatorConfig(seed: profile.sim.seed, basePort: profile.sim.port, tickMillis: profile.sim.tickMs)
    }
}

extension Logger {
    /// A copy of this logger tagged with the component.
    func with(component: String) -> Logger {
        var copy = self
        copy[metadataKey: "component"] = .string(component)
        return copy
    }
}
