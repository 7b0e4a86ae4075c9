import Engine
import Journal
import PropCore
import Server
import Testing
import VenueSim
import Venues

extension ExecutionEndToEnd {
    /// The same venue fill delivered again (REST after stream, or after a restart) is booked once.
    @Suite struct FillDedup {
        @Test func replayedFillAddsNoJournalRowEvenAcrossARestart() async throws {
            try await ExecutionRig.with { rig in
                let id = ExecutionRig.btc(.binance)
                var fetched: [FillReport] = []
                var fillRowsAfterFirst = 0
                try await rig.withExecutor(epoch: 1) { h in
                    #expect(await h.waitConnected())
                    let result = await h.executor.place(await rig.marketableIOC(id), why: "test")
                    let cid = try #require(result.clientOrderId)
                    let venueFills = await rig.simFills(of: cid, on: id)
                    #expect(!venueFills.isEmpty)
                    #expect(await ExecutionRig.eventually {
                        Set(((try? h.records()) ?? []).fillRows.compactMap(\.entry.tradeId)) == Set(venueFills.map(\.tradeId))
                    })
                    // Let the order settle (final, ack/expire rows written) before counting rows.
                    #expect(await ExecutionRig.eventually { await h.executor.order(cid)?.state.isFinal == true })
                    #expect(await ExecutionRig.eventually { await h.executor.unresolvedOrders.isEmpty })
                    let before = try h.records().fillRows.count

                    fetched = try await h.api(.binance).fills(instrument: id, sinceMs: 0).filter { $0.clientOrderId == cid }
                    #expect(Set(fetched.map(\.tradeId)) == Set(venueFills.map(\.tradeId)))
                    for fill in fetched { await h.executor.handle(.fill(fill)) }
                    for fill in fetched { await h.executor.handle(.fill(fill)) }
                    fillRowsAfterFirst = try h.records().fillRows.count
                    #expect(fillRowsAfterFirst == before, "re-fed fills wrote \(fillRowsAfterFirst - before) rows")
                    #expect(before == venueFills.count)
                    #expect(await h.executor.order(cid)?.bookedFillQty == fetched.reduce(Qty.zero) { $0 + $1.qty })
                }

                // A new process: new database handle and writer on the same file, epoch 2, before any recovery.
                var options = ExecutorOptions()
                options.recover = false
                options.streams = false
                try await rig.withExecutor(epoch: 2, options: options) { h in
                    for fill in fetched { await h.executor.handle(.fill(fill)) }
                    #expect(try h.records().fillRows.count == fillRowsAfterFirst)
                    // The database itself refuses the duplicate (the in-memory set of the new executor is empty).
                    for fill in fetched {
                        let entry = JournalEntry(kind: .fill, reason: fill.side.rawValue, venue: .binance, instrument: id,
                                                 clientOrderId: fill.clientOrderId, venueOrderId: fill.venueOrderId,
                                                 price: fill.price, qty: fill.qty, wallMs: 1, monoNs: 1, epoch: 2,
                                                 tradeId: fill.tradeId, fee: fill.fee)
                        #expect(try await h.writer.append(entry).isAlreadyBooked)
                    }
                    #expect(try h.records().fillRows.count == fillRowsAfterFirst)
                    // Recovery books nothing new either, and the venue position still equals the journal's.
                    let report = await h.executor.recover(instruments: rig.instruments)
                    #expect(report.clean, "\(report)")
                    #expect(report.fillsRecovered == 0)
                    let all = try h.records()
                    #expect(all.fillRows.count == fillRowsAfterFirst)
                    #expect(await rig.sim.state.position(id)?.qty ?? .zero == all.netPosition(id))
                }
            }
        }
    }
}
