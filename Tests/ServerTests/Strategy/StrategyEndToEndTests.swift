import Foundation
import Journal
import PropCore
import Testing
import VenueSim

/// The strategy in the running process against the simulator: it finds dislocations, trades both legs through
/// the journal, hedges what a venue refuses, and stays out of a stalled book. Serialized: each test owns a
/// simulator and a 2-core machine should not run three of them at once.
@Suite(.serialized) struct StrategyEndToEndTests {
    /// An arbitrage past its entry whose two entry legs both filled something.
    static func tradedBothLegs(_ a: [String: Any]) -> Bool {
        ["open", "exiting", "closed"].contains(a.phase)
            && a.legs.filter { $0["purpose"] as? String == "entry" && ($0["filled_qty"] as? String).map { Double($0) ?? 0 } ?? 0 > 0 }.count >= 2
    }

    /// TC-S01: opportunities are listed with their Russian reasons, arbitrages complete with both legs, and every
    /// leg's journal intent carries the arbitrage as its parent.
    @Test func demoMarketTradesBothLegsAndTheJournalLinksThem() async throws {
        try await StrategyRig.with { s in
            let traded = await ExecutionRig.eventually(90) {
                ((try? await s.arbitrages()) ?? []).contains(where: Self.tradedBothLegs)
            }
            #expect(traded, "no arbitrage completed its entry within 90 s")
            let opps = try await s.get("/api/opportunities")
            let rows = (opps["opportunities"] as? [[String: Any]]) ?? []
            #expect(!rows.isEmpty)
            #expect(rows.contains { ($0["reason_ru"] as? String)?.isEmpty == false }, "some route must say why it is not traded")
            // The venues' funding rates reach the engine: the carry over the holding time is priced in.
            #expect(rows.contains { (($0["funding_bps"] as? Double) ?? 0) != 0 }, "no route has a funding component")
            for key in ["instrument", "buy_venue", "sell_venue", "size", "gross_edge_bps", "net_edge_bps", "expected_slippage_bps", "fees_bps", "funding_bps"] {
                #expect(rows.first?[key] != nil, "opportunity field \(key)")
            }
            let arbs = try await s.arbitrages()
            let done = try #require(arbs.first(where: Self.tradedBothLegs))
            let id = try #require(done["id"] as? String)
            let intents = try s.journal().filter { $0.entry.kind == .place && $0.entry.parentId == id }
            #expect(intents.count == done.legs.count, "one journal intent per leg of \(id)")
            #expect(intents.allSatisfy { $0.entry.reason?.contains("arb_") == true })
            // The parent record: every phase the arbitrage went through, in order, with its pair and venues.
            let parent = try ArbitrageJournal(database: try JournalDatabase(path: s.journalPath)).records(arbitrageId: id)
            #expect(!parent.isEmpty, "no arbitrage_journal record for \(id)")
            #expect(parent.map(\.phase).contains("open"), "\(parent.map(\.phase))")
            #expect(Set(parent.map(\.phase)).count == parent.count || parent.map(\.phase).contains("exiting"), "phases recorded on change: \(parent.map(\.phase))")
            #expect(parent.allSatisfy { $0.buyInstrument == done["buy"] as? String || $0.buyInstrument.contains("PERP") })
            #expect(parent.last.map { $0.detailJSON.contains("\"legs\"") } == true)
            // Every order of the strategy points at a parent that exists.
            let parents = Set(try ArbitrageJournal(database: try JournalDatabase(path: s.journalPath)).records().map(\.arbitrageId))
            let orphans = try s.journal().filter { $0.entry.kind == .place && $0.entry.parentId.map { !parents.contains($0) } ?? false }
            #expect(orphans.isEmpty, "intents without a parent record: \(orphans.prefix(3).map(\.entry.parentId))")
            // Both venues of the arbitrage hold offsetting positions (or it is already flat again).
            let exposure = try await s.get("/api/ui/exposure")
            let unhedged = (exposure["unhedged"] as? [[String: Any]]) ?? []
            #expect(unhedged.allSatisfy { ($0["breached"] as? Bool) == false })
            let pnl = try await s.get("/api/ui/pnl")
            #expect(pnl["pnl"] != nil)
            let names = ["opps_per_sec", "opportunity_edge_bps", "arbitrages_total", "unhedged_exposure_usd", "unhedged_exposure_seconds"]
            // Published on the strategy's 50 ms timer: give it a moment on a loaded machine.
            var metrics = ""
            _ = await ExecutionRig.eventually(10) {
                metrics = (try? await s.text("/metrics")) ?? ""
                return names.allSatisfy { metrics.contains($0) }
            }
            for name in names { #expect(metrics.contains(name), "metric \(name)") }
        }
    }

    /// TC-S02: a venue refuses one leg ⇒ the lone leg is hedged on another venue or unwound on its own; the
    /// arbitrage ends hedged (open/closed) with the refused leg, the residual order and every intent journalled.
    @Test func aRejectedLegIsHedgedOrUnwoundWithinTheDeadline() async throws {
        try await StrategyRig.with { s in
            for v in Venue.allCases { await s.rig.sim.inject(SimFault(venue: v, kind: .rejectOrders, count: 1)) }
            var found: [String: Any]?
            let ok = await ExecutionRig.eventually(120) {
                let arbs = (try? await s.arbitrages()) ?? []
                found = arbs.first { a in
                    a.legs.contains { ($0["outcome"] as? String)?.hasPrefix("rejected") == true }
                        && a.legs.contains { ["hedge", "unwind"].contains($0["purpose"] as? String ?? "") }
                        && ["open", "closed", "exiting"].contains(a.phase)
                }
                return found != nil
            }
            let recent = (try? await s.arbitrages().prefix(3)) ?? []
            let alerts = (try? await s.get("/api/ui/execution")["alerts"]) ?? []
            #expect(ok, "no arbitrage with a rejected leg was hedged or unwound: \(recent); alerts: \(alerts)")
            if let a = found, let id = a["id"] as? String {
                let all = try s.journal()
                let intents = all.filter { $0.entry.kind == .place && $0.entry.parentId == id }
                let ids = Set(intents.map(\.entry.clientOrderId))
                #expect(intents.count == a.legs.count, "every order of \(id) has an intent with the arbitrage as parent")
                #expect(all.contains { $0.entry.kind == .reject && ids.contains($0.entry.clientOrderId) }, "the venue's reject is in the journal")
            }
        }
    }

    /// TC-S03: a stalled book is not traded: its routes say why and no new arbitrage uses it.
    @Test func aStalledBookBlocksNewArbitragesOnIt() async throws {
        try await StrategyRig.with { s in
            _ = await ExecutionRig.eventually(30) { ((try? await s.get("/api/opportunities")["opportunities"] as? [Any])??.count ?? 0) > 0 }
            await s.rig.sim.inject(SimFault(venue: .bybit, kind: .stall, durationMillis: 60_000))
            try await Task.sleep(for: .seconds(3))
            let before = Set(try await s.arbitrages().compactMap { $0["id"] as? String })
            try await Task.sleep(for: .seconds(8))
            let later = try await s.arbitrages().filter { !before.contains($0["id"] as? String ?? "") }
            #expect(later.allSatisfy { a in !a.legs.contains { ($0["instrument"] as? String)?.hasPrefix("BYBIT") == true && $0["purpose"] as? String == "entry" } },
                    "a new arbitrage used the stalled Bybit book")
        }
    }

