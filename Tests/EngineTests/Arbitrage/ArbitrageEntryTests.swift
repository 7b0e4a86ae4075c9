import Engine
import PropCore
import Testing

/// Acceptance cases TC-A01…A09: when the engine opens an arbitrage, with what orders, and when it does not.
@Suite struct ArbitrageEntryTests {
    /// Rests every order, so the entry can be inspected before anything fills.
    static func restingRig() -> ArbRig {
        var rig = ArbRig()
        rig.venue = { _ in .rest }
        return rig
    }

    @Test func tcA01_opensTakerTakerWithBothLegsInOnePlaceOnTheGrid() throws {
        var rig = Self.restingRig()
        rig.books()
        #expect(rig.places.count == 1)
        let legs = try #require(rig.places.first)
        #expect(legs.count == 2)
        let buy = try #require(legs.first { $0.side == .buy }), sell = try #require(legs.first { $0.side == .sell })
        #expect(buy.instrument == ArbFx.binance && sell.instrument == ArbFx.okx)
        #expect(buy.timeInForce == .ioc && sell.timeInForce == .ioc)
        #expect(!buy.reduceOnly && !sell.reduceOnly && buy.purpose == .entry && sell.purpose == .entry)
        // 2 000 USDT at 65 000 = 0.0307 BTC, rounded down to the common lot 0.01: 0.03 BTC = 3 OKX contracts.
        #expect(buy.qty == ArbFx.q("0.03") && sell.qty == ArbFx.q("3"))
        #expect(buy.baseQty == sell.baseQty)
        // Prices at the level the walk reached (the top: 5 BTC there).
        #expect(buy.price == ArbFx.p("65000.0") && sell.price == ArbFx.p("65200.0"))
        for leg in legs {
            let q = try OrderQuantizer(rules: ArbFx.rules(leg.instrument.venue))
                .quantize(side: leg.side, baseQty: leg.baseQty, price: leg.price, rounding: .passive)
            #expect(q.qty == leg.qty && q.price == leg.price, "\(leg.instrument) off the grid")
        }
        let a = try #require(rig.last)
        #expect(a.phase == .entering && a.legs.count == 2)
        #expect(rig.board(buy: .binance, sell: .okx)?.reasonCode == "traded")
    }

    @Test func tcA02_nothingBelowMinProfitability() throws {
        var rig = Self.restingRig()
        rig.books(okxBid: "65050.0") // 7.7 bps gross: below 5 bps after 10 bps of fees
        #expect(rig.places.isEmpty)
        let entry = try #require(rig.board(buy: .binance, sell: .okx))
        #expect(entry.reasonCode == "opportunity_below_threshold")
        #expect(entry.reasonRu?.contains("ниже порога min_profitability") == true)
        #expect(entry.walked)
    }

    @Test func tcA03_nothingWhileMarginUnknownOrShort() throws {
        var unknown = ArbRig(margin: nil)
        unknown.venue = { _ in .rest }
        unknown.books()
        #expect(unknown.places.isEmpty)
        #expect(unknown.board(buy: .binance, sell: .okx)?.reasonCode == "margin")
        #expect(unknown.board(buy: .binance, sell: .okx)?.reasonRu?.contains("Нет данных о марже") == true)

        // 0.03 BTC × 65 200 / leverage 5 ≈ 391 USDT of initial margin; 300 is not enough.
        var short = ArbRig(margin: "300")
        short.venue = { _ in .rest }
        short.books()
        #expect(short.places.isEmpty)
        #expect(short.board(buy: .binance, sell: .okx)?.reasonCode == "margin")
        #expect(short.board(buy: .binance, sell: .okx)?.reasonRu?.contains("Недостаточно маржи") == true)
        short.engine.setAvailableMargin(.okx, ArbFx.q("400"))
        short.engine.setAvailableMargin(.binance, ArbFx.q("400"))
        short.books()
        #expect(short.places.count == 1)
    }

