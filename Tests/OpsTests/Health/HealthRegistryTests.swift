import Foundation
@testable import Ops
import Testing

@Suite("Health registry")
struct HealthRegistryTests {
    static func spec(_ id: String, _ group: ComponentGroup = .p1, kind: ComponentKind = .service, weight: Double = 1,
                     enabled: Bool = true, scope: HealthScope = .global) -> ComponentSpec {
        ComponentSpec(id: id, titleRu: "Компонент \(id)", group: group, kind: kind, weight: weight, enabled: enabled, scope: scope)
    }

    static func check(_ s: HealthStatus) -> HealthCheck {
        HealthCheck(status: s, reasonCode: s == .green ? "OK" : "TEST_\(s.rawValue)", reasonTextRu: "тест", hintRu: "подсказка")
    }

    @Test func scoreCountsYellowHalfAndLeavesGrayAndDisabledOut() throws {
        var r = HealthRegistry()
        try r.register(all: [Self.spec("a", weight: 2), Self.spec("b", weight: 1), Self.spec("c", weight: 1),
                             Self.spec("gray", weight: 5), Self.spec("off", weight: 7, enabled: false)])
        try r.update("a", Self.check(.green), atMs: 1)
        try r.update("b", Self.check(.yellow), atMs: 1)
        try r.update("c", Self.check(.red), atMs: 1)
        try r.update("off", Self.check(.green), atMs: 1)
        let s = r.summary(atMs: 1_000)
        // (2 + 0.5·1) / (2 + 1 + 1): "gray" never reported, "off" is disabled.
        #expect(s.scorePct == 62.5)
        #expect(s.counts == ["GREEN": 1, "YELLOW": 1, "RED": 1, "GRAY": 2])
        #expect(s.overall == .red)  // below red_below_pct 70
        #expect(s.ts == "1970-01-01T00:00:01.000Z")
    }

    @Test func overallFollowsPolicyAndRedP0() throws {
        var r = HealthRegistry()
        try r.register(all: (0..<20).map { Self.spec("c\($0)") } + [Self.spec("p0", .p0)])
        for i in 0..<20 { try r.update("c\(i)", Self.check(.green), atMs: 1) }
        try r.update("p0", Self.check(.green), atMs: 1)
        #expect(r.summary(atMs: 1).overall == .green)
        #expect(!r.summary(atMs: 1).requiresHold)
        try r.update("c0", Self.check(.red), atMs: 2)
        let one = r.summary(atMs: 2)
        #expect(one.overall == .yellow)  // one red P1 of 21: 95.2 %, no red P0
        try r.update("p0", Self.check(.red), atMs: 3)
        let p0 = r.summary(atMs: 3)
        #expect(p0.overall == .red && p0.requiresHold && p0.redP0 == ["p0"])
    }

    @Test func nothingMeasuredIsGray() throws {
        var r = HealthRegistry()
        try r.register(Self.spec("a"))
        let s = r.summary(atMs: 0)
        #expect(s.overall == .gray && s.scorePct == 0)
    }

    @Test func unknownAndDuplicateIdsAreTypedErrors() throws {
        var r = HealthRegistry()
        try r.register(Self.spec("a"))
        #expect(throws: HealthError.duplicateComponent("a")) { try r.register(Self.spec("a")) }
        #expect(throws: HealthError.unknownComponent("nope")) { try r.update("nope", .ok(), atMs: 0) }
        #expect(throws: HealthError.invalidWeight(id: "w", weight: -1)) { try r.register(Self.spec("w", weight: -1)) }
        #expect(HealthError.unknownComponent("x").messageRu.contains("«x»"))
    }

