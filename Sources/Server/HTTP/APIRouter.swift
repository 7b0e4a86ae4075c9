import Hummingbird
import PropCore
import Venues

/// What the HTTP API reads. Everything comes from the running components; the API holds no state of its own.
public struct APISources: Sendable {
    public var clock: any TimeSource
    public var metrics: MetricsRegistry
    /// Current top of every book, sorted by instrument.
    public var books: @Sendable () async -> [BookView]

    public init(clock: any TimeSource, metrics: MetricsRegistry, books: @escaping @Sendable () async -> [BookView]) {
        self.clock = clock; self.metrics = metrics; self.books = books
    }
}

/// Builds the router of the operator API.
public enum APIRouter {
    public static func build(_ sources: APISources) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: OperatorErrorMiddleware())
        router.get("/api/health") { _, _ in HealthResponse.now(clock: sources.clock) }
        router.get("/api/md/books") { _, _ in await sources.books() }
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(bytes: sources.metrics.exposition())))
        }
        return router
    }
}
