import Engine
import Ops
import PropCore
import Server
import Testing
import VenueSim
import Venues

extension ExecutionEndToEnd {
    /// A dropped private stream: open orders cancelled unless it is back within the bound; missed fills
    /// fetched after the reconnect.
    @Suite struct Disconnect {
        /// Streams are driven by the test (no stream tasks), with a 300 ms cancel-on-disconnect bound.
        static var manualStreams: ExecutorOptions {
            var o = ExecutorOptions()
            o.streams = false
            o.execution = ExecutionConfig(placeTimeoutMs: 1_000, cancelTimeoutMs: 1_000, deadManTimeoutMs: 0,
                                          cancelOnDisconnectMs: 300, requestTimeoutMs: 5_000)
            return o
        }

        @Test(arguments: Venue.allCases)
        func streamNotBackWithinTheBoundCancelsOpenOrders(venue: Venue) async throws {
            try await ExecutionRig.with { rig in
                try await rig.withExecutor(options: Self.manualStreams) { h in
                    let id = ExecutionRig.btc(venue)
                    let cid = try #require(await h.executor.place(await rig.resting(id), why: "test").clientOrderId)
                    #expect(await rig.isOpenOnSim(cid, on: id))
                    let droppedAt = ContinuousClock.now
                    await h.executor.handle(.disconnected(venue: venue, reason: "test"))
                    #expect(await h.executor.alerts.contains { $0.code == "private_stream_down" })
                    #expect(await ExecutionRig.eventually { !(await rig.isOpenOnSim(cid, on: id)) }, "\(venue): still open")
                    let elapsed = ContinuousClock.now - droppedAt
                    // Not before the bound; well within it plus a generous margin for a loaded machine.
                    #expect(elapsed >= .milliseconds(300))
                    #expect(elapsed < .milliseconds(300) + .seconds(10), "\(venue): took \(elapsed)")
                    #expect(await ExecutionRig.eventually { await h.executor.alerts.contains { $0.code == "cancel_on_disconnect" } })
                    #expect(await ExecutionRig.eventually { await h.executor.order(cid)?.state == .canceled })
                    #expect(await rig.sim.state.openOrders(venue: venue, instrument: nil).isEmpty)
                }
            }
        }

        @Test(arguments: Venue.allCases)
        func streamBackWithinTheBoundKeepsOrdersAndResynchronises(venue: Venue) async throws {
            try await ExecutionRig.with { rig in
                try await rig.withExecutor(options: Self.manualStreams) { h in
                    let id = ExecutionRig.btc(venue)
                    let kept = try #require(await h.executor.place(await rig.resting(id), why: "test").clientOrderId)
                    let goneMeanwhile = try #require(await h.executor.place(await rig.resting(id), why: "test").clientOrderId)
                    #expect(await h.executor.order(goneMeanwhile)?.state == .acked)
                    await h.executor.handle(.disconnected(venue: venue, reason: "test"))
                    // While the stream is "down" the venue cancels one order; no stream event reaches the executor.
                    _ = await rig.sim.state.cancelOrder(instrument: id, clientOrderId: goneMeanwhile, venueOrderId: nil)
                    await h.executor.handle(.connected(venue: venue))
                    // The reconnect's resynchronisation queried the venue: the missed cancel is known now.
                    #expect(await h.executor.order(goneMeanwhile)?.state == .canceled)
                    // Past the bound (three times over): nothing was cancelled by the disconnect timer.
                    try await Task.sleep(for: .milliseconds(900))
                    #expect(await rig.isOpenOnSim(kept, on: id), "\(venue): kept order was cancelled")
                    #expect(await h.executor.order(kept)?.state == .acked)
                    #expect(!(await h.executor.alerts.contains { $0.code == "cancel_on_disconnect" }))
                }
            }
        }

        /// The fill happens while the private stream is down: after the reconnect it is in the journal exactly
        /// once (the place answer, the reconnect's REST resync and possibly the stream all deliver it).
        @Test(arguments: Venue.allCases)
        func fillDuringADroppedStreamIsBookedOnceAfterReconnect(venue: Venue) async throws {
            try await ExecutionRig.with { rig in
                try await rig.withExecutor { h in
                    #expect(await h.waitConnected())
                    let id = ExecutionRig.btc(venue)
                    let draft = await rig.marketableIOC(id)
                    let connectsBefore = await h.recorder.connectedCount(venue)
                    // The order goes out right after the drop, while the stream is still reconnecting (backoff).
                    await rig.sim.inject(.closeSocket(venue))
                    let cid = try #require(await h.executor.place(draft, why: "test").clientOrderId)
                    #expect(await ExecutionRig.eventually { await h.recorder.connectedCount(venue) > connectsBefore },
                            "\(venue): the private stream did not reconnect")
                    #expect(await h.executor.alerts.contains { $0.code == "private_stream_down" })
                    let venueFills = await rig.simFills(of: cid, on: id)
                    #expect(!venueFills.isEmpty)
                    #expect(await ExecutionRig.eventually {
                        Set(((try? h.records(of: cid)) ?? []).fillRows.compactMap(\.entry.tradeId)) == Set(venueFills.map(\.tradeId))
                    }, "\(venue): fills missing from the journal")
                    // Give the reconnect's resynchronisation time to run (it fetches the same fills again).
                    #expect(await ExecutionRig.eventually { await h.executor.unresolvedOrders.isEmpty })
                    let all = try h.records()
                    for fill in venueFills {
                        #expect(all.fillRows(tradeId: fill.tradeId, on: id).count == 1, "\(venue): trade \(fill.tradeId)")
                    }
                    #expect(await rig.sim.state.position(id)?.qty ?? .zero == all.netPosition(id))
                }
            }
        }
    }
}
