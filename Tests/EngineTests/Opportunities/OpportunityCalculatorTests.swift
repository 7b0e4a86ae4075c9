import Engine
import PropCore
import Testing

/// Hand-computed opportunities between an OKX-like (contracts) and a Binance-like book, and every Russian reason.
@Suite struct OpportunityCalculatorTests {
    typealias F = OppFx

    /// Buy 0.05 BTC on OKX (3 ct @ 64990.0 + 2 ct @ 64991.0), sell on Binance (0.02 @ 65010.0 + 0.03 @ 65005.0).
    @Test func takerTakerWalksBothBooksWithOKXContracts() throws {
        let fees = { (m: String, t: String) in FeeSchedule(maker: FeeRate(m)!, taker: FeeRate(t)!) }
        let okx = F.okx(fees: fees("0.0002", "0.0005"), funding: FundingTerms(rate: FundingRate("0.0001")!))
        let bin = F.binance(fees: fees("0.0002", "0.0004"), funding: FundingTerms(rate: FundingRate("0.0003")!))
        let o = OpportunityCalculator.evaluate(buyOn: okx, sellOn: bin, style: .takerTaker,
                                               parameters: F.params(size: "0.05", buffer: "1", min: "0", holding: 4 * 3600))
        let buy = try #require(o.buyLeg), sell = try #require(o.sellLeg)
        #expect(o.sizeBase == F.q("0.05"))
        #expect(buy.venueQty == F.q("5"))           // 0.05 BTC / 0.01 BTC per contract
        #expect(sell.venueQty == F.q("0.05"))
        #expect(buy.notional == F.q("3249.52"))     // 1949.70 + 1299.82
        #expect(buy.vwap == F.p("64990.4"))
        #expect(buy.worstPrice == F.p("64991.0") && buy.levelsUsed == 2)
        #expect(buy.slippage == F.q("0.02"))        // vs 64990.0 × 0.05 = 3249.50
        #expect(sell.notional == F.q("3250.35"))    // 1300.20 + 1950.15
        #expect(sell.vwap == F.p("65007"))
        #expect(sell.slippage == F.q("0.15"))       // vs 65010.0 × 0.05 = 3250.50
        #expect(o.grossEdge == F.q("0.83"))
        #expect(o.fees == F.q("2.9249"))            // 1.62476 + 1.30014
        #expect(o.slippageBuffer == F.q("0.649987")) // 1 bps of each taker notional
        #expect(o.funding == F.q("0.3250765"))      // half an 8 h interval: +0.4875525 short, −0.162476 long
        #expect(o.netEdge == F.q("-2.4198105"))
        #expect(abs(o.grossEdgeBps - 2.5542) < 0.001)
        #expect(abs(o.netEdgeBps - -7.4467) < 0.001)
        #expect(o.rejection?.code == "opportunity_below_threshold")
        #expect(o.reasonRu == "Чистая доходность -7.45 б.п. ниже порога min_profitability 0 б.п.")
        #expect(o.reasonRu?.contains("min_profitability") == true)
    }

    @Test func thresholdDecidesExactly() {
        // No fees: net = gross = 0.83 on 3249.52 = 2.554 bps.
        let pass = OpportunityCalculator.evaluate(buyOn: F.okx(), sellOn: F.binance(), style: .takerTaker, parameters: F.params(min: "2.55"))
        #expect(pass.isTradeable && pass.reasonRu == nil)
        let fail = OpportunityCalculator.evaluate(buyOn: F.okx(), sellOn: F.binance(), style: .takerTaker, parameters: F.params(min: "2.56"))
        #expect(fail.rejection?.code == "opportunity_below_threshold")
        #expect(fail.reasonRu == "Чистая доходность 2.55 б.п. ниже порога min_profitability 2.56 б.п.")
    }

    @Test func makerBuyRestsAtItsOwnBidAndTheHedgeWalks() throws {
        let okx = F.okx(fees: FeeSchedule(maker: FeeRate("-0.00005")!, taker: FeeRate("0.0005")!))
        let o = OpportunityCalculator.evaluate(buyOn: okx, sellOn: F.binance(), style: .makerBuy, parameters: F.params(buffer: "1"))
        let buy = try #require(o.buyLeg)
        #expect(buy.role == .maker && buy.vwap == F.p("64980") && buy.worstPrice == F.p("64980.0"))
        #expect(buy.notional == F.q("3249") && buy.slippage == .zero && buy.slippageBuffer == .zero)
        #expect(buy.fee == F.q("-0.16245"))         // rebate
        #expect(o.sellLeg?.role == .taker && o.sellLeg?.slippageBuffer == F.q("0.325035"))
        #expect(o.grossEdge == F.q("1.35"))         // 3250.35 − 3249.00
        #expect(o.netEdge == F.q("1.187415"))       // 1.35 + 0.16245 − 0.325035
        #expect(o.isTradeable)
    }

