import PropCore
import Testing
@testable import VenueSim

/// Account events reach the venue's authenticated private connections (rendered by the venue's front-end),
/// and only those; old final orders are forgotten but their client ids stay taken.
@Suite struct PublishingTests {
    typealias R = ExchangeRig

    @Test func eventsGoToAuthenticatedPrivateConnectionsOfTheVenueOnly() async throws {
        let (state, _) = R.make()
        let (priv, privStream) = await state.register(venue: .binance, combined: false, topics: [])
        let (pub, pubStream) = await state.register(venue: .binance, combined: false, topics: [])
        let (other, otherStream) = await state.register(venue: .okx, combined: false, topics: [])
        await state.setPrivate(priv, authenticated: true)
        let (book, spec) = await R.book(state, R.binanceBTC)
        _ = try #require(await state.placeOrder(R.limit("pub1", R.binanceBTC, .buy, price: book.asks[0].price, qty: book.asks[0].qty,
                                                        spec: spec, tif: .ioc)).value)
        for id in [priv, pub, other] { await state.unregister(id) }
        var frames: [String] = []
        for await out in privStream { if case .text(let t, _) = out { frames.append(t) } }
        #expect(!frames.isEmpty)
        #expect(frames.contains { $0.contains("ORDER_TRADE_UPDATE") && $0.contains("pub1") })
        var leaked = 0
        for await _ in pubStream { leaked += 1 }
        for await _ in otherStream { leaked += 1 }
        #expect(leaked == 0)
    }

    @Test func finalOrdersAreBoundedButClientIdsStayTaken() async throws {
        let (state, _) = R.make()
        let (book, spec) = await R.book(state, R.binanceBTC)
        let price = book.bids[300].price
        let n = SimAccount.finalOrdersKept + 20
        for i in 0..<n {
            let r = try #require(await state.placeOrder(R.limit("b\(i)", R.binanceBTC, .buy, price: price, qty: 5, spec: spec)).value)
            _ = await state.cancelOrder(instrument: R.binanceBTC, clientOrderId: nil, venueOrderId: r.venueOrderId)
        }
        #expect(await state.queryOrder(instrument: R.binanceBTC, clientOrderId: "b0", venueOrderId: nil) == nil)
        #expect(await state.queryOrder(instrument: R.binanceBTC, clientOrderId: "b\(n - 1)", venueOrderId: nil)?.status == .canceled)
        #expect(await state.placeOrder(R.limit("b0", R.binanceBTC, .buy, price: price, qty: 5, spec: spec)).failure == .duplicateClientOrderId)
    }
}
