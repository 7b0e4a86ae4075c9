import AsyncHTTPClient
import Foundation
@testable import Server
import Testing

/// The OpenAPI document against the real process: every route the running API serves is described, every
/// described operation is served, `/openapi.json` is that document, and the System Status and health contracts
/// hold on a running demo (≥ 20 components, group filter, colours, readiness fields).
@Suite(.serialized) struct OpenAPIContractTests {
    final class Box: @unchecked Sendable {
        // Written once by the runtime's callback before the API answers, read after: no concurrent access.
        var routes: [String] = []
    }

    @Test func everyRouteIsDescribedAndTheStatusContractsHold() async throws {
        let box = Box()
        try await StrategyRig.with(onRoutes: { box.routes = $0 }) { s in
            let served = Set(box.routes.map { $0.replacingOccurrences(of: "HEAD ", with: "GET ") })
            let documented = Set(OpenAPIDocument.operations.map { "\($0.method) \($0.path)" })
            #expect(served.count >= 30, "\(served.sorted())")
            #expect(served.subtracting(documented).isEmpty, "served but not described: \(served.subtracting(documented).sorted())")
            #expect(documented.subtracting(served).isEmpty, "described but not served: \(documented.subtracting(served).sorted())")

            let doc = try await s.get("/openapi.json")
            let paths = try #require(doc["paths"] as? [String: [String: Any]])
            let fromJSON = Set(paths.flatMap { path, ops in ops.keys.map { "\($0.uppercased()) \(path)" } })
            #expect(fromJSON == documented)
            #expect((doc["openapi"] as? String)?.hasPrefix("3.") == true)

            // System Status (§10.1): overall, P0–P3 scores, SLO block, ≥ 20 components with groups, alerts.
            var overview: [String: Any] = [:]
            _ = await ExecutionRig.eventually(30) {
                overview = (try? await s.get("/api/ui/status/overview")) ?? [:]
                return ((overview["components"] as? [[String: Any]]) ?? []).filter { $0["status"] as? String != "GRAY" }.count >= 15
            }
            #expect(["OK", "WARN", "ERROR", "HOLD"].contains(overview["overall"] as? String ?? ""), "\(overview["overall"] ?? "nil")")
            let scores = try #require(overview["scores"] as? [String: Any])
            #expect(Set(scores.keys) == ["P0", "P1", "P2", "P3"])
            let components = try #require(overview["components"] as? [[String: Any]])
            #expect(components.count >= 20)
            for key in ["id", "title", "group", "status", "summary", "metrics", "links"] { #expect(components.first?[key] != nil, "component field \(key)") }
            #expect(overview["slo"] is [String: Any] && overview["alerts"] is [Any])
            let p0 = try await s.get("/api/ui/status/overview?group=P0")
            #expect(((p0["components"] as? [[String: Any]]) ?? []).allSatisfy { $0["group"] as? String == "P0" })

            // Health panel (#health-api): score formula inputs and per-component reasons.
            let summary = try await s.get("/api/ui/health/summary")
            #expect(["GREEN", "YELLOW", "RED"].contains(summary["overall"] as? String ?? ""))
            #expect(summary["score_pct"] is Double || summary["score_pct"] is Int)
            let md = try await s.get("/live-readiness")
            for key in ["ready", "reasons", "advice_ru", "leader", "fencing_token", "venue_halt", "data_quorum"] {
                #expect(md.keys.contains(key), "readiness field \(key)")
            }
            // Every described read answers 200 with JSON on a running process once the strategy has read the venue
            // rules (before that the strategy views answer 503 by design; the stream is read by its own tests).
            let strategyReady = await ExecutionRig.eventually(90) {
                let r = try? await HTTPClient.shared.execute(HTTPClientRequest(url: s.api + "/api/ui/risk/budget"), timeout: .seconds(10))
                return r?.status.code == 200
            }
            #expect(strategyReady)
            for op in OpenAPIDocument.operations where op.method == "GET" && op.path != "/api/ui/stream" {
                let r = try await HTTPClient.shared.execute(HTTPClientRequest(url: s.api + op.path), timeout: .seconds(10))
                let body = String(buffer: try await r.body.collect(upTo: 8 << 20))
                #expect(r.status.code == 200, "\(op.path): \(r.status.code) \(body.prefix(300))")
            }

            let bad = try await HTTPClient.shared.execute(HTTPClientRequest(url: s.api + "/api/ui/status/overview?group=P9"), timeout: .seconds(10))
            let badBody = String(buffer: try await bad.body.collect(upTo: 1 << 16))
            #expect(bad.status.code == 422 && badBody.contains("group"), "\(badBody)")
        }
    }
}
