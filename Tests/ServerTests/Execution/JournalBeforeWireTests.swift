import Engine
import Journal
import PropCore
import Server
import Testing
import VenueSim
import Venues

extension ExecutionEndToEnd {
    /// Intents are journalled before the wire, fills exactly once, and nothing is sent before recovery.
    @Suite struct JournalBeforeWire {
        @Test func marketableIOCOnEveryVenueIsJournalledFirstAndEveryFillBookedOnce() async throws {
            try await ExecutionRig.with { rig in
                try await rig.withExecutor(epoch: 3) { h in
                    #expect(h.initialRecovery?.clean == true)
                    #expect(await h.waitConnected())
                    for venue in Venue.allCases {
                        let id = ExecutionRig.btc(venue)
                        let result = await h.executor.place(await rig.marketableIOC(id), why: "test")
                        guard case .accepted(let cid, _) = result else {
                            Issue.record("\(venue): marketable IOC not accepted: \(result)")
                            continue
                        }
                        #expect(await ExecutionRig.eventually { await h.executor.order(cid)?.state.isFinal == true },
                                "\(venue): IOC did not reach a final state")
                        let order = try #require(await h.executor.order(cid))
                        #expect(order.state == .filled || (order.state.isFinal && order.filledQty > .zero),
                                "\(venue): state \(order.state), filled \(order.filledQty)")
                        #expect(order.filledQty > .zero)

                        // The intent row comes first and its sequence is what the client id encodes.
                        let rows = try h.records(of: cid)
                        let first = try #require(rows.first)
                        #expect(first.entry.kind == .place)
                        let decoded = try #require(ClientOrderId.decode(cid))
                        #expect(decoded.epoch == 3)
                        #expect(decoded.sequence == first.seq)
                        #expect(first.entry.epoch == 3)

                        // Every venue fill is booked exactly once, with its fee.
                        let venueFills = await rig.simFills(of: cid, on: id)
                        #expect(!venueFills.isEmpty, "\(venue): the simulator has no fills for \(cid)")
                        #expect(await ExecutionRig.eventually {
                            let booked = Set(((try? h.records(of: cid)) ?? []).fillRows.compactMap(\.entry.tradeId))
                            return booked == Set(venueFills.map(\.tradeId))
                        }, "\(venue): journal fills differ from the venue's")
                        let all = try h.records()
                        for fill in venueFills {
                            let booked = all.fillRows(tradeId: fill.tradeId, on: id)
                            #expect(booked.count == 1, "\(venue): trade \(fill.tradeId) booked \(booked.count)×")
                            #expect(booked.first?.entry.fee == fill.fee, "\(venue): fee of \(fill.tradeId)")
                            #expect(booked.first?.entry.qty == fill.qty)
                            #expect((booked.first?.seq ?? 0) > first.seq)
                        }
                        #expect(await ExecutionRig.eventually {
                            await h.executor.order(cid)?.bookedFillQty == order.filledQty
                        })

                        // The venue's position is the sum of the journal's fills.
                        let position = await rig.sim.state.position(id)?.qty ?? .zero
                        #expect(position == all.netPosition(id), "\(venue): venue \(position), journal \(all.netPosition(id))")
                        #expect(position != .zero)
                    }
                }
            }
        }

        @Test func placeBeforeRecoveryIsDeniedAndNothingIsJournalledOrSent() async throws {
            try await ExecutionRig.with { rig in
                var options = ExecutorOptions()
                options.recover = false
                try await rig.withExecutor(options: options) { h in
                    for venue in Venue.allCases {
                        let result = await h.executor.place(await rig.resting(ExecutionRig.btc(venue)), why: "test")
                        guard case .denied(let code, let text) = result else {
                            Issue.record("\(venue): expected denied, got \(result)")
                            continue
                        }
                        #expect(code == "recovery_pending")
                        #expect(!text.isEmpty)
                    }
                    let rows = try h.records()
                    #expect(rows.isEmpty)
                    for venue in Venue.allCases { #expect(await rig.clientIds(venue).isEmpty) }
                    #expect(await h.executor.orders.isEmpty)

                    // After a clean recovery the same executor trades.
                    let report = await h.executor.recover(instruments: rig.instruments)
                    #expect(report.clean)
                    let result = await h.executor.place(await rig.resting(ExecutionRig.btc(.okx)), why: "test")
                    #expect(result.clientOrderId != nil)
                    if case .denied = result { Issue.record("still denied after recovery: \(result)") }
                }
            }
        }
    }
}
