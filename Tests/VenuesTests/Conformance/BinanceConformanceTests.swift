import Foundation
import PropCore
import Testing
import VenueSim
@testable import Venues

/// The Binance connector against the simulator over loopback: every order type, rejects, duplicate ids,
/// amend, batches, cancel-all, queries, account, time window and dead-man switch.
@Suite(.serialized) struct BinanceConformanceTests {
    typealias Rig = BinanceRig
    static let btc = BinanceRig.btc

    func limit(_ id: String, _ side: OrderSide, _ price: Price, _ qty: Qty, tif: TimeInForce = .gtc,
               reduceOnly: Bool = false, instrument: InstrumentId = btc) -> OrderRequest {
        OrderRequest(clientOrderId: id, instrument: instrument, side: side, type: .limit, timeInForce: tif, price: price,
                     qty: qty, reduceOnly: reduceOnly)
    }

    static let small = Qty(units: 2, scale: 3)

    @Test func restingLimitIsQueriedListedAndCancelledOnce() async throws {
        try await Rig.with { rig in
            let c = rig.client
            let price = await rig.passivePrice(.buy)
            let placed = try await c.place(limit(Rig.id("rest"), .buy, price, Self.small))
            #expect(placed.status == .new && placed.price == price && placed.qty == Self.small && placed.clientOrderId == Rig.id("rest"))
            let queried = try await c.queryOrder(instrument: Self.btc, clientOrderId: Rig.id("rest"))
            #expect(queried.venueOrderId == placed.venueOrderId && queried.status == .new)
            #expect(try await c.openOrders(instrument: Self.btc).map(\.clientOrderId) == [Rig.id("rest")])
            #expect(try await c.openOrders(instrument: nil).count == 1)
            let cancelled = try await c.cancel(instrument: Self.btc, clientOrderId: Rig.id("rest"))
            #expect(cancelled.status == .canceled)
            await #expect(throws: VenueOrderError.unknownOrder(venue: .binance, clientOrderId: Rig.id("rest"))) {
                try await c.cancel(instrument: Self.btc, clientOrderId: Rig.id("rest"))
            }
            await #expect(throws: VenueOrderError.unknownOrder(venue: .binance, clientOrderId: "pbnever")) {
                try await c.queryOrder(instrument: Self.btc, clientOrderId: "pbnever")
            }
            #expect(try await c.queryOrder(instrument: Self.btc, clientOrderId: Rig.id("rest")).status == .canceled)
        }
    }

    @Test func marketOrderFillsChargesTakerFeeAndOpensPosition() async throws {
        try await Rig.with { rig in
            let c = rig.client
            let start = try await c.balances()
            let since = try await c.syncServerTime() + rig.client.clock.localMs - 1_000
            let r = try await c.place(OrderRequest(clientOrderId: Rig.id("mkt"), instrument: Self.btc, side: .buy, type: .market, qty: Self.small))
            #expect(r.status == .filled && r.filledQty == Self.small && r.averagePrice != nil && r.price == nil)
            let fills = try await c.fills(instrument: Self.btc, sinceMs: since)
            #expect(!fills.isEmpty && fills.allSatisfy { $0.clientOrderId == Rig.id("mkt") && !$0.isMaker && $0.fee > .zero })
            #expect(fills.reduce(Qty.zero) { $0 + $1.qty } == Self.small)
            #expect(Set(fills.map(\.tradeId)).count == fills.count)
            let fees = fills.reduce(Qty.zero) { $0 + $1.fee }
            let after = try await c.balances()
            #expect(start.count == 1 && after.count == 1)
            #expect(after[0].wallet == start[0].wallet - fees, "wallet drops by exactly the fees while the position is open")
            let positions = try await c.positions()
            #expect(positions.count == 1 && positions[0].instrument == Self.btc && positions[0].qty == Self.small)
            // Reduce-only close flattens it.
            let close = try await c.place(OrderRequest(clientOrderId: Rig.id("close"), instrument: Self.btc, side: .sell, type: .market,
                                                       qty: Self.small, reduceOnly: true))
            #expect(close.status == .filled)
            #expect(try await c.positions().isEmpty)
        }
    }

    @Test func iocTakesWhatIsThereAndExpiresTheRest() async throws {
        try await Rig.with { rig in
            // The synthetic market moves every tick: if the ask stepped away between reading and placing, nothing
            // fills at the old touch — try again (a few times) rather than assert on a book that is gone.
            var t = await rig.top()
            var qty = t.askQty + Qty(units: 500, scale: 3)
            var r = try await rig.client.place(limit(Rig.id("ioc"), .buy, t.ask, qty, tif: .ioc))
            for attempt in 1...5 where r.filledQty.isZero {
                t = await rig.top()
                qty = t.askQty + Qty(units: 500, scale: 3)
                r = try await rig.client.place(limit(Rig.id("ioc", attempt), .buy, t.ask, qty, tif: .ioc))
            }
            #expect(r.status == .expired || r.status == .canceled)
            #expect(r.filledQty > .zero && r.filledQty < qty, "partial fill at the touch, remainder expired")
            #expect(try await rig.client.openOrders(instrument: nil).isEmpty)
        }
    }

    @Test func fokThatCannotFillCompletelyDoesNotTrade() async throws {
        try await Rig.with { rig in
            let t = await rig.top()
            let r = try await rig.client.place(limit(Rig.id("fok"), .buy, t.ask, t.askQty + Qty(units: 500, scale: 3), tif: .fok))
            #expect(r.filledQty.isZero && r.status.isFinal)
            // Priced 1 % through the touch, the book has enough depth: FOK fills completely.
            let through = Price(units: t.ask.units * 101 / 100 / t.spec.tickUnits * t.spec.tickUnits, scale: t.ask.scale)
            let ok = try await rig.client.place(limit(Rig.id("fok2"), .buy, through, Self.small, tif: .fok))
            #expect(ok.status == .filled && ok.filledQty == Self.small)
        }
    }

    @Test func rejectsMapToTheirErrors() async throws {
        try await Rig.with { rig in
            let c = rig.client
            let t = await rig.top()
            await #expect(throws: VenueOrderError.postOnlyWouldTake(venue: .binance, clientOrderId: Rig.id("gtx"))) {
                try await c.place(limit(Rig.id("gtx"), .buy, t.ask, Self.small, tif: .postOnly))
            }
            // The venue does not record a rejected post-only order.
            await #expect(throws: VenueOrderError.unknownOrder(venue: .binance, clientOrderId: Rig.id("gtx"))) {
                try await c.queryOrder(instrument: Self.btc, clientOrderId: Rig.id("gtx"))
            }
            await #expect(throws: VenueOrderError.reduceOnlyRejected(venue: .binance, clientOrderId: Rig.id("ro"))) {
                try await c.place(limit(Rig.id("ro"), .sell, await rig.passivePrice(.sell), Self.small, reduceOnly: true))
            }
            await #expect(throws: VenueOrderError.insufficientMargin(venue: .binance, clientOrderId: Rig.id("big"))) {
                try await c.place(limit(Rig.id("big"), .buy, await rig.passivePrice(.buy), Qty(units: 500_000, scale: 3)))
            }
            let tinyPrice = await rig.passivePrice(.buy)
            let tiny = await Rig.failure {
                try await c.place(limit(Rig.id("tiny"), .buy, tinyPrice, Qty(units: 1, scale: 3)))
            }
            guard case .invalidOrder(_, let code, _)? = tiny else { Issue.record("min notional: \(String(describing: tiny))"); return }
            #expect(code == "-4164" && tiny?.outcome == .rejected)
            let leftover = try await c.openOrders(instrument: nil)
            #expect(leftover.isEmpty)
        }
    }

    @Test func retryWithTheSameClientIdIsDuplicateAndTheVenueHasOneOrder() async throws {
        try await Rig.with { rig in
            let order = limit(Rig.id("dup"), .buy, await rig.passivePrice(.buy), Self.small)
            _ = try await rig.client.place(order)
            await #expect(throws: VenueOrderError.duplicateClientOrderId(venue: .binance, clientOrderId: Rig.id("dup"))) {
                try await rig.client.place(order)
            }
            let open = try await rig.client.openOrders(instrument: Self.btc)
            #expect(open.filter { $0.clientOrderId == Rig.id("dup") }.count == 1)
        }
    }

    @Test func amendChangesPriceAndQuantity() async throws {
        try await Rig.with { rig in
            let price = await rig.passivePrice(.buy)
            let placed = try await rig.client.place(limit(Rig.id("amend"), .buy, price, Self.small))
            let lower = Price(units: price.units - 10, scale: price.scale)
            let amended = try await rig.client.amend(instrument: Self.btc, clientOrderId: Rig.id("amend"), newPrice: lower,
                                                     newQty: Qty(units: 3, scale: 3))
            #expect(amended.venueOrderId == placed.venueOrderId && amended.price == lower && amended.qty == Qty(units: 3, scale: 3))
            let q = try await rig.client.queryOrder(instrument: Self.btc, clientOrderId: Rig.id("amend"))
            #expect(q.price == lower && q.qty == Qty(units: 3, scale: 3) && q.status == .new)
            let priceOnly = try await rig.client.amend(instrument: Self.btc, clientOrderId: Rig.id("amend"), newPrice: price, newQty: nil)
            #expect(priceOnly.price == price && priceOnly.qty == Qty(units: 3, scale: 3))
            await #expect(throws: VenueOrderError.unknownOrder(venue: .binance, clientOrderId: "pbnone")) {
                try await rig.client.amend(instrument: Self.btc, clientOrderId: "pbnone", newPrice: price, newQty: nil)
            }
        }
    }

    @Test func batchPlaceAndCancelReportPerItem() async throws {
        try await Rig.with { rig in
            let t = await rig.top()
            let buy = await rig.passivePrice(.buy), sell = await rig.passivePrice(.sell)
            let orders = [limit(Rig.id("b", 1), .buy, buy, Self.small), limit(Rig.id("b", 2), .sell, sell, Self.small),
                          limit(Rig.id("b", 3), .buy, t.ask, Self.small, tif: .postOnly)]
            let placed = try await rig.client.placeBatch(orders)
            #expect(placed.count == 3)
            #expect((try? placed[0].get())?.clientOrderId == Rig.id("b", 1))
            #expect((try? placed[1].get())?.clientOrderId == Rig.id("b", 2))
            #expect(placed[2] == .failure(.postOnlyWouldTake(venue: .binance, clientOrderId: Rig.id("b", 3))))
            let cancelled = try await rig.client.cancelBatch(instrument: Self.btc, clientOrderIds: [Rig.id("b", 1), Rig.id("b", 2), "pbghost"])
            #expect((try? cancelled[0].get())?.status == .canceled && (try? cancelled[1].get())?.status == .canceled)
            #expect(cancelled[2] == .failure(.unknownOrder(venue: .binance, clientOrderId: "pbghost")))
            // More than the venue's 5 per request are split into several requests.
            let seven = (0..<7).map { limit(Rig.id("s", $0), .buy, Price(units: buy.units - Int64($0) * 10, scale: buy.scale), Self.small) }
            #expect(try await rig.client.placeBatch(seven).allSatisfy { (try? $0.get()) != nil })
            #expect(try await rig.client.openOrders(instrument: Self.btc).count == 7)
        }
    }

    @Test func cancelAllSweepsOneInstrumentOrEvery() async throws {
        try await Rig.with { rig in
            let b = await rig.passivePrice(.buy), e = await rig.passivePrice(.buy, BinanceRig.eth)
            _ = try await rig.client.place(limit(Rig.id("ca", 1), .buy, b, Self.small))
            _ = try await rig.client.place(limit(Rig.id("ca", 2), .buy, Price(units: b.units - 10, scale: b.scale), Self.small))
            _ = try await rig.client.place(limit(Rig.id("ca", 3), .buy, e, Qty(units: 10, scale: 3), instrument: BinanceRig.eth))
            try await rig.client.cancelAll(instrument: Self.btc)
            #expect(try await rig.client.openOrders(instrument: nil).map(\.clientOrderId) == [Rig.id("ca", 3)])
            _ = try await rig.client.place(limit(Rig.id("ca", 4), .buy, b, Self.small))
            try await rig.client.cancelAll(instrument: nil)
            #expect(try await rig.client.openOrders(instrument: nil).isEmpty)
        }
    }

    @Test func signatureKeyAndTimestampAreVerified() async throws {
        try await Rig.with { rig in
            await #expect(throws: VenueOrderError.authenticationFailed(venue: .binance, code: "-1022", message: "Signature for this request is not valid.")) {
                try await rig.client(apiSecret: "wrong-secret").balances()
            }
            let wrongKey = await Rig.failure { try await rig.client(apiKey: "wrong-key").balances() }
            guard case .authenticationFailed(_, let code, _)? = wrongKey else { Issue.record("wrong key: \(String(describing: wrongKey))"); return }
            #expect(code == "-2015")
            // A clock 10 s behind the venue's (recvWindow 5 s) and one 2 s ahead are both outside the window.
            for skew: Int64 in [-10_000, 2_000] {
                let clock = ServerClock()
                let now = clock.localMs
                clock.record(serverMs: now + skew, sentMs: now, receivedMs: now)
                await #expect(throws: VenueOrderError.timestampOutsideWindow(venue: .binance, code: "-1021")) {
                    try await rig.client(clock: clock).place(limit(Rig.id("ts"), .buy, await rig.passivePrice(.buy), Self.small))
                }
            }
            #expect(try await rig.client.openOrders(instrument: nil).isEmpty)
            let offset = try await rig.client.syncServerTime()
            #expect(abs(offset) < 1_000)
        }
    }

    @Test func deadManSwitchCancelsWhenNotRefreshed() async throws {
        try await Rig.with { rig in
            _ = try await rig.client.place(limit(Rig.id("dms"), .buy, await rig.passivePrice(.buy), Self.small))
            try await rig.client.armDeadManSwitch(timeoutMs: 600, instruments: [Self.btc])
            let fired = await Rig.eventually { ((try? await rig.client.openOrders(instrument: nil))?.isEmpty) ?? false }
            #expect(fired)
            #expect(try await rig.client.queryOrder(instrument: Self.btc, clientOrderId: Rig.id("dms")).status == .canceled)
            // Disarmed (0): a new order stays.
            _ = try await rig.client.place(limit(Rig.id("dms2"), .buy, await rig.passivePrice(.buy), Self.small))
            try await rig.client.armDeadManSwitch(timeoutMs: 0, instruments: [Self.btc])
            try await Task.sleep(for: .milliseconds(1_000))
            #expect(try await rig.client.openOrders(instrument: nil).count == 1)
        }
    }

    @Test func rateLimitStormIsRateLimitedThenBanned() async throws {
        try await Rig.with { rig in
            // No governor: `openOrders` without a symbol weighs 40, so the 2 400/min budget lasts 60 calls.
            var limited: VenueOrderError?
            let watched = rig.client
            for _ in 0..<200 {
                limited = await Rig.failure { try await watched.openOrders(instrument: nil) }
                if limited != nil { break }
            }
            guard case .rateLimited(_, let code, let after)? = limited else { Issue.record("no rate limit: \(String(describing: limited))"); return }
            #expect(code == "-1003" && (after ?? 0) > 0)
            // Carrying on regardless ends in the 418 ban with Retry-After.
            var banned: VenueOrderError?
            for _ in 0..<200 {
                let e = await Rig.failure { try await watched.openOrders(instrument: nil) }
                if case .banned? = e { banned = e; break }
            }
            #expect(banned == .banned(venue: .binance, retryAfterMs: 120_000))
            await #expect(throws: VenueOrderError.self) { try await rig.client.balances() }
        }
    }

    @Test func governedBurstNeverReachesTheVenueLimit() async throws {
        try await Rig.with { rig in
            var limits = VenueRateLimits.binance
            limits.maxWaitMs = 200
            let creds = rig.sim.config.credentials
            let governed = BinanceTradingClient(baseURL: rig.endpoints.binance.rest, apiKey: creds.apiKey, apiSecret: creds.apiSecret,
                                                governor: RateGovernor(limits: limits), logger: rig.logger)
            var throttled = 0
            for _ in 0..<90 {
                let e = await Rig.failure { try await governed.openOrders(instrument: nil) }
                switch e {
                case nil: break
                case .throttled?: throttled += 1
                default: Issue.record("the venue refused a governed request: \(String(describing: e))")
                }
            }
            #expect(throttled > 0, "90 × weight 40 is over 2 400/min: the governor must hold some back")
            let after = try await rig.client.balances()
            #expect(after.count == 1, "the account is neither limited nor banned")
        }
    }

    @Test func usageHeadersAreReported() async throws {
        try await Rig.with { rig in
            let seen = Rig.Usage()
            let c = BinanceTradingClient(http: rig.client.http, apiKey: rig.sim.config.credentials.apiKey,
                                         apiSecret: rig.sim.config.credentials.apiSecret, onUsage: { u in seen.record(u) })
            _ = try await c.place(limit(Rig.id("u"), .buy, await rig.passivePrice(.buy), Self.small))
            let last = seen.last
            #expect((last?.usedWeight1m ?? 0) >= 1 && last?.orderCount10s == 1 && last?.orderCount1m == 1)
        }
    }
}

extension BinanceRig {
    /// The last usage headers a client reported (set from the HTTP client's threads).
    // Safety: `value` is only touched under `lock`.
    final class Usage: @unchecked Sendable {
        private let lock = NSLock()
        private var value: BinanceRateUsage?
        func record(_ u: BinanceRateUsage) { lock.lock(); value = u; lock.unlock() }
        var last: BinanceRateUsage? { lock.lock(); defer { lock.unlock() }; return value }
    }
}
