import Engine
import PropCore
import Testing

/// Today's PnL, peak equity and peak-to-trough drawdown, tracked on every fill, mark and funding payment.
@Suite struct PortfolioIntradayTests {
    typealias F = PFx

    @Test func peakAndDrawdownFollowEveryMark() {
        var pf = F.portfolio()
        pf.apply(F.fill(.buy, "1", at: "3000", on: F.eth))
        #expect(pf.peakEquityToday == F.q("10000") && pf.maxDrawdown.isZero)
        pf.mark(F.eth, price: F.p("3100"))
        #expect(pf.peakEquityToday == F.q("10100") && pf.pnlToday == F.q("100"))
        pf.mark(F.eth, price: F.p("2900"))
        #expect(pf.maxDrawdown == F.q("200") && pf.pnlToday == F.q("-100"))
        // A recovery does not erase the trough that was seen.
        pf.mark(F.eth, price: F.p("3050"))
        #expect(pf.maxDrawdown == F.q("200") && pf.intraday.currentDrawdown == F.q("50") && pf.pnlToday == F.q("50"))
        pf.mark(F.eth, price: F.p("3300"))
        #expect(pf.peakEquityToday == F.q("10300") && pf.maxDrawdown == F.q("200") && pf.intraday.currentDrawdown.isZero)
    }

    @Test func feesAndFundingCountTowardsTheDrawdown() {
        var pf = F.portfolio()
        pf.apply(F.fill(.buy, "0.010", at: "50000", fee: "0.5"))
        #expect(pf.maxDrawdown == F.q("0.5"))
        pf.applyFunding(instrument: F.btc, amount: F.q("-1.25"), id: "f")
        #expect(pf.maxDrawdown == F.q("1.75") && pf.pnlToday == F.q("-1.75"))
    }

    @Test func startDayResetsTheReference() {
        var pf = F.portfolio()
        pf.apply(F.fill(.buy, "1", at: "3000", on: F.eth))
        pf.mark(F.eth, price: F.p("2800"))
        #expect(pf.maxDrawdown == F.q("200"))
        pf.startDay(atMs: 86_400_000)
        #expect(pf.pnlToday.isZero && pf.maxDrawdown.isZero && pf.peakEquityToday == F.q("9800"))
        #expect(pf.intraday.dayStartMs == 86_400_000 && pf.intraday.dayStartEquity == F.q("9800"))
        pf.mark(F.eth, price: F.p("2750"))
        #expect(pf.pnlToday == F.q("-50") && pf.maxDrawdown == F.q("50"))
        // The lifetime figures are not reset with the day.
        #expect(pf.total.netPnl == F.q("-250"))
    }
}
