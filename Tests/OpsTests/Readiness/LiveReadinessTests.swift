import Foundation
@testable import Ops
import PropCore
import Testing

@Suite("Live readiness")
struct LiveReadinessTests {
    static func greenRegistry() throws -> HealthRegistry {
        var r = HealthRegistry()
        try r.register(all: StandardComponents.catalogue(enabledVenues: Set(Venue.allCases)))
        for id in r.ids { try r.update(id, .ok(), atMs: 0) }
        return r
    }

    static let builder = ReadinessBuilder()

    @Test func allGreenIsReady() throws {
        var e = StatusThresholds.defaults.makeSLOEngine(site: .local, maxClockSkewMs: 500)
        let r = Self.builder.build(state: .run, holdReasons: [], health: try Self.greenRegistry(), slo: e.evaluate(atMs: 0),
                                   leader: LeaderInfo(isLeader: true, fencingToken: 7, required: true), atMs: 0)
        #expect(r.ready && r.reasons.isEmpty && r.adviceRu.isEmpty)
        #expect(r.dataQuorum.ok && r.dataQuorum.fresh == ["binance", "okx", "bybit"])
        #expect(r.venueHalt == ["binance": false, "okx": false, "bybit": false])
        let obj = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(r)) as? [String: Any])
        for key in ["ready", "ok", "reasons", "advice_ru", "leader", "fencing_token", "venue_halt", "data_quorum", "metrics"] {
            #expect(obj[key] != nil, "missing \(key)")
        }
        #expect(obj["fencing_token"] as? Int == 7)
        #expect((obj["metrics"] as? [String: Any])?["budget_remaining"] != nil)
    }

    /// The acceptance: a sustained ws-gap breach ⇒ auto-HOLD input within the window, the control machine
    /// goes to HOLD, readiness names the reasons; recovery ⇒ clear and ready again.
    @Test func sloBreachHoldsAndReadinessSaysWhyThenRecovers() throws {
        var e = StatusThresholds.defaults.makeSLOEngine(site: .local, maxClockSkewMs: 500)
        var machine = ControlStateMachine(state: .run, instruction: OperatorInstruction(mode: .run, by: "ivan", atMs: 0),
                                          redHoldNeedsTwoKeys: true)
        var health = try Self.greenRegistry()
        var t: Int64 = 0
        var heldAt: Int64?
        var report = e.evaluate(atMs: 0)
        while t <= 600_000, heldAt == nil {
            e.recordWsGap(venue: "okx", ms: 2_000, atMs: t)
            e.recordWsGap(venue: "binance", ms: 40, atMs: t)
            if t % 10_000 == 0 {
                report = e.evaluate(atMs: t)
                for input in report.inputs { _ = machine.apply(input, by: .system, atMs: t) }
                if machine.state == .hold { heldAt = t }
            }
            t += 1_000
        }
        let at = try #require(heldAt)
        #expect(at <= SLOPolicy().windowMs + SLOPolicy().bucketMs)
        #expect(machine.holdReasons.map(\.code) == [.mdGap])
        try health.update("md.okx", HealthCheck(status: .red, reasonCode: "WS_STALE", reasonTextRu: "BTCUSDT 3500ms"), atMs: at)
        let r = Self.builder.build(state: machine.state, holdReasons: machine.holdReasons, health: health, slo: report,
                                   leader: .standalone, atMs: at)
        #expect(!r.ready)
        #expect(r.reasons.map(\.code).contains("HOLD"))
        #expect(r.reasons.contains { $0.code == "WS_STALE" && $0.detail == "okx: BTCUSDT 3500ms" })
        #expect(r.reasons.contains { $0.code == "WS_STALE" && $0.detail == "okx: ws_gap_ms_p95 2015 мс > 400 мс" })
        #expect(r.adviceRu.contains("HOLD") && r.adviceRu.contains("WS"))
        #expect(r.dataQuorum.fresh == ["binance", "bybit"])

        // Recovery: fast gaps until the engine clears md_gap; the machine returns to RUN.
        try health.update("md.okx", .ok(), atMs: at + 1)
        var cleared = false
        t = at + 1_000
        while t <= at + 900_000, !cleared {
            e.recordWsGap(venue: "okx", ms: 30, atMs: t)
            if t % 10_000 == 0 {
                report = e.evaluate(atMs: t)
                for input in report.inputs {
                    if case .clearCondition(.mdGap) = input { cleared = true }
                    _ = machine.apply(input, by: .system, atMs: t)
                }
            }
            t += 1_000
        }
        #expect(cleared && machine.state == .run)
        let ok = Self.builder.build(state: machine.state, holdReasons: machine.holdReasons, health: health, slo: report,
                                    leader: .standalone, atMs: t)
        #expect(ok.ready, "\(ok.reasons)")
    }

    @Test func clockReconLeaderAndQuorumReasons() throws {
        var e = StatusThresholds.defaults.makeSLOEngine(site: .local, maxClockSkewMs: 500)
        e.recordClockSkew(ms: 900)
        e.setReconMismatch(2)
        var health = try Self.greenRegistry()
        try health.update("md.binance", HealthCheck(status: .red, reasonCode: "WS_STALE", reasonTextRu: "нет данных 9 с"), atMs: 1)
        try health.update("md.bybit", HealthCheck(status: .red, reasonCode: "WS_STALE", reasonTextRu: "нет данных 9 с"), atMs: 1)
        try health.update("orders.bybit", HealthCheck(status: .red, reasonCode: "EXCHANGE_REJECTS", reasonTextRu: "429"), atMs: 1)
        let r = Self.builder.build(state: .run, holdReasons: [], health: health, slo: e.evaluate(atMs: 0),
                                   leader: LeaderInfo(isLeader: false, fencingToken: 3, required: true),
                                   venueHalt: [.okx], atMs: 0)
        let codes = Set(r.reasons.map(\.code))
        #expect(codes.isSuperset(of: ["CLOCK_SKEW", "RECON_MISMATCH", "NOT_LEADER", "DATA_QUORUM", "VENUE_HALT", "WS_STALE"]))
        #expect(r.venueHalt == ["binance": false, "okx": true, "bybit": true])
        #expect(!r.dataQuorum.ok && r.dataQuorum.fresh == ["okx"])
        #expect(r.reasons.first { $0.code == "CLOCK_SKEW" }?.detail == "clock_skew_ms 900 мс > 500 мс")
        #expect(r.reasons.first { $0.code == "RECON_MISMATCH" }?.detail == "recon_mismatch 2 > 0")
        #expect(!r.leader && r.fencingToken == 3)
    }

    @Test func redP0ComponentAndPauseAreReasons() throws {
        var e = StatusThresholds.defaults.makeSLOEngine(site: .local, maxClockSkewMs: 500)
        var health = try Self.greenRegistry()
        try health.update("journal", HealthCheck(status: .red, reasonCode: "JOURNAL_FSYNC", reasonTextRu: "fsync не проходит"), atMs: 1)
        let r = Self.builder.build(state: .pause, holdReasons: [], health: health, slo: e.evaluate(atMs: 0),
                                   leader: .standalone, atMs: 0)
        #expect(r.reasons.map(\.code) == ["NOT_TRADING", "COMPONENT_RED"])
        #expect(r.reasons[1].detail == "journal: fsync не проходит")
    }
}
