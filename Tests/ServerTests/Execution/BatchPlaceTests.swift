import Engine
import Journal
import PropCore
import Server
import Testing
import VenueSim
import Venues

extension ExecutionEndToEnd {
    /// Batches: every intent durable before the first request, sent in the venue's batch size, one result each.
    @Suite struct BatchPlace {
        @Test(arguments: Venue.allCases)
        func sevenRestingOrdersAreJournalledFirstThenSentInVenueSizedRequests(venue: Venue) async throws {
            try await ExecutionRig.with { rig in
                try await rig.withExecutor { h in
                    let id = ExecutionRig.btc(venue)
                    var drafts: [OrderDraft] = []
                    for _ in 0..<7 { drafts.append(await rig.resting(id)) }
                    let before = await rig.clientIds(venue)
                    let results = await h.executor.placeBatch(drafts, why: "test")
                    #expect(results.count == 7)
                    let ids = results.compactMap(\.clientOrderId)
                    #expect(Set(ids).count == 7, "\(results)")
                    for r in results {
                        guard case .accepted(_, let state) = r else { Issue.record("\(venue): \(r)"); continue }
                        #expect(state == .acked)
                    }
                    // Exactly these seven reached the venue, each once.
                    #expect(await rig.clientIds(venue).subtracting(before) == Set(ids))
                    // All seven intents precede every venue answer in the journal.
                    #expect(await ExecutionRig.eventually { ((try? h.records()) ?? []).filter { $0.entry.kind == .ack }.count >= 7 })
                    let kinds = try h.records().filter { ids.contains($0.entry.clientOrderId) }.map(\.entry.kind)
                    #expect(Array(kinds.prefix(7)) == Array(repeating: .place, count: 7), "\(kinds)")
                    for cid in ids { #expect(await rig.isOpenOnSim(cid, on: id)) }
                    await h.executor.cancelAll(venue: venue, reason: "test")
                    #expect(await ExecutionRig.eventually { await rig.sim.state.openOrders(venue: venue, instrument: nil).isEmpty })
                }
            }
        }

        @Test func aBatchAcrossVenuesIsDeniedAndNothingIsJournalled() async throws {
            try await ExecutionRig.with { rig in
                try await rig.withExecutor { h in
                    let drafts = [await rig.resting(ExecutionRig.btc(.binance)), await rig.resting(ExecutionRig.btc(.okx))]
                    let rows = try h.records().count
                    let results = await h.executor.placeBatch(drafts, why: "test")
                    for r in results {
                        guard case .denied(let code, let text) = r else { Issue.record("\(r)"); continue }
                        #expect(code == "batch_mixed_venues" && text.contains("разных биржах"))
                    }
                    #expect(try h.records().count == rows)
                }
            }
        }
    }
}
