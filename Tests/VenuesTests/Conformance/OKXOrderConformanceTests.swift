import PropCore
import Testing
import VenueSim
import Venues

/// The OKX connector against the simulator over loopback: every order type, partial fills, rejects,
/// post-only, reduce-only, duplicate ids, unknown orders, amend, batches, cancel-all, queries, account.
@Suite(.serialized) struct OKXOrderConformanceTests {
    typealias R = OKXRig

    @Test func restingLimitIsQueriedListedAndCancelled() async throws {
        try await R.with { rig in
            let t = try await rig.top()
            let px = R.shift(t.bid, t.tick, -50)
            let placed = try await rig.client.place(R.order("rest1", .buy, price: px))
            #expect(placed.status == .new && !placed.venueOrderId.isEmpty && placed.clientOrderId == "rest1")
            let q = try await rig.client.queryOrder(instrument: R.btc, clientOrderId: "rest1")
            #expect(q.status == .new && q.price == px && q.qty == R.one && q.side == .buy && q.type == .limit && q.timeInForce == .gtc)
            #expect(try await rig.client.openOrders(instrument: R.btc).map(\.clientOrderId) == ["rest1"])
            #expect(try await rig.client.openOrders(instrument: nil).count == 1)
            let c = try await rig.client.cancel(instrument: R.btc, clientOrderId: "rest1")
            #expect(c.status == .canceled && c.venueOrderId == placed.venueOrderId)
            #expect(try await rig.client.openOrders(instrument: R.btc).isEmpty)
            // Cancelling again: the venue no longer has it open.
            #expect(await R.failure { try await rig.client.cancel(instrument: R.btc, clientOrderId: "rest1") } == .unknownOrder(venue: .okx, clientOrderId: "rest1"))
        }
    }

    @Test func marketOrderFillsChargesTakerFeeAndOpensPosition() async throws {
        try await R.with { rig in
            let before = try #require(try await rig.client.balances().first)
            // The simulator is fresh (no earlier fill exists): start the window a second early so a loaded
            // machine's clock-offset estimate cannot put it after the fill.
            let t0 = try await rig.client.syncServerTime() + rig.client.clock.localMs - 1_000
            _ = try await rig.client.place(R.order("mkt1", .buy, .market, qty: Qty(units: 200, scale: 2)))
            let filled = try await rig.client.queryOrder(instrument: R.btc, clientOrderId: "mkt1")
            #expect(filled.status == .filled && filled.filledQty == Qty(units: 200, scale: 2) && filled.averagePrice != nil)
            let fills = try await rig.client.fills(instrument: R.btc, sinceMs: t0)
            #expect(!fills.isEmpty && fills.allSatisfy { $0.clientOrderId == "mkt1" && !$0.isMaker && $0.fee.units > 0 })
            #expect(fills.reduce(Qty.zero) { $0 + $1.qty } == Qty(units: 200, scale: 2))
            #expect(fills.map(\.tsMs) == fills.map(\.tsMs).sorted())
            let pos = try await rig.client.positions()
            #expect(pos.count == 1 && pos[0].instrument == R.btc && pos[0].qty == Qty(units: 200, scale: 2) && pos[0].entryPrice != nil)
            let after = try #require(try await rig.client.balances().first)
            let fee = fills.reduce(Qty.zero) { $0 + $1.fee }
            #expect(after.wallet == before.wallet - fee, "wallet \(before.wallet) → \(after.wallet), fees \(fee)")
            #expect(after.available < before.available)
            // Reduce-only market sell closes it.
            _ = try await rig.client.place(R.order("close1", .sell, .market, qty: Qty(units: 200, scale: 2), reduceOnly: true))
            #expect(await R.eventually(10) { ((try? await rig.client.positions()) ?? [PositionReport(instrument: R.btc, qty: R.one, entryPrice: nil, unrealizedPnl: .zero)]).isEmpty })
        }
    }