    /// TC-S04: venues drop every socket (market data and private streams) while arbitrages run: the order path
    /// reconnects and resynchronises, and every arbitrage still ends hedged or flat, never breaching the bound.
    @Test func socketsDroppedMidArbitrageEndHedgedOrFlat() async throws {
        try await StrategyRig.with { s in
            _ = await ExecutionRig.eventually(60) { !((try? await s.arbitrages()) ?? []).isEmpty }
            for v in Venue.allCases { await s.rig.sim.inject(SimFault(venue: v, kind: .closeSocket)) }
            try await Task.sleep(for: .seconds(2))
            await s.rig.sim.inject(SimFault(venue: .okx, kind: .closeSocket))
            let settled = await ExecutionRig.eventually(40) {
                let arbs = (try? await s.arbitrages()) ?? []
                return !arbs.isEmpty && arbs.allSatisfy { ["open", "closed", "exiting"].contains($0.phase) }
            }
            let arbs = try await s.arbitrages()
            #expect(settled, "arbitrages left unsettled after the drops: \(arbs.filter { !["open", "closed", "exiting"].contains($0.phase) })")
            let exposure = try await s.get("/api/ui/exposure")
            #expect(((exposure["unhedged"] as? [[String: Any]]) ?? []).allSatisfy { ($0["breached"] as? Bool) == false })
            let intents = try s.journal().filter { $0.entry.kind == .place }
            for a in arbs {
                let id = a["id"] as? String ?? ""
                #expect(intents.filter { $0.entry.parentId == id }.count == a.legs.count, "journal intents of \(id)")
            }
        }
    }
}
