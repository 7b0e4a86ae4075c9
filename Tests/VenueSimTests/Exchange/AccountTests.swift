import PropCore
import Testing
@testable import VenueSim

/// Orders' identity and the account model: client ids, cancels, reduce-only, margin, fees, positions and PnL.
@Suite struct AccountTests {
    typealias R = ExchangeRig

    @Test func duplicateClientIdIsRefusedOpenOrFinal() async throws {
        let (state, _) = R.make()
        let (book, spec) = await R.book(state, R.binanceBTC)
        let rest = R.limit("dup1", R.binanceBTC, .buy, price: book.bids[3].price, qty: 5, spec: spec)
        #expect(await state.placeOrder(rest).value?.status == .new)
        #expect(await state.placeOrder(rest).failure == .duplicateClientOrderId)
        #expect(await state.cancelOrder(instrument: R.binanceBTC, clientOrderId: "dup1", venueOrderId: nil).value?.status == .canceled)
        #expect(await state.placeOrder(rest).failure == .duplicateClientOrderId)
        // A filled order's id stays taken too, and the same id on another venue is a different account.
        let take = R.limit("dup2", R.binanceBTC, .buy, price: book.asks[0].price, qty: book.asks[0].qty, spec: spec, tif: .ioc)
        #expect(await state.placeOrder(take).value?.status == .filled)
        #expect(await state.placeOrder(take).failure == .duplicateClientOrderId)
        let (bb, bspec) = await R.book(state, R.bybitBTC)
        #expect(await state.placeOrder(R.limit("dup1", R.bybitBTC, .buy, price: bb.bids[3].price, qty: 5, spec: bspec)).value != nil)
    }

    @Test func cancelOfUnknownOrFinalOrder() async throws {
        let (state, _) = R.make()
        let (book, spec) = await R.book(state, R.binanceBTC)
        #expect(await state.cancelOrder(instrument: R.binanceBTC, clientOrderId: "nope", venueOrderId: nil).failure == .unknownOrder)
        #expect(await state.cancelOrder(instrument: R.binanceBTC, clientOrderId: nil, venueOrderId: "123").failure == .unknownOrder)
        let r = try #require(await state.placeOrder(R.limit("c1", R.binanceBTC, .sell, price: book.asks[5].price, qty: 5, spec: spec)).value)
        // Wrong instrument: not this order.
        #expect(await state.cancelOrder(instrument: R.okxBTC, clientOrderId: "c1", venueOrderId: nil).failure == .unknownOrder)
        #expect(await state.cancelOrder(instrument: R.binanceBTC, clientOrderId: nil, venueOrderId: r.venueOrderId).value?.status == .canceled)
        #expect(await state.cancelOrder(instrument: R.binanceBTC, clientOrderId: "c1", venueOrderId: nil).failure == .unknownOrder)
        #expect(await state.queryOrder(instrument: R.binanceBTC, clientOrderId: "c1", venueOrderId: nil)?.status == .canceled)
    }

