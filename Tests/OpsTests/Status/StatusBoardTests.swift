import Foundation
@testable import Ops
import PropCore
import Testing

@Suite("System Status board")
struct StatusBoardTests {
    static func registry(allGreen: Bool = true, venues: Set<Venue> = Set(Venue.allCases)) throws -> HealthRegistry {
        var r = HealthRegistry()
        try r.register(all: StandardComponents.catalogue(enabledVenues: venues))
        if allGreen { for id in r.ids { try r.update(id, .ok(metrics: ["lag_ms": 12]), atMs: 0) } }
        return r
    }

    static func slo(_ engine: inout SLOEngine, at: Int64 = 1_000) -> SLOReport { engine.evaluate(atMs: at) }
    static var engine: SLOEngine { StatusThresholds.defaults.makeSLOEngine(site: .local, maxClockSkewMs: 500) }
    static let board = StatusBoard(thresholds: .defaults, site: .local)

    @Test func catalogueHasAtLeastTwentyRealComponentsInAllGroups() {
        let all = StandardComponents.catalogue(enabledVenues: [.binance, .okx])
        #expect(all.count >= 20)
        #expect(Set(all.map(\.id)).count == all.count, "ids are unique")
        for id in ["journal", "journal_outbox", "guarded_startup", "leader_fencing", "recon", "keys_security", "audit",
                   "config", "clock", "risk", "control_state", "stream", "rate_limiter", "strategy",
                   "md.binance", "orders.okx", "conformance.bybit"] {
            #expect(all.contains { $0.id == id }, "missing \(id)")
        }
        #expect(Set(all.map(\.group)) == Set(ComponentGroup.allCases))
        #expect(all.first { $0.id == "md.bybit" }?.enabled == false)
        #expect(all.allSatisfy { !$0.titleRu.isEmpty && !$0.links.isEmpty })
    }

