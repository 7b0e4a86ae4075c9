import PropCore
import Testing
@testable import VenueSim

/// Funding settlements, dead-man switches and disconnect-cancel-all on a hand-moved clock.
@Suite struct TimerTests {
    typealias R = ExchangeRig

    @Test func fundingIsPaidAtFundingTimes() async throws {
        let (state, clock) = R.make(fundingPeriodMs: 1_000)
        let (_, spec) = await R.book(state, R.okxBTC)
        let (_, bspec) = await R.book(state, R.bybitBTC)
        _ = try #require(await state.placeOrder(R.market("f1", R.okxBTC, .buy, qty: 300, spec: spec)).value)
        _ = try #require(await state.placeOrder(R.market("f2", R.bybitBTC, .sell, qty: 40, spec: bspec)).value)
        let before = await state.ledger(venue: .okx)
        // 0.5 s after a funding time: nothing due until the next whole second.
        await R.tick(state, clock, stepMs: 400)
        #expect(await state.fundingPayments(venue: .okx, sinceMs: 0).isEmpty)
        clock.advance(200)
        let okx = await state.instrument(venue: .okx, symbol: "BTC-USDT-SWAP")!
        await state.tick()
        let pays = await state.fundingPayments(venue: .okx, sinceMs: 0)
        #expect(pays.count == 1)
        let pay = try #require(pays.first)
        #expect(pay.tsMs == R.startMs - 500 + 1_000)
        // Long with a positive rate pays mark value × rate (the mark after the step that settled).
        let now = await state.instrument(venue: .okx, symbol: "BTC-USDT-SWAP")!
        let markUnits = (now.book.bestBid! + now.book.bestAsk!) * 5
        let value = SimFixedMath.notionalE8(spec: spec, priceUnits: markUnits, priceScale: spec.priceScale + 1, qtyUnits: 300)
        #expect(okx.fundingRateE8 > 0)
        #expect(pay.amount.units == -SimFixedMath.applyRate(Price(units: now.fundingRateE8, scale: 8), to: value))
        let after = await state.ledger(venue: .okx)
        #expect(after.walletE8 - before.walletE8 == pay.amount.units && after.fundingE8 == pay.amount.units)
        // The short on Bybit received.
        #expect(await state.fundingPayments(venue: .bybit, sinceMs: 0).first.map { $0.amount.units > 0 } == true)
        // The next period pays again, once.
        await R.tick(state, clock, stepMs: 1_000)
        #expect(await state.fundingPayments(venue: .okx, sinceMs: 0).count == 2)
    }

    @Test func deadManSwitchFiresUnlessRearmed() async throws {
        let (state, clock) = R.make()
        let (book, spec) = await R.book(state, R.binanceBTC)
        let (ebook, espec) = await R.book(state, R.binanceETH)
        _ = await state.placeOrder(R.limit("d1", R.binanceBTC, .buy, price: book.bids[300].price, qty: 5, spec: spec))
        _ = await state.placeOrder(R.limit("d2", R.binanceETH, .buy, price: ebook.bids[300].price, qty: 100, spec: espec))
        await state.armDeadManSwitch(venue: .binance, instrument: R.binanceBTC, timeoutMs: 5_000)
        await R.tick(state, clock, stepMs: 3_000)
        await state.armDeadManSwitch(venue: .binance, instrument: R.binanceBTC, timeoutMs: 5_000)
        await R.tick(state, clock, stepMs: 3_000)
        #expect(await state.openOrders(venue: .binance, instrument: nil).count == 2, "re-armed: must not fire")
        await R.tick(state, clock, stepMs: 2_100)
        // Only the BTC scope fired.
        #expect(await state.openOrders(venue: .binance, instrument: nil).map(\.clientOrderId) == ["d2"])
        #expect(await state.queryOrder(instrument: R.binanceBTC, clientOrderId: "d1", venueOrderId: nil)?.status == .canceled)
        #expect(await state.deadManDeadline(venue: .binance, instrument: R.binanceBTC) == nil)

        // Venue-wide switch, then disarmed with 0: never fires.
        await state.armDeadManSwitch(venue: .okx, instrument: nil, timeoutMs: 1_000)
        await state.armDeadManSwitch(venue: .okx, instrument: nil, timeoutMs: 0)
        await state.armDeadManSwitch(venue: .binance, instrument: nil, timeoutMs: 1_000)
        await R.tick(state, clock, stepMs: 1_500)
        #expect(await state.openOrders(venue: .binance, instrument: nil).isEmpty)
        #expect(await state.deadManDeadline(venue: .okx, instrument: nil) == nil)
    }

    @Test func disconnectCancelAllAfterTheWindow() async throws {
        let (state, clock) = R.make()
        let (book, spec) = await R.book(state, R.bybitBTC)
        await state.setDisconnectCancelAll(venue: .bybit, windowMs: 2_000)
        let (first, _) = await state.register(venue: .bybit, combined: false, topics: [])
        await state.setPrivate(first, authenticated: true)
        _ = await state.placeOrder(R.limit("dc1", R.bybitBTC, .buy, price: book.bids[300].price, qty: 5, spec: spec))
        await state.unregister(first)
        await R.tick(state, clock, stepMs: 1_000)
        // A new private connection inside the window stops the countdown.
        let (second, _) = await state.register(venue: .bybit, combined: false, topics: [])
        await state.setPrivate(second, authenticated: true)
        await R.tick(state, clock, stepMs: 5_000)
        #expect(await state.openOrders(venue: .bybit, instrument: nil).count == 1)
        // A public (unauthenticated) connection does not count.
        let (pub, _) = await state.register(venue: .bybit, combined: false, topics: [])
        await state.unregister(second)
        #expect(await state.privateConnectionCount(venue: .bybit) == 0)
        await R.tick(state, clock, stepMs: 1_000)
        #expect(await state.openOrders(venue: .bybit, instrument: nil).count == 1)
        await R.tick(state, clock, stepMs: 1_100)
        #expect(await state.openOrders(venue: .bybit, instrument: nil).isEmpty)
        #expect(await state.queryOrder(instrument: R.bybitBTC, clientOrderId: "dc1", venueOrderId: nil)?.status == .canceled)
        await state.unregister(pub)

        // Option off: a drop cancels nothing.
        await state.setDisconnectCancelAll(venue: .bybit, windowMs: 0)
        let (third, _) = await state.register(venue: .bybit, combined: false, topics: [])
        await state.setPrivate(third, authenticated: true)
        _ = await state.placeOrder(R.limit("dc2", R.bybitBTC, .buy, price: book.bids[300].price, qty: 5, spec: spec))
        await state.unregister(third)
        await R.tick(state, clock, stepMs: 10_000)
        #expect(await state.openOrders(venue: .bybit, instrument: nil).count == 1)
    }
}
