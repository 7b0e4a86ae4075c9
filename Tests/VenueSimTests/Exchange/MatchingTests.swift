import PropCore
import Testing
@testable import VenueSim

/// The matching engine against the synthetic book: taker walks, time in force, post-only, resting orders.
@Suite struct MatchingTests {
    typealias R = ExchangeRig

    @Test func takerWalksSeveralLevelsOneFillPerLevel() async throws {
        let (state, _) = R.make()
        let (book, spec) = await R.book(state, R.binanceBTC)
        let asks = Array(book.asks.prefix(3))
        let qty = asks[0].qty + asks[1].qty + spec.lotUnits
        let r = try #require(await state.placeOrder(R.limit("walk1", R.binanceBTC, .buy, price: asks[2].price, qty: qty, spec: spec)).value)
        #expect(r.status == .filled)
        let fills = await state.fills(venue: .binance, instrument: R.binanceBTC, sinceMs: 0)
        #expect(fills.map(\.price.units) == asks.map(\.price))
        #expect(fills.map(\.qty.units) == [asks[0].qty, asks[1].qty, spec.lotUnits])
        #expect(fills.reduce(Int64(0)) { $0 + $1.qty.units } == qty)
        #expect(Set(fills.map(\.tradeId)).count == 3)
        #expect(fills.allSatisfy { !$0.isMaker })
        let sumPQ = fills.reduce(Int64(0)) { $0 + $1.price.units * $1.qty.units }
        #expect(r.averagePrice == Price(units: sumPQ * 10_000 / qty, scale: spec.priceScale + 4))
        #expect(r.filledQty.units == qty)
        let pos = await state.positions(venue: .binance)
        #expect(pos.count == 1 && pos[0].qty.units == qty)
    }