    @Test func tcA04_nothingWhileHold() {
        var rig = Self.restingRig()
        rig.engine.risk.hold("оператор")
        rig.books()
        #expect(rig.places.isEmpty)
        #expect(rig.board(buy: .binance, sell: .okx)?.reasonCode == "hold")
        rig.engine.risk.resetHold()
        rig.book(.okx, bid: "65200.0", ask: "65200.1")
        #expect(rig.places.count == 1)
    }

    @Test func tcA05_oneArbitragePerPairThenCooldown() throws {
        var rig = Self.restingRig()
        rig.books()
        rig.book(.okx, bid: "65300.0", ask: "65300.1")
        #expect(rig.places.count == 1, "a second arbitrage on a busy pair")
        #expect(rig.board(buy: .binance, sell: .okx)?.reasonCode == "pair_busy")
        // Both IOCs expire unfilled: closed flat, the pair cools down for 1 s.
        for key in rig.resting.keys.sorted() { rig.final(key) }
        #expect(rig.last?.phase == .closed)
        rig.ms += 500
        rig.books()
        #expect(rig.places.count == 1)
        #expect(rig.board(buy: .binance, sell: .okx)?.reasonCode == "cooldown")
        rig.ms += 600
        rig.books()
        #expect(rig.places.count == 2)
        #expect(rig.arbitrages.count == 2)
    }

    @Test func tcA06_bothLegsCheckedByRiskBeforeEitherIsSent() {
        // The sell leg (≈ 1 956 USDT short on OKX) is over the short cap; the buy leg alone would pass.
        var limits = ArbFx.limits
        limits.maxShortNotional = ArbFx.q("1000")
        var rig = ArbRig(ArbFx.engine(limits: limits))
        rig.venue = { _ in .rest }
        rig.books()
        #expect(rig.places.isEmpty)
        #expect(rig.board(buy: .binance, sell: .okx)?.reasonCode == "risk_short_cap")
        #expect(rig.arbitrages.isEmpty)
    }

    @Test func tcA07_throttleRoomForOneOrderSendsNeitherLeg() {
        // One order per second allowed: the first leg would pass on its own, the pair must not go out half.
        var limits = ArbFx.limits
        limits.maxOrdersPerSecond = 1
        var rig = ArbRig(ArbFx.engine(limits: limits))
        rig.venue = { _ in .rest }
        rig.books()
        #expect(rig.places.isEmpty, "\(rig.places)")
        #expect(rig.board(buy: .binance, sell: .okx)?.reasonCode == "risk_orders_per_second")
        #expect(rig.arbitrages.isEmpty)
    }

    @Test func tcA08_staleBookOpensNothing() {
        var rig = Self.restingRig()
        rig.book(.okx, bid: "65200.0", ask: "65200.1")
        rig.ms += 800 // OKX's book is now 800 ms old, over the 500 ms limit
        rig.book(.bybit, bid: "65000.0", ask: "65000.1")
        rig.book(.binance, bid: "64999.9", ask: "65000.0")
        #expect(rig.places.isEmpty)
        #expect(rig.board(buy: .binance, sell: .okx)?.reasonCode == "risk_stale_book")
        #expect(rig.board(buy: .binance, sell: .okx)?.reasonRu?.contains("Риск") == true)
    }

    @Test func tcA09_bothFilledOpensLongOnBuyVenueShortOnSellVenue() throws {
        var rig = ArbRig()
        rig.books()
        let a = try #require(rig.last)
        #expect(a.phase == .open)
        #expect(rig.position(.binance) == ArbFx.q("0.03"))
        #expect(rig.position(.okx) == ArbFx.q("-0.03"))
        #expect(rig.net.isZero)
        #expect(rig.places.count == 1, "no hedge or unwind after a clean entry")
        #expect(rig.holds == 0 && rig.alerts.isEmpty, "\(rig.alerts)")
        #expect(rig.engine.portfolioViolations.isEmpty)
        #expect(rig.engine.exposure.pairs["BTC-USDT"]?.breached != true)
    }
}
