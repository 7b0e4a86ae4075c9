import Engine
import PropCore
import Testing

/// Hand-computed average-cost scenarios on one venue (10 000 USDT on Binance, BTC-USDT unless stated).
@Suite struct PortfolioScenarioTests {
    typealias F = PFx

    @Test func openingLongCarriesAtCostUntilMarked() {
        var pf = F.portfolio()
        let booked = pf.apply(F.fill(.buy, "0.010", at: "50000", fee: "0.2"))
        #expect(booked)
        let p = pf.position(F.btc)!
        #expect(p.qty == F.q("0.010") && p.costBasis == F.q("500") && p.averageEntryPrice == F.p("50000"))
        #expect(p.unrealizedPnl.isZero && p.markValue == nil && p.value == F.q("500"))
        #expect(p.takerFees == F.q("0.2") && p.makerFees.isZero && p.fillCount == 1 && p.notionalTraded == F.q("500"))
        #expect(pf.cash(venue: .binance).description == F.usdt("9499.8"))
        #expect(pf.equity.description == F.usdt("9999.8") && pf.total.netPnl.description == F.usdt("-0.2"))
    }

    @Test func addingAveragesAndPartialCloseRealizesAgainstTheAverage() {
        var pf = F.portfolio()
        pf.apply(F.fill(.buy, "0.010", at: "50000"))
        pf.apply(F.fill(.buy, "0.010", at: "52000"))
        #expect(pf.position(F.btc)!.costBasis == F.q("1020") && pf.position(F.btc)!.averageEntryPrice == F.p("51000"))
        pf.apply(F.fill(.sell, "0.005", at: "53000", fee: "0.1325"))
        let p = pf.position(F.btc)!
        // 1020 × 0.005 / 0.020 = 255 of basis leaves; proceeds 265 → realized 10.
        #expect(p.realizedPnl == F.q("10") && p.costBasis == F.q("765") && p.qty == F.q("0.015"))
        #expect(p.averageEntryPrice == F.p("51000"))
        #expect(pf.total.netPnl.description == F.usdt("9.8675"))
        #expect(pf.violations() == [])
    }

    @Test func roundedBasisShareLeavesTheRemainderInTheBasis() {
        var pf = F.portfolio()
        pf.apply(F.fill(.buy, "1", at: "100", on: F.eth))
        pf.apply(F.fill(.buy, "1", at: "100.00000001", on: F.eth))
        pf.apply(F.fill(.sell, "1", at: "100", on: F.eth, trade: "s1"))
        // Half of 200.00000001 is 100.000000005, rounded half away from zero to 100.00000001.
        #expect(pf.position(F.eth)!.realizedPnl.description == F.usdt("-0.00000001"))
        #expect(pf.position(F.eth)!.costBasis.description == F.usdt("100"))
        pf.apply(F.fill(.sell, "1", at: "100", on: F.eth, trade: "s2"))
        let p = pf.position(F.eth)!
        #expect(p.isFlat && p.costBasis.isZero && p.realizedPnl.description == F.usdt("-0.00000001"))
        #expect(pf.cash(venue: .binance).description == F.usdt("9999.99999999") && pf.violations() == [])
    }

    @Test func notionalWithMoreThanEightDecimalsRoundsHalfAwayFromZero() {
        var pf = F.portfolio()
        // 0.123456 × 1.00005 = 0.1234621728 → 0.12346217 (ten decimals in, eight out).
        pf.apply(F.fill(.buy, "0.123456", at: "1.00005", on: F.eth))
        #expect(pf.position(F.eth)!.costBasis.description == F.usdt("0.12346217"))
        pf.apply(F.fill(.buy, "0.00000015", at: "0.5", on: F.bybitEth))
        // 0.000000075 → 0.00000008 (half away from zero).
        #expect(pf.position(F.bybitEth)!.costBasis.description == F.usdt("0.00000008"))
    }

    @Test func flipThroughZeroRealizesTheClosedPartAndOpensTheRestAtTheFillPrice() {
        var pf = F.portfolio()
        pf.apply(F.fill(.buy, "0.010", at: "50000"))
        pf.apply(F.fill(.buy, "0.010", at: "52000"))
        pf.apply(F.fill(.sell, "0.005", at: "53000"))
        pf.apply(F.fill(.sell, "0.025", at: "50000"))
        let p = pf.position(F.btc)!
        // Closing 0.015: proceeds 750 against basis 765 → −15, total realized 10 − 15 = −5; short 0.010 at 50 000.
        #expect(p.realizedPnl == F.q("-5") && p.qty == F.q("-0.010") && p.costBasis == F.q("-500"))
        #expect(p.averageEntryPrice == F.p("50000") && p.fillCount == 4)
        #expect(pf.violations() == [])
    }