    @Test func iocRemainderExpires() async throws {
        let (state, _) = R.make()
        let (book, spec) = await R.book(state, R.binanceBTC)
        let best = book.asks[0]
        let r = try #require(await state.placeOrder(R.limit("ioc1", R.binanceBTC, .buy, price: best.price, qty: best.qty + 5 * spec.lotUnits,
                                                            spec: spec, tif: .ioc)).value)
        #expect(r.status == .expired)
        #expect(r.filledQty.units == best.qty)
        #expect(await state.openOrders(venue: .binance, instrument: nil).isEmpty)
        #expect(await state.queryOrder(instrument: R.binanceBTC, clientOrderId: "ioc1", venueOrderId: nil)?.status == .expired)
    }

    @Test func fokFillsFullyOrNotAtAll() async throws {
        let (state, _) = R.make()
        let (book, spec) = await R.book(state, R.binanceBTC)
        let best = book.asks[0]
        let miss = try #require(await state.placeOrder(R.limit("fok1", R.binanceBTC, .buy, price: best.price, qty: best.qty + spec.lotUnits,
                                                               spec: spec, tif: .fok)).value)
        #expect(miss.status == .expired && miss.filledQty.isZero)
        #expect(await state.fills(venue: .binance, instrument: nil, sinceMs: 0).isEmpty)
        #expect(await state.positions(venue: .binance).isEmpty)
        let hit = try #require(await state.placeOrder(R.limit("fok2", R.binanceBTC, .buy, price: best.price, qty: best.qty,
                                                              spec: spec, tif: .fok)).value)
        #expect(hit.status == .filled && hit.filledQty.units == best.qty)
    }

    @Test func marketOrderTakesAtAnyPrice() async throws {
        let (state, _) = R.make()
        let (book, spec) = await R.book(state, R.binanceBTC)
        let qty = book.bids[0].qty + book.bids[1].qty
        let r = try #require(await state.placeOrder(R.market("mkt1", R.binanceBTC, .sell, qty: qty, spec: spec)).value)
        #expect(r.status == .filled)
        let fills = await state.fills(venue: .binance, instrument: nil, sinceMs: 0)
        #expect(fills.map(\.price.units) == [book.bids[0].price, book.bids[1].price])
        #expect(await state.positions(venue: .binance).first?.qty.units == -qty)
    }

    @Test func postOnlyThatWouldTake() async throws {
        let (state, _) = R.make()
        let (book, spec) = await R.book(state, R.binanceBTC)
        let cross = R.limit("po1", R.binanceBTC, .buy, price: book.asks[0].price, qty: spec.lotUnits * 2, spec: spec, tif: .postOnly)
        #expect(await state.placeOrder(cross).failure == .postOnlyWouldTake)
        #expect(await state.queryOrder(instrument: R.binanceBTC, clientOrderId: "po1", venueOrderId: nil) == nil)
        let rest = try #require(await state.placeOrder(R.limit("po2", R.binanceBTC, .buy, price: book.bids[0].price, qty: spec.lotUnits * 2,
                                                               spec: spec, tif: .postOnly)).value)
        #expect(rest.status == .new)
        #expect(await state.fills(venue: .binance, instrument: nil, sinceMs: 0).isEmpty)

        // Bybit accepts and cancels: the order exists, cancelled, under its client id.
        let (bb, bspec) = await R.book(state, R.bybitBTC)
        let bcross = R.limit("po3", R.bybitBTC, .sell, price: bb.bids[0].price, qty: bspec.lotUnits * 10, spec: bspec, tif: .postOnly)
        #expect(await state.placeOrder(bcross).failure == .postOnlyWouldTake)
        let q = await state.queryOrder(instrument: R.bybitBTC, clientOrderId: "po3", venueOrderId: nil)
        #expect(q?.status == .canceled && q?.filledQty.isZero == true)
    }

    @Test func gtcRestsThenFillsAsMakerOnALaterTick() async throws {
        let (state, clock) = R.make(volatilityBps: 20)
        let (book, spec) = await R.book(state, R.binanceBTC)
        let price = book.bids[0].price
        let qty = spec.lotUnits * 2
        let r = try #require(await state.placeOrder(R.limit("rest1", R.binanceBTC, .buy, price: price, qty: qty, spec: spec)).value)
        #expect(r.status == .new)
        #expect(await state.openOrders(venue: .binance, instrument: R.binanceBTC).map(\.clientOrderId) == ["rest1"])
        var ticks = 0
        while await state.fills(venue: .binance, instrument: nil, sinceMs: 0).isEmpty, ticks < 5_000 {
            await R.tick(state, clock)
            ticks += 1
        }
        let fills = await state.fills(venue: .binance, instrument: nil, sinceMs: 0)
        #expect(!fills.isEmpty, "the market never traded through the resting bid in \(ticks) steps")
        #expect(fills.allSatisfy { $0.isMaker && $0.price.units == price })
        let maker = SimExchange.feeRates(.binance).maker
        for f in fills {
            #expect(f.fee.units == SimFixedMath.applyRate(maker, to: R.notionalE8(spec, price: price, qty: f.qty.units)))
        }
        let after = await state.queryOrder(instrument: R.binanceBTC, clientOrderId: "rest1", venueOrderId: nil)
        #expect(after?.filledQty.units == fills.reduce(0) { $0 + $1.qty.units })
    }

    @Test func validationRejects() async throws {
        let (state, _) = R.make()
        let (book, spec) = await R.book(state, R.binanceBTC)
        let p = book.bids[0].price
        let unknown = InstrumentId(venue: .binance, base: "DOGE", quote: "USDT")
        #expect(await state.placeOrder(R.limit("v1", unknown, .buy, price: p, qty: 1, spec: spec)).failure == .unknownSymbol)
        #expect(await state.placeOrder(R.limit("v2", R.binanceBTC, .buy, price: p, qty: 0, spec: spec)).failure == .invalidQuantity)
        let fractional = OrderRequest(clientOrderId: "v3", instrument: R.binanceBTC, side: .buy, type: .limit,
                                      price: Price(units: p, scale: spec.priceScale), qty: Qty(units: 15, scale: 4))
        #expect(await state.placeOrder(fractional).failure == .invalidQuantity)
        #expect(await state.placeOrder(R.limit("v4", R.binanceBTC, .buy, price: p + 1, qty: 10, spec: spec)).failure == .invalidPrice)
        let noPrice = OrderRequest(clientOrderId: "v5", instrument: R.binanceBTC, side: .buy, type: .limit, qty: Qty(units: 10, scale: 3))
        #expect(await state.placeOrder(noPrice).failure == .invalidPrice)
        // 0.001 BTC ≈ 65 USDT is below Binance's 100 USDT minimum.
        #expect(await state.placeOrder(R.limit("v6", R.binanceBTC, .buy, price: p, qty: 1, spec: spec)).failure == .belowMinNotional)
    }
}
