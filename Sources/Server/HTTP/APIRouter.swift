import Hummingbird
import PropCore
import Venues

/// What the HTTP API reads. Everything comes from the running components; the API holds no state of its own.
public struct APISources: Sendable {
    public var clock: any TimeSource
    public var metrics: MetricsRegistry
    /// Current top of every book, sorted by instrument.
    public var books: @Sendable () async -> [BookView]

    /// The order path, when the profile trades.
    public var execution: ExecutionPlane?
    /// The arbitrage strategy, when the profile trades.
    public var strategy: StrategyRunner?
    /// The control plane (command service, auth, audit); nil only in tests of the read-only API.
    public var control: ControlPlane?
    /// The API listens on loopback only (anonymous local reads apply when the profile allows them).
    public var loopbackOnly: Bool
    /// The operator event stream (`/api/ui/stream`).
    public var stream: EventHub?
    /// Health, status and readiness.
    var health: HealthMonitor?
    /// Reconciliation, invariants, flags, risk budget, latency and instrument views.
    var opsViews: OpsViewRoutes.Context?

    public init(clock: any TimeSource, metrics: MetricsRegistry, books: @escaping @Sendable () async -> [BookView],
                execution: ExecutionPlane? = nil, strategy: StrategyRunner? = nil, control: ControlPlane? = nil,
                loopbackOnly: Bool = true, stream: EventHub? = nil) {
        self.clock = clock; self.metrics = metrics; self.books = books; self.execution = execution; self.strategy = strategy
        self.control = control; self.loopbackOnly = loopbackOnly; self.stream = stream
    }
}

/// Builds the router of the operator API.
public enum APIRouter {
    public static func build(_ sources: APISources) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: OperatorErrorMiddleware())
        if let control = sources.control {
            router.add(middleware: ReadAuthMiddleware(service: control.service, isLocal: sources.loopbackOnly))
            ControlRoutes.add(to: router, plane: control, isLocal: sources.loopbackOnly)
        }
        if let stream = sources.stream { StreamRoute.add(to: router, hub: stream) }
        if let health = sources.health { HealthRoutes.add(to: router, monitor: health) }
        if let views = sources.opsViews { OpsViewRoutes.add(to: router, views) }
        router.get("/api/health") { _, _ in HealthResponse.now(clock: sources.clock) }
        router.get("/api/md/books") { _, _ in await sources.books() }
        router.get("/api/execution/status") { _, _ in try await plane(sources).statusResponse() }
        router.get("/api/execution/orders") { _, _ in try await plane(sources).orderRows() }
        router.get("/api/opportunities") { _, _ in try await strategy(sources).opportunitiesResponse() }
        router.get("/api/ui/pnl") { _, _ in try await ready(strategy(sources).pnlResponse()) }
        router.get("/api/ui/exposure") { _, _ in try await ready(strategy(sources).exposureResponse()) }
        router.get("/api/ui/execution") { _, _ in try await strategy(sources).executionView() }
        router.get("/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(data: OpenAPIDocument.json)))
        }
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(bytes: sources.metrics.exposition())))
        }
        return router
    }

    /// The strategy, or 503 with a Russian reason when this profile does not trade.
    static func strategy(_ sources: APISources) throws -> StrategyRunner { try strategy(sources.strategy) }

    static func strategy(_ strategy: StrategyRunner?) throws -> StrategyRunner {
        guard let s = strategy else {
            throw HTTPError(.serviceUnavailable, message: "Стратегия не запущена: в профиле нет бирж с ключами API")
        }
        return s
    }

    /// A view that exists once the strategy read the venue rules, else 503.
    static func ready<T>(_ value: T?) throws -> T {
        guard let value else {
            throw HTTPError(.serviceUnavailable, message: "Стратегия ещё запускается: правила инструментов не прочитаны, повторите через секунду")
        }
        return value
    }

    /// The order path, or 503 with a Russian reason when this profile does not trade.
    static func plane(_ sources: APISources) throws -> ExecutionPlane { try plane(sources.execution) }

    static func plane(_ execution: ExecutionPlane?) throws -> ExecutionPlane {
        guard let plane = execution else {
            throw HTTPError(.serviceUnavailable, message: "Торговый контур не запущен: в профиле нет бирж с ключами API")
        }
        return plane
    }
}