    @Test func cancelAllAndAmend() async throws {
        let (state, _) = R.make()
        let (book, spec) = await R.book(state, R.binanceBTC)
        for i in 0..<3 {
            _ = await state.placeOrder(R.limit("ca\(i)", R.binanceBTC, .buy, price: book.bids[2 + i].price, qty: 5, spec: spec))
        }
        let amended = try #require(await state.amendOrder(instrument: R.binanceBTC, clientOrderId: "ca0", venueOrderId: nil,
                                                          newPrice: Price(units: book.bids[6].price, scale: spec.priceScale),
                                                          newQty: Qty(units: 7, scale: spec.qtyScale)).value)
        #expect(amended.price?.units == book.bids[6].price && amended.qty.units == 7 && amended.status == .new)
        let cancelled = await state.cancelAllOrders(venue: .binance, instrument: R.binanceBTC)
        #expect(cancelled.map(\.clientOrderId) == ["ca0", "ca1", "ca2"])
        #expect(await state.openOrders(venue: .binance, instrument: nil).isEmpty)
        #expect(await state.amendOrder(instrument: R.binanceBTC, clientOrderId: "ca0", venueOrderId: nil, newPrice: nil,
                                       newQty: Qty(units: 9, scale: 3)).failure == .notAmendable)
    }

    @Test func reduceOnlyNeverOpensOrIncreases() async throws {
        let (state, _) = R.make()
        let (book, spec) = await R.book(state, R.binanceBTC)
        #expect(await state.placeOrder(R.market("ro1", R.binanceBTC, .sell, qty: 5, spec: spec, reduceOnly: true)).failure == .reduceOnlyViolation)
        #expect(await state.placeOrder(R.market("ro2", R.binanceBTC, .buy, qty: 5, spec: spec)).value?.status == .filled)
        #expect(await state.placeOrder(R.market("ro3", R.binanceBTC, .buy, qty: 5, spec: spec, reduceOnly: true)).failure == .reduceOnlyViolation)
        // Larger than the position: capped to it, the rest expires, the position is flat, not short.
        let r = try #require(await state.placeOrder(R.limit("ro4", R.binanceBTC, .sell, price: book.bids[3].price, qty: 8,
                                                            spec: spec, tif: .gtc, reduceOnly: true)).value)
        #expect(r.filledQty.units == 5 && r.status == .expired)
        #expect(await state.positions(venue: .binance).isEmpty)
    }

    @Test func insufficientMarginIsRefused() async throws {
        let (state, _) = R.make(balance: "100")
        let (book, spec) = await R.book(state, R.binanceBTC)
        // 0.1 BTC ≈ 6 500 USDT at 10× needs ≈ 650 USDT of margin.
        #expect(await state.placeOrder(R.limit("m1", R.binanceBTC, .buy, price: book.bids[2].price, qty: 100, spec: spec)).failure == .insufficientMargin)
        // 0.01 BTC needs ≈ 65: fits; a second one no longer does.
        #expect(await state.placeOrder(R.limit("m2", R.binanceBTC, .buy, price: book.bids[2].price, qty: 10, spec: spec)).value != nil)
        #expect(await state.placeOrder(R.limit("m3", R.binanceBTC, .buy, price: book.bids[2].price, qty: 10, spec: spec)).failure == .insufficientMargin)
        let b = await state.balance(venue: .binance)
        #expect(b.wallet.units == 100 * 100_000_000)
        #expect(b.available.units == 100 * 100_000_000 - R.notionalE8(spec, price: book.bids[2].price, qty: 10) / 10)
    }

    @Test func takerAndMakerFeesPerVenueWithOKXContractValue() async throws {
        let (state, _) = R.make()
        for (inst, taker) in [(R.binanceBTC, Price(units: 5, scale: 4)), (R.okxBTC, Price(units: 5, scale: 4)),
                              (R.bybitBTC, Price(units: 55, scale: 5))] {
            let (book, spec) = await R.book(state, inst)
            let ask = book.asks[0]
            _ = try #require(await state.placeOrder(R.limit("fee-\(inst.venue)", inst, .buy, price: ask.price, qty: ask.qty, spec: spec, tif: .ioc)).value)
            let f = try #require(await state.fills(venue: inst.venue, instrument: inst, sinceMs: 0).first)
            let notional = R.notionalE8(spec, price: ask.price, qty: ask.qty)
            #expect(f.fee.units == SimFixedMath.applyRate(taker, to: notional))
            #expect(await state.ledger(venue: inst.venue).feesE8 == f.fee.units)
            #expect(await state.balance(venue: inst.venue).wallet.units == 100_000 * 100_000_000 - f.fee.units)
        }
        // OKX: 1 contract of BTC-USDT-SWAP is 0.01 BTC, so 1.00 contract at 65 000 is 650 USDT.
        let spec = await R.book(state, R.okxBTC).1
        #expect(R.notionalE8(spec, price: 650_000, qty: 100) == 650 * 100_000_000)
        #expect(await state.feeRates(venue: .bybit).maker == Price(units: 2, scale: 4))
    }

    @Test func averageEntryRealisedPnlOnPartialCloseAndFlip() async throws {
        let (state, _) = R.make()
        let inst = R.bybitBTC
        let (book, spec) = await R.book(state, inst)
        // Two buys at two different asks (each within the first level's size).
        let a0 = book.asks[0], a1 = book.asks[1]
        let q0 = min(a0.qty, 20), q1 = min(a1.qty, 30)
        _ = try #require(await state.placeOrder(R.limit("p1", inst, .buy, price: a0.price, qty: q0, spec: spec, tif: .ioc)).value)
        let second = try #require(await state.placeOrder(R.market("p2", inst, .buy, qty: q1 + a0.qty - q0, spec: spec)).value)
        #expect(second.status == .filled)
        let fills = await state.fills(venue: .bybit, instrument: inst, sinceMs: 0)
        var size: Int64 = 0, cost: Int64 = 0
        for f in fills { size += f.qty.units; cost += R.notionalE8(spec, price: f.price.units, qty: f.qty.units) }
        var pos = try #require(await state.positions(venue: .bybit).first)
        #expect(pos.qty.units == size)
        #expect(pos.entryPrice == Price(units: SimFixedMath.mulDiv(cost, 1_000, size), scale: 8))

        // Partial close at the best bid: realised = close value − proportional cost.
        let bid = book.bids[0]
        let close = min(bid.qty, size / 2)
        let before = await state.ledger(venue: .bybit)
        _ = try #require(await state.placeOrder(R.limit("p3", inst, .sell, price: bid.price, qty: close, spec: spec, tif: .ioc)).value)
        let closedCost = SimFixedMath.mulDiv(cost, close, size)
        let realised = R.notionalE8(spec, price: bid.price, qty: close) - closedCost
        let after = await state.ledger(venue: .bybit)
        #expect(after.realisedE8 - before.realisedE8 == realised)
        #expect(realised < 0) // bought at the ask, sold at the bid
        pos = try #require(await state.positions(venue: .bybit).first)
        #expect(pos.qty.units == size - close)

        // Flip: sell the rest plus 7 lots → flat (realised on the rest), then short 7 at the crossing fill's price.
        let rest = size - close
        let p4 = try #require(await state.placeOrder(R.market("p4", inst, .sell, qty: rest + 7, spec: spec)).value)
        #expect(p4.status == .filled)
        var model = ReferencePosition(qtyUnits: rest, costE8: cost - closedCost)
        for f in await state.fills(venue: .bybit, instrument: inst, sinceMs: 0) where f.clientOrderId == "p4" {
            model.apply(f, spec: spec)
        }
        let done = await state.ledger(venue: .bybit)
        #expect(done.realisedE8 - after.realisedE8 == model.realisedE8)
        pos = try #require(await state.positions(venue: .bybit).first)
        #expect(pos.qty.units == -7 && model.qtyUnits == -7)
        #expect(pos.entryPrice == Price(units: SimFixedMath.mulDiv(model.costE8, 1_000, 7), scale: 8))
        #expect(done.walletE8 == done.startE8 + done.realisedE8 - done.feesE8 + done.fundingE8)
    }
}