    @Test func shortGainsWhenPriceFalls() {
        var pf = F.portfolio()
        pf.apply(F.fill(.sell, "1", at: "3000", on: F.eth))
        pf.apply(F.fill(.buy, "0.4", at: "2900", on: F.eth))
        pf.mark(F.eth, price: F.p("2800"))
        let p = pf.position(F.eth)!
        #expect(p.realizedPnl == F.q("40") && p.costBasis == F.q("-1800") && p.qty == F.q("-0.6"))
        #expect(p.markValue == F.q("-1680") && p.unrealizedPnl == F.q("120"))
        #expect(pf.cash(venue: .binance) == F.q("11840") && pf.equity == F.q("10160"))
        #expect(pf.total.netPnl == F.q("160") && pf.violations() == [])
    }

    @Test func makerRebateIsCountedApartFromFees() {
        var pf = F.portfolio()
        pf.apply(F.fill(.buy, "0.010", at: "50000", fee: "-0.05", maker: true))
        pf.apply(F.fill(.sell, "0.010", at: "50000", fee: "0.1", maker: true))
        pf.apply(F.fill(.buy, "0.010", at: "50000", fee: "0.25", trade: "taker"))
        let r = pf.total
        #expect(r.rebates == F.q("0.05") && r.makerFees == F.q("0.1") && r.takerFees == F.q("0.25"))
        #expect(r.netFees == F.q("0.3") && r.fills == 3)
        #expect(pf.cash(venue: .binance) == F.q("9499.7") && r.netPnl == F.q("-0.3"))
    }

    @Test func fundingIsBookedOncePerId() {
        var pf = F.portfolio()
        pf.apply(F.fill(.sell, "0.010", at: "50000"))
        let received = pf.applyFunding(instrument: F.btc, amount: F.q("1.5"), id: "f1")
        #expect(received)
        let paid = pf.applyFunding(instrument: F.btc, amount: F.q("-0.7"), id: "f2")
        #expect(paid)
        let replayed = pf.applyFunding(instrument: F.btc, amount: F.q("1.5"), id: "f1")
        #expect(!replayed)
        let p = pf.position(F.btc)!
        #expect(p.fundingReceived == F.q("1.5") && p.fundingPaid == F.q("0.7") && p.funding == F.q("0.8"))
        #expect(pf.cash(venue: .binance) == F.q("10500.8") && pf.total.netPnl == F.q("0.8"))
        #expect(pf.violations() == [])
    }

    @Test func duplicateTradeIdIsBookedOnce() {
        var pf = F.portfolio()
        let fill = F.fill(.buy, "0.010", at: "50000", fee: "0.2", trade: "42")
        let first = pf.apply(fill)
        #expect(first)
        let again = pf.apply(fill)
        #expect(!again)
        #expect(pf.position(F.btc)!.qty == F.q("0.010") && pf.position(F.btc)!.fillCount == 1)
        #expect(pf.cash(venue: .binance) == F.q("9499.8"))
        // The same trade id on another instrument is another execution.
        let otherInstrument = pf.apply(F.fill(.buy, "0.1", at: "3000", on: F.eth, trade: "42"))
        #expect(otherInstrument)
        #expect(fill.dedupKey == "binance|BINANCE:PERP:BTC-USDT|42")
    }

    @Test func markMovesUnrealizedAndEquity() {
        var pf = F.portfolio()
        pf.apply(F.fill(.buy, "0.010", at: "50000"))
        pf.apply(F.fill(.buy, "0.010", at: "52000"))
        pf.mark(F.btc, price: F.p("50000"))
        #expect(pf.position(F.btc)!.unrealizedPnl == F.q("-20") && pf.equity == F.q("9980"))
        pf.mark(F.btc, price: F.p("52000"))
        #expect(pf.position(F.btc)!.unrealizedPnl == F.q("20") && pf.equity == F.q("10020"))
        let zeroMark = pf.mark(F.btc, price: F.p("0"))
        #expect(!zeroMark && pf.position(F.btc)!.mark == F.p("52000"))
        #expect(pf.total.unrealized == F.q("20") && pf.violations() == [])
    }
}