    @Test func overviewMatchesTheContract() throws {
        var e = Self.engine
        let page = Self.board.overview(health: try Self.registry(), slo: Self.slo(&e), state: .run, holdReasons: [], atMs: 1_000)
        #expect(page.overall == .ok)
        let obj = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(page)) as? [String: Any])
        #expect(obj["ts"] as? String == "1970-01-01T00:00:01.000Z")
        #expect(["OK", "WARN", "ERROR", "HOLD"].contains(obj["overall"] as? String ?? ""))
        let scores = try #require(obj["scores"] as? [String: Double])
        #expect(Set(scores.keys) == ["P0", "P1", "P2", "P3"] && scores.values.allSatisfy { (0...1).contains($0) })
        let slo = try #require(obj["slo"] as? [String: Any])
        #expect(Set(slo.keys) == ["ws_gap_ms_p95", "order_cycle_ms_p95", "reject_rate", "cancel_fail_rate",
                                  "recon_mismatch", "max_day_drawdown_bps", "budget_remaining"])
        let cards = try #require(obj["components"] as? [[String: Any]])
        #expect(cards.count >= 20)
        for card in cards {
            #expect(Set(card.keys) == ["id", "title", "group", "status", "summary", "metrics", "links"])
            #expect(["P0", "P1", "P2", "P3"].contains(card["group"] as? String ?? ""))
            let links = try #require(card["links"] as? [[String: String]])
            #expect(links.allSatisfy { Set($0.keys) == ["title", "href"] })
        }
        #expect(obj["alerts"] is [Any])
    }

    @Test func groupFilteringNarrowsTheCards() throws {
        let r = try Self.registry()
        var e = Self.engine
        let slo = Self.slo(&e)
        var total = 0
        for g in ComponentGroup.allCases {
            let page = Self.board.overview(health: r, slo: slo, state: .run, holdReasons: [], atMs: 1_000, group: g)
            #expect(!page.components.isEmpty && page.components.allSatisfy { $0.group == g })
            total += page.components.count
            #expect(Self.board.componentsPage(health: r, state: .run, holdReasons: [], atMs: 0, group: g).components == page.components)
        }
        #expect(total == r.ids.count)
    }

    @Test func simulatedErrorColoursCardGroupAndRaisesAlert() throws {
        var r = try Self.registry()
        try r.update("stream", HealthCheck(status: .red, reasonCode: "STREAM_DOWN", reasonTextRu: "поток недоступен",
                                           hintRu: "Перезапустите сервер"), atMs: 500)
        var e = Self.engine
        let page = Self.board.overview(health: r, slo: Self.slo(&e), state: .run, holdReasons: [], atMs: 1_000)
        #expect(page.components.first { $0.id == "stream" }?.status == .error)
        #expect(page.alerts.contains { $0.componentId == "stream" && $0.severity == .error && $0.since == "1970-01-01T00:00:00.500Z" })
        // P1: 8 components × weight 2, one red ⇒ 7/8 = 0.875: between warn 0.80 and ok 0.95.
        #expect(page.groupStatus["P1"] == .warn)
        #expect(page.overall == .warn)
        let obj = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(page)) as? [String: Any])
        let alert = try #require((obj["alerts"] as? [[String: Any]])?.first)
        #expect(Set(alert.keys).isSuperset(of: ["severity", "title", "msg", "since", "component_id"]))
        #expect(["info", "warn", "error", "critical"].contains(alert["severity"] as? String ?? ""))
    }

    @Test func redP0MakesGroupAndOverallError() throws {
        var r = try Self.registry()
        try r.update("journal", HealthCheck(status: .red, reasonCode: "JOURNAL_FSYNC", reasonTextRu: "fsync не проходит"), atMs: 1)
        var e = Self.engine
        let page = Self.board.overview(health: r, slo: Self.slo(&e), state: .run, holdReasons: [], atMs: 1_000)
        #expect(page.groupStatus["P0"] == .error && page.overall == .error)
        #expect(page.alerts.first?.severity == .critical)
    }

    @Test func colouringFollowsThresholdsIncludingProfileOverride() throws {
        var r = try Self.registry()
        for id in ["engine_queues", "metrics"] {
            try r.update(id, HealthCheck(status: .yellow, reasonCode: "SLOW", reasonTextRu: "медленно"), atMs: 1)
        }
        // P2: 3 components weight 1, two yellow ⇒ (1 + 0.5 + 0.5)/3 ≈ 0.667 < warn 0.70 ⇒ ERROR by default.
        #expect(Self.board.groupScores(r).1[.p2] == .error)
        let yaml = "profile: demo\nstatus:\n  groups:\n    P2: {ok: 0.9, warn: 0.6}\n"
        let config = try ProfileLoader.load(yaml: yaml, environment: [:], sourceName: "demo.yaml")
        let relaxed = StatusBoard(thresholds: StatusThresholds.defaults.applying(config.status.overrides), site: .local)
        #expect(relaxed.groupScores(r).1[.p2] == .warn)
        let (scores, _) = relaxed.groupScores(r)
        #expect(abs(scores[.p2]! - 2.0 / 3) < 1e-12)
    }

    @Test func holdStateMakesOverallAndControlCardHold() throws {
        let reason = HoldReason(code: .slo, detailRu: "order_cycle_ms_p95 = 900 мс", sinceMs: 700)
        var e = Self.engine
        let page = Self.board.overview(health: try Self.registry(), slo: Self.slo(&e), state: .hold, holdReasons: [reason], atMs: 1_000)
        #expect(page.overall == .hold)
        let card = try #require(page.components.first { $0.id == "control_state" })
        #expect(card.status == .hold && card.summary.contains("order_cycle_ms_p95"))
        #expect(page.alerts.first?.code == "HOLD" && page.alerts.first?.since == "1970-01-01T00:00:00.700Z")
    }

    @Test func unmeasuredComponentsAreWarnNotOK() throws {
        var e = Self.engine
        let page = Self.board.overview(health: try Self.registry(allGreen: false, venues: [.binance, .okx]), slo: Self.slo(&e), state: .run,
                                       holdReasons: [], atMs: 0)
        #expect(page.components.filter { $0.id.hasSuffix(".bybit") }.allSatisfy { $0.status == .ok })
        #expect(page.components.first { $0.id == "journal" }?.status == .warn)
        #expect(page.scores["P0"] == 0 && page.overall == .error)
    }
}
