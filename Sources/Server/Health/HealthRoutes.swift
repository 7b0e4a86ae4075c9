import Foundation
import Hummingbird
import Ops

/// The health panel, System Status and readiness endpoints (spec §10, `#health-api`, the readiness artefact).
/// A bad query value answers 422 with the field and a Russian hint.
enum HealthRoutes {
    static func add(to router: Router<BasicRequestContext>, monitor: HealthMonitor) {
        router.get("/api/ui/health/summary") { _, _ in try ControlRoutes.json(.ok, await monitor.summary()) }
        router.get("/api/ui/health/components") { request, _ in
            let q = try query { () throws(QueryError) in try OpsQuery.components(params(request)) }
            return try ControlRoutes.json(.ok, await monitor.components(q))
        }
        router.get("/api/ui/health/history") { request, _ in
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            let q = try query { () throws(QueryError) in try OpsQuery.history(params(request), nowMs: now) }
            return try ControlRoutes.json(.ok, await monitor.history(q))
        }
        router.get("/api/ui/status/overview") { request, _ in
            let g = try query { () throws(QueryError) in try OpsQuery.group(params(request)) }
            return try ControlRoutes.json(.ok, await monitor.overview(group: g))
        }
        router.get("/api/ui/status/components") { request, _ in
            let g = try query { () throws(QueryError) in try OpsQuery.group(params(request)) }
            return try ControlRoutes.json(.ok, await monitor.componentsPage(group: g))
        }
        router.get("/api/ui/status/slo") { _, _ in try ControlRoutes.json(.ok, await monitor.sloReport()) }
        router.get("/live-readiness") { _, _ in try ControlRoutes.json(.ok, await monitor.readiness()) }
    }

    static func params(_ request: Request) -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in request.uri.queryParameters { out[String(k)] = String(v) }
        return out
    }

    static func query<T>(_ parse: () throws(QueryError) -> T) throws -> T {
        do { return try parse() } catch {
            throw RefusalError(refusal: .invalidValue(field: error.field, problemRu: error.problemRu, hintRu: error.hintRu))
        }
    }
}