    @Test func bothDirectionsAndStyles() {
        let all = OpportunityCalculator.evaluateAll(F.okx(), F.binance(), parameters: F.params())
        #expect(all.map(\.buyVenue) == [.okx, .okx, .okx, .binance, .binance, .binance])
        #expect(all.map(\.style) == [.takerTaker, .makerBuy, .makerSell, .takerTaker, .makerBuy, .makerSell])
        // Buying on Binance at 65020 and selling on OKX at 64980 loses.
        #expect(all[3].grossEdge < .zero && !all[3].isTradeable)
    }

    @Test func swappingTheBooksSwapsTheDirection() {
        let a = F.okx(fees: FeeSchedule(maker: FeeRate("0.0001")!, taker: FeeRate("0.0005")!))
        let b = F.binance(fees: FeeSchedule(maker: FeeRate("0.0002")!, taker: FeeRate("0.0004")!))
        let ab = OpportunityCalculator.evaluateAll(a, b, parameters: F.params(buffer: "0.5"))
        let ba = OpportunityCalculator.evaluateAll(b, a, parameters: F.params(buffer: "0.5"))
        #expect(Array(ab[0..<3]) == Array(ba[3..<6]))
        #expect(Array(ab[3..<6]) == Array(ba[0..<3]))
    }

    @Test func reasonsInRussian() {
        let thin = OpportunityCalculator.evaluate(buyOn: F.okx(), sellOn: F.binance(), style: .takerTaker, parameters: F.params(size: "0.1"))
        #expect(thin.rejection == .insufficientDepth(venue: .okx, side: "asks", needed: "0.1", available: "0.08"))
        #expect(thin.reasonRu?.contains("Недостаточная глубина") == true)

        var crossed = F.binance()
        crossed.depth.asks = F.levels([("65000.0", "1")])
        let c = OpportunityCalculator.evaluate(buyOn: F.okx(), sellOn: crossed, style: .takerTaker, parameters: F.params())
        #expect(c.rejection == .crossedBook(venue: .binance))

        var empty = F.okx()
        empty.depth.asks = []
        let e = OpportunityCalculator.evaluate(buyOn: empty, sellOn: F.binance(), style: .takerTaker, parameters: F.params())
        #expect(e.rejection == .emptyBook(venue: .okx, side: "asks"))
        #expect(e.reasonRu?.contains("пуст") == true)

        let tiny = OpportunityCalculator.evaluate(buyOn: F.okx(), sellOn: F.binance(), style: .takerTaker, parameters: F.params(size: "0.0009"))
        #expect(tiny.rejection == .sizeBelowStep(size: "0.0009", commonStep: "0.001"))

        // 0.001 BTC × ~65000 = 65 USDT < Binance minNotional 100.
        let small = OpportunityCalculator.evaluate(buyOn: F.okx(), sellOn: F.binance(), style: .takerTaker, parameters: F.params(size: "0.001"))
        #expect(small.rejection?.code == "opportunity_leg_rules")
        #expect(small.reasonRu?.contains("minNotional") == true)

        var eth = F.binance()
        eth.rules.id.base = "ETH"
        #expect(OpportunityCalculator.evaluate(buyOn: F.okx(), sellOn: eth, style: .takerTaker, parameters: F.params()).rejection
                == .assetMismatch(buy: "BTC-USDT", sell: "ETH-USDT"))
    }

    @Test func sizeIsRoundedDownToBothVenuesLots() {
        // OKX lot 0.0001 BTC, Binance lot 0.001 BTC: 0.0567 → 0.056.
        let o = OpportunityCalculator.evaluate(buyOn: F.okx(), sellOn: F.binance(), style: .takerTaker, parameters: F.params(size: "0.0567"))
        #expect(o.sizeBase == F.q("0.056"))
        #expect(o.buyLeg?.venueQty == F.q("5.6"))
    }
}
