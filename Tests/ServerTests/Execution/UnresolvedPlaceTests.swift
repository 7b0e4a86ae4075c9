import Engine
import Ops
import PropCore
import Server
import Testing
import VenueSim
import Venues

extension ExecutionEndToEnd {
    /// A place without a definite answer stays `unknown` and is resolved by querying the same client id:
    /// never a new id, never a second order on the venue.
    @Suite struct UnresolvedPlace {
        /// Short deadlines: requests give up after 300 ms, places are queried after 500 ms.
        static var options: ExecutorOptions {
            var o = ExecutorOptions()
            o.execution = ExecutionConfig(placeTimeoutMs: 500, cancelTimeoutMs: 500, deadManTimeoutMs: 0,
                                          cancelOnDisconnectMs: 60_000, requestTimeoutMs: 300)
            return o
        }

        @Test(arguments: Venue.allCases)
        func latencyBeyondTheRequestTimeoutIsResolvedByQuery(venue: Venue) async throws {
            try await ExecutionRig.with { rig in
                try await rig.withExecutor(options: Self.options) { h in
                    #expect(h.initialRecovery?.clean == true)
                    let id = ExecutionRig.btc(venue)
                    let draft = await rig.resting(id)
                    let before = await rig.clientIds(venue)
                    let injectedAt = ContinuousClock.now
                    await rig.sim.inject(.latency(venue, millis: 3_000))
                    let result = await h.executor.place(draft, why: "test")
                    guard case .unresolved(let cid, let reason) = result else {
                        await rig.sim.clearFaults()
                        Issue.record("\(venue): expected unresolved, got \(result)")
                        return
                    }
                    #expect(!reason.isEmpty)
                    #expect(await h.executor.order(cid)?.state == .unknown)
                    #expect(await h.executor.unresolvedOrders.map(\.clientOrderId) == [cid])
                    // Nothing is re-sent under a new id while it is unknown.
                    #expect(await h.executor.orders.count == 1)

                    await rig.sim.clearFaults()
                    let resolved = await ExecutionRig.eventually { await h.executor.order(cid)?.state == .acked }
                    let state = await h.executor.order(cid)?.state
                    #expect(resolved, "\(venue): state \(String(describing: state))")
                    #expect(await rig.isOpenOnSim(cid, on: id))

                    // Let the delayed original request reach the venue too: it must not create anything new.
                    let delayedArrives = injectedAt + .milliseconds(3_500)
                    if ContinuousClock.now < delayedArrives { try await Task.sleep(until: delayedArrives) }
                    #expect(await ExecutionRig.eventually { await h.executor.unresolvedOrders.isEmpty })
                    let created = await rig.clientIds(venue).subtracting(before)
                    #expect(created == [cid], "\(venue): new venue orders \(created)")
                    #expect(await rig.sim.state.openOrders(venue: venue, instrument: nil).map(\.clientOrderId) == [cid])
                    let intents = try h.records().filter { $0.entry.kind == .place }
                    #expect(intents.count == 1)
                }
            }
        }

        @Test(arguments: Venue.allCases)
        func serverErrorOnPlaceIsResolvedByQueryUnderTheSameId(venue: Venue) async throws {
            try await ExecutionRig.with { rig in
                try await rig.withExecutor(options: Self.options) { h in
                    let id = ExecutionRig.btc(venue)
                    let draft = await rig.resting(id)
                    let before = await rig.clientIds(venue)
                    await rig.sim.inject(.restError(venue, status: 500, count: 1))
                    let result = await h.executor.place(draft, why: "test")
                    // The executor queries at once, so the place may already be resolved when it returns.
                    let cid = try #require(result.clientOrderId)
                    let settledStates: Set<OrderState> = [.acked, .rejected]
                    let resolved = await ExecutionRig.eventually { settledStates.contains(await h.executor.order(cid)?.state ?? .unknown) }
                    let order = await h.executor.order(cid)
                    #expect(resolved, "\(venue): state \(String(describing: order?.state)), history \(String(describing: order?.history))")
                    // It went through `unknown` (no definite answer) before the venue was asked.
                    #expect(order?.history.contains { $0.to == .unknown } == true, "\(venue): \(String(describing: order?.history))")
                    // Whatever the answer, the tracker and the venue agree, and no other id was used.
                    let created = await rig.clientIds(venue).subtracting(before)
                    if order?.state == .acked {
                        #expect(await rig.isOpenOnSim(cid, on: id))
                        #expect(created == [cid], "\(venue): new venue orders \(created)")
                    } else {
                        // Never reached the venue (the 500 came before matching) and was not re-sent: not placed.
                        #expect(created.isEmpty, "\(venue): new venue orders \(created)")
                    }
                    let intents = try h.records().filter { $0.entry.kind == .place }
                    #expect(intents.count == 1)
                }
            }
        }
    }
}