    @Test func componentsFilterByScopeTypeAndGroup() throws {
        var r = HealthRegistry()
        try r.register(all: [
            Self.spec("journal", .p0, kind: .storage),
            Self.spec("md.binance", .p0, kind: .connector, scope: HealthScope(venue: "binance")),
            Self.spec("orders.okx", .p0, kind: .connector, scope: HealthScope(venue: "okx")),
            Self.spec("stream", .p1),
        ])
        try r.update("md.binance", HealthCheck(status: .red, reasonCode: "WS_STALE", reasonTextRu: "BTCUSDT 3500ms",
                                               scope: HealthScope(venue: "binance", symbol: "BTCUSDT")), atMs: 5)
        #expect(r.components().map(\.componentId) == ["journal", "md.binance", "orders.okx", "stream"])
        #expect(r.components(scope: .venue).map(\.componentId) == ["orders.okx"])
        #expect(r.components(scope: .symbol).map(\.componentId) == ["md.binance"])
        #expect(r.components(kind: .connector).count == 2)
        #expect(r.components(group: .p1).map(\.componentId) == ["stream"])
        let md = try #require(r.components(kind: .connector).first)
        #expect(md.lastErrorAt == "1970-01-01T00:00:00.005Z" && md.reasonCode == "WS_STALE")
    }

    @Test func componentJSONUsesSpecFieldNames() throws {
        var r = HealthRegistry()
        try r.register(Self.spec("exec-svc", .p0, kind: .function))
        try r.update("exec-svc", HealthCheck(status: .red, reasonCode: "EXCHANGE_REJECTS",
                                             reasonTextRu: "Биржа отклоняет заявки (429/5xx)",
                                             hintRu: "Включён backoff"), atMs: 0)
        let data = try JSONEncoder().encode(r.components())
        let row = try #require((try JSONSerialization.jsonObject(with: data) as? [[String: Any]])?.first)
        for key in ["component_id", "status", "weight", "reason_code", "reason_text_ru", "hint_ru", "last_error_at"] {
            #expect(row[key] != nil, "missing \(key)")
        }
        #expect(row["status"] as? String == "RED")
        let summary = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(r.summary(atMs: 0))) as? [String: Any])
        #expect(Set(summary.keys).isSuperset(of: ["score_pct", "overall", "counts", "ts"]))
    }

    @Test func disabledComponentShowsGrayWithReason() throws {
        var r = HealthRegistry()
        try r.register(Self.spec("md.bybit", enabled: false))
        let row = try #require(r.components().first)
        #expect(row.status == .gray && row.reasonCode == "DISABLED")
    }

    @Test func historyBucketsAverageAndKeepWorst() throws {
        var r = HealthRegistry()
        try r.register(all: [Self.spec("a"), Self.spec("b")])
        try r.update("a", Self.check(.green), atMs: 0)
        try r.update("b", Self.check(.green), atMs: 0)
        r.recordSample(atMs: 0)               // 100
        try r.update("b", Self.check(.red), atMs: 100_000)
        r.recordSample(atMs: 100_000)         // 50
        try r.update("b", Self.check(.green), atMs: 310_000)
        r.recordSample(atMs: 310_000)         // 100, second bucket
        r.recordSample(atMs: 900_000)         // outside `to`
        let h = r.history(fromMs: 0, toMs: 600_000, bucketMs: 300_000)
        #expect(h.points.count == 2)
        #expect(h.points[0].scorePct == 75 && h.points[0].scorePctMin == 50 && h.points[0].samples == 2)
        #expect(h.points[0].components["b"] == .red && h.points[0].overall == .red)
        #expect(h.points[1].ts == "1970-01-01T00:05:00.000Z" && h.points[1].overall == .green)
    }

    @Test func historyRingIsBounded() throws {
        var r = HealthRegistry(historyCapacity: 3)
        try r.register(Self.spec("a"))
        for t in 0..<10 { r.recordSample(atMs: Int64(t) * 1000) }
        let h = r.history(fromMs: 0, toMs: 100_000, bucketMs: 1000)
        #expect(h.points.map(\.ts) == ["1970-01-01T00:00:07.000Z", "1970-01-01T00:00:08.000Z", "1970-01-01T00:00:09.000Z"])
    }
}