    @Test func iocTakesWhatIsThereAndCancelsTheRest() async throws {
        try await R.with { rig in
            // The book moves between reading it and the order arriving; retry until the order met a partial book.
            var partial: OrderReport?
            for attempt in 0..<8 where partial == nil {
                let t = try await rig.top()
                let qty = await rig.askQty(upTo: t.ask) + Qty(units: 500, scale: 2)
                _ = try await rig.client.place(R.order("ioc\(attempt)", .buy, tif: .ioc, price: t.ask, qty: qty))
                let q = try await rig.client.queryOrder(instrument: R.btc, clientOrderId: "ioc\(attempt)")
                #expect(q.status == .canceled || q.status == .filled, "OKX reports an IOC remainder as canceled")
                #expect(q.timeInForce == .ioc)
                if q.status == .canceled, q.filledQty.units > 0, q.filledQty < qty { partial = q }
            }
            #expect(partial != nil, "an IOC partly filled, rest cancelled")
        }
    }

    @Test func fokThatCannotFillEntirelyDoesNothing() async throws {
        try await R.with { rig in
            let t = try await rig.top()
            let qty = await rig.askQty(upTo: t.ask) + Qty(units: 100_000, scale: 2)
            _ = try await rig.client.place(R.order("fok1", .buy, tif: .fok, price: t.ask, qty: qty))
            let q = try await rig.client.queryOrder(instrument: R.btc, clientOrderId: "fok1")
            #expect(q.status == .canceled && q.filledQty.isZero && q.timeInForce == .fok)
            #expect(try await rig.client.positions().isEmpty)
            // A FOK that fits fills completely.
            _ = try await rig.client.place(R.order("fok2", .buy, tif: .fok, price: R.shift(t.ask, t.tick, 500), qty: R.one))
            #expect(try await rig.client.queryOrder(instrument: R.btc, clientOrderId: "fok2").status == .filled)
        }
    }

    @Test func postOnlyRestsOrIsRefusedWhenItWouldTake() async throws {
        try await R.with { rig in
            let t = try await rig.top()
            let e = await R.failure { try await rig.client.place(R.order("po1", .buy, tif: .postOnly, price: R.shift(t.ask, t.tick, 50))) }
            #expect(e == .postOnlyWouldTake(venue: .okx, clientOrderId: "po1"))
            #expect(e?.outcome == .rejected)
            let ok = try await rig.client.place(R.order("po2", .buy, tif: .postOnly, price: R.shift(t.bid, t.tick, -20)))
            #expect(ok.status == .new)
            #expect(try await rig.client.queryOrder(instrument: R.btc, clientOrderId: "po2").timeInForce == .postOnly)
        }
    }

    @Test func reduceOnlyWithoutPositionIsRejected() async throws {
        try await R.with { rig in
            let e = await R.failure { try await rig.client.place(R.order("ro1", .sell, .market, reduceOnly: true)) }
            #expect(e == .reduceOnlyRejected(venue: .okx, clientOrderId: "ro1"))
        }
    }

    @Test func insufficientMarginAndBadParametersAreDefiniteRejects() async throws {
        try await R.with { rig in
            let t = try await rig.top()
            let huge = await R.failure { try await rig.client.place(R.order("big1", .buy, price: R.shift(t.bid, t.tick, -10), qty: Qty(units: 100_000_000, scale: 2))) }
            #expect(huge == .insufficientMargin(venue: .okx, clientOrderId: "big1"))
            let offGrid = await R.failure { try await rig.client.place(R.order("grid1", .buy, price: t.bid, qty: Qty(units: 1, scale: 3))) }
            #expect(offGrid?.code == "order_invalid" && offGrid?.outcome == .rejected)
            let badId = await R.failure { try await rig.client.place(R.order("bad-id", .buy, price: t.bid)) }
            #expect(badId?.code == "order_invalid", "OKX ids are letters and digits only; refused before sending")
        }
    }

    @Test func duplicateClientIdIsReportedAndTheVenueHasOneOrder() async throws {
        try await R.with { rig in
            let t = try await rig.top()
            let o = R.order("dup1", .buy, price: R.shift(t.bid, t.tick, -30))
            _ = try await rig.client.place(o)
            let e = await R.failure { try await rig.client.place(o) }
            #expect(e == .duplicateClientOrderId(venue: .okx, clientOrderId: "dup1") && e?.outcome == .rejected)
            #expect(try await rig.client.openOrders(instrument: nil).filter { $0.clientOrderId == "dup1" }.count == 1)
        }
    }

