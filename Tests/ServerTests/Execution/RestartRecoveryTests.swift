import Engine
import Journal
import PropCore
import Server
import Testing
import VenueSim
import Venues

extension ExecutionEndToEnd {
    /// A second process on the same journal: replays, asks the venues, books missed fills, cancels orphans.
    @Suite struct RestartRecovery {
        @Test func restartTracksSurvivorsBooksMissedFillsAndCancelsOrphans() async throws {
            try await ExecutionRig.with { rig in
                var resting: [Venue: String] = [:], filledWhileDown: [Venue: String] = [:]
                let a = try await rig.startExecutor(epoch: 1)
                #expect(a.initialRecovery?.clean == true)
                #expect(await a.waitConnected())
                for venue in Venue.allCases {
                    let id = ExecutionRig.btc(venue)
                    resting[venue] = await a.executor.place(await rig.resting(id), why: "test").clientOrderId
                    filledWhileDown[venue] = await a.executor.place(await rig.resting(id), why: "test").clientOrderId
                }
                let ids = Array(resting.values) + Array(filledWhileDown.values)
                #expect(ids.count == 6)
                #expect(await ExecutionRig.eventually {
                    for cid in ids where await a.executor.order(cid)?.state != .acked { return false }
                    return true
                })
                // A is gone: tasks cancelled, nothing cancelled on the venues.
                await a.stop()

                // While no executor runs: one of A's orders trades, and someone else's order appears.
                var orphans: [Venue: String] = [:]
                for venue in Venue.allCases {
                    let id = ExecutionRig.btc(venue)
                    let cross = await rig.price(id, percent: 2)
                    let amended = await rig.sim.state.amendOrder(instrument: id, clientOrderId: filledWhileDown[venue],
                                                                 venueOrderId: nil, newPrice: cross, newQty: nil)
                    guard case .success(let report) = amended else {
                        Issue.record("\(venue): amend across the book failed: \(amended)")
                        continue
                    }
                    #expect(report.filledQty > .zero)
                    let foreign = "orphan\(venue.rawValue)1"
                    let draft = await rig.resting(id)
                    let placed = await rig.sim.state.placeOrder(draft.request(clientOrderId: foreign))
                    if case .failure(let why) = placed { Issue.record("\(venue): orphan not placed: \(why)") }
                    orphans[venue] = foreign
                }

                try await rig.withExecutor(epoch: 2) { b in
                    let report = try #require(b.initialRecovery)
                    #expect(report.clean, "\(report)")
                    #expect(report.orphansCancelled == 3)
                    #expect(report.fillsRecovered > 0)
                    #expect(report.ordersQueried == 6)
                    #expect(report.positionMismatches.isEmpty)
                    let cancelled = Set(await b.executor.orphansCancelled.map(\.clientOrderId))
                    #expect(cancelled == Set(orphans.values))
                    let all = try b.records()
                    for venue in Venue.allCases {
                        let id = ExecutionRig.btc(venue)
                        #expect(!(await rig.isOpenOnSim(orphans[venue]!, on: id)), "\(venue): orphan still open")
                        let survivor = resting[venue]!
                        #expect(await b.executor.order(survivor)?.state == .acked)
                        #expect(await rig.isOpenOnSim(survivor, on: id), "\(venue): A's resting order was cancelled")
                        let traded = filledWhileDown[venue]!
                        let venueFills = await rig.simFills(of: traded, on: id)
                        #expect(!venueFills.isEmpty)
                        for fill in venueFills {
                            #expect(all.fillRows(tradeId: fill.tradeId, on: id).count == 1, "\(venue): trade \(fill.tradeId)")
                            #expect(all.fillRows(tradeId: fill.tradeId, on: id).first?.entry.epoch == 2)
                        }
                        let state = await b.executor.order(traded)?.state
                        #expect(state == .filled || state == .partiallyFilled, "\(venue): \(String(describing: state))")
                        #expect(await rig.sim.state.position(id)?.qty ?? .zero == all.netPosition(id))
                    }
                    // Trading is allowed again, under epoch 2 ids.
                    let next = await b.executor.place(await rig.resting(ExecutionRig.btc(.okx)), why: "test")
                    #expect(next.clientOrderId.flatMap(ClientOrderId.decode)?.epoch == 2)
                }
            }
        }
    }
}
