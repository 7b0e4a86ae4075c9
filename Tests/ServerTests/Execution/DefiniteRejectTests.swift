import Engine
import Journal
import PropCore
import Server
import Testing
import VenueSim
import Venues

extension ExecutionEndToEnd {
    /// A post-only order that would take: a definite answer, closed in the journal, nothing left open.
    @Suite struct DefiniteReject {
        @Test(arguments: [Venue.binance, .okx])
        func postOnlyCrossingIsRejectedWithItsReason(venue: Venue) async throws {
            try await ExecutionRig.with { rig in
                try await rig.withExecutor { h in
                    let id = ExecutionRig.btc(venue)
                    let result = await h.executor.place(await rig.crossingPostOnly(id), why: "test")
                    guard case .rejected(let cid, let error) = result else {
                        Issue.record("\(venue): expected rejected, got \(result)")
                        return
                    }
                    guard case .postOnlyWouldTake = error else {
                        Issue.record("\(venue): expected postOnlyWouldTake, got \(error)")
                        return
                    }
                    #expect(error.outcome == .rejected)
                    #expect(await h.executor.order(cid)?.state == .rejected)
                    // Venue answers are journalled in order but without waiting for the fsync.
                    #expect(await ExecutionRig.eventually { ((try? h.records(of: cid)) ?? []).last?.entry.kind == .reject })
                    let kinds = try h.records(of: cid).map(\.entry.kind)
                    #expect(kinds == [.place, .reject], "\(kinds)")
                    #expect(await rig.sim.state.openOrders(venue: venue, instrument: nil).isEmpty)
                    #expect(await rig.sim.state.position(id)?.qty ?? .zero == .zero)
                }
            }
        }

        /// Bybit accepts a crossing PostOnly order and cancels it at once.
        @Test func bybitPostOnlyCrossingEndsCanceledOrRejected() async throws {
            try await ExecutionRig.with { rig in
                try await rig.withExecutor { h in
                    #expect(await h.waitConnected([.bybit]))
                    let id = ExecutionRig.btc(.bybit)
                    let result = await h.executor.place(await rig.crossingPostOnly(id), why: "test")
                    let cid = try #require(result.clientOrderId, "no client id: \(result)")
                    if case .denied = result { Issue.record("denied: \(result)") }
                    let closed: Set<OrderState> = [.canceled, .rejected]
                    let settled = await ExecutionRig.eventually { closed.contains(await h.executor.order(cid)?.state ?? .new) }
                    let state = await h.executor.order(cid)?.state
                    #expect(settled, "final state \(String(describing: state))")
                    #expect(await ExecutionRig.eventually {
                        let kinds = ((try? h.records(of: cid)) ?? []).map(\.entry.kind)
                        return kinds.contains(.canceled) || kinds.contains(.reject)
                    }, "no closing journal row")
                    let kinds = try h.records(of: cid).map(\.entry.kind)
                    #expect(kinds.first == .place)
                    #expect(!kinds.contains(.fill) && !kinds.contains(.partial))
                    #expect(await rig.sim.state.openOrders(venue: .bybit, instrument: nil).isEmpty)
                    #expect(await rig.sim.state.position(id)?.qty ?? .zero == .zero)
                }
            }
        }
    }
}