    @Test func unknownOrdersAreReportedAsUnknown() async throws {
        try await R.with { rig in
            #expect(await R.failure { try await rig.client.cancel(instrument: R.btc, clientOrderId: "nope1") } == .unknownOrder(venue: .okx, clientOrderId: "nope1"))
            #expect(await R.failure { try await rig.client.queryOrder(instrument: R.btc, clientOrderId: "nope1") } == .unknownOrder(venue: .okx, clientOrderId: "nope1"))
            #expect(await R.failure { try await rig.client.amend(instrument: R.btc, clientOrderId: "nope1", newPrice: nil, newQty: R.one) } == .unknownOrder(venue: .okx, clientOrderId: "nope1"))
        }
    }

    @Test func amendChangesPriceAndSize() async throws {
        try await R.with { rig in
            let t = try await rig.top()
            _ = try await rig.client.place(R.order("am1", .buy, price: R.shift(t.bid, t.tick, -40)))
            let newPx = R.shift(t.bid, t.tick, -45)
            let a = try await rig.client.amend(instrument: R.btc, clientOrderId: "am1", newPrice: newPx, newQty: Qty(units: 300, scale: 2))
            #expect(a.price == newPx && a.qty == Qty(units: 300, scale: 2) && a.status == .new)
        }
    }

    @Test func batchPlaceCancelAndCancelAll() async throws {
        try await R.with { rig in
            let t = try await rig.top()
            let e = try await rig.top(R.eth)
            let orders = (1...3).map { R.order("b\($0)", .buy, price: R.shift(t.bid, t.tick, -Int64(20 + $0))) }
                + [R.order("b1", .buy, price: R.shift(t.bid, t.tick, -25))]
            let results = try await rig.client.placeBatch(orders)
            #expect(results.count == 4)
            #expect(results.prefix(3).allSatisfy { (try? $0.get())?.status == .new })
            if case .failure(let dup) = results[3] { #expect(dup == .duplicateClientOrderId(venue: .okx, clientOrderId: "b1")) } else { Issue.record("duplicate in batch accepted") }
            let cancelled = try await rig.client.cancelBatch(instrument: R.btc, clientOrderIds: ["b1", "b2", "ghost1"])
            #expect((try? cancelled[0].get())?.status == .canceled && (try? cancelled[1].get())?.status == .canceled)
            if case .failure(let g) = cancelled[2] { #expect(g == .unknownOrder(venue: .okx, clientOrderId: "ghost1")) } else { Issue.record("ghost cancelled") }
            // cancel-all over both instruments (OKX has no REST cancel-all: list + batch cancel).
            _ = try await rig.client.place(R.order("e1", .buy, price: R.shift(e.bid, e.tick, -50), instrument: R.eth))
            _ = try await rig.client.place(R.order("e2", .sell, price: R.shift(e.ask, e.tick, 50), instrument: R.eth))
            #expect(try await rig.client.openOrders(instrument: nil).count == 3)
            try await rig.client.cancelAll(instrument: R.eth)
            #expect(try await rig.client.openOrders(instrument: nil).map(\.clientOrderId) == ["b3"])
            try await rig.client.cancelAll(instrument: nil)
            #expect(try await rig.client.openOrders(instrument: nil).isEmpty)
            #expect(try await rig.client.queryOrder(instrument: R.eth, clientOrderId: "e2").status == .canceled)
        }
    }

    @Test func manyOpenOrdersArePagedAndCancelled() async throws {
        try await R.with { rig in
            let t = try await rig.top()
            // 120 orders over several instruments' worth of batches (OKX pages open orders by 100).
            for chunk in 0..<6 {
                let orders = (0..<20).map { R.order("pg\(chunk)x\($0)", .buy, price: R.shift(t.bid, t.tick, -Int64(100 + chunk * 20 + $0))) }
                let r = try await rig.client.placeBatch(orders)
                #expect(r.allSatisfy { (try? $0.get()) != nil })
            }
            #expect(try await rig.client.openOrders(instrument: R.btc).count == 120)
            try await rig.client.cancelAll(instrument: nil)
            #expect(try await rig.client.openOrders(instrument: nil).isEmpty)
        }
    }
}
