@testable import Engine
import PropCore
import Testing

/// Each invariant catches its inconsistency; the books are corrupted directly (white-box) because the public API
/// cannot produce an inconsistent state, which is the point.
@Suite struct PortfolioInvariantTests {
    typealias F = PFx

    static func booked() -> Portfolio {
        var pf = F.portfolio(allVenues: true)
        pf.apply(F.fill(.buy, "0.002", at: "50000", fee: "0.04"))
        pf.apply(F.fill(.sell, "0.5", at: "3000", on: F.bybitEth, fee: "-0.01", maker: true))
        pf.applyFunding(instrument: F.bybitEth, amount: F.q("0.3"), id: "f1")
        pf.mark(F.btc, price: F.p("50500"))
        return pf
    }

    @Test func consistentBooksHaveNoViolations() {
        var pf = Self.booked()
        #expect(pf.violations() == [])
        #expect(pf.violations([F.btc: F.q("0.002"), F.bybitEth: F.q("-0.50")]) == [])
        #expect(pf.lastViolations == [])
    }

    @Test func positionDifferentFromTheJournalIsReported() throws {
        var pf = Self.booked()
        let v = pf.checkInvariants(expectedPositions: [F.btc: F.q("0.003"), F.bybitEth: F.q("-0.5")])
        try #require(v.count == 1)
        #expect(v[0].code == "portfolio_position_vs_expected" && v[0].instrument == F.btc && v[0].venue == .binance)
        #expect(v[0].expected == "0.003" && v[0].actual == "0.002")
        #expect(v[0].messageRu == "Позиция BINANCE:PERP:BTC-USDT по журналу 0.003, по сделкам 0.002: торговля остановлена (HOLD); сверьте сделки на бирже")
        #expect(pf.lastViolations == v && pf.snapshot().violations.map(\.code) == ["portfolio_position_vs_expected"])
    }

    @Test func openPositionMissingFromTheJournalIsReported() {
        var pf = Self.booked()
        let v = pf.checkInvariants(expectedPositions: [F.btc: F.q("0.002"), F.eth: F.q("1")])
        #expect(v.map(\.code) == ["portfolio_position_vs_expected", "portfolio_position_vs_expected"])
        #expect(Set(v.compactMap(\.instrument)) == [F.bybitEth, F.eth])
    }

    @Test func positionDifferentFromItsFillsIsReported() {
        var pf = Self.booked()
        pf.positions[F.btc]!.qty = F.q("0.001")
        let v = pf.checkInvariants()
        #expect(v.first?.code == "portfolio_position_vs_fills")
        #expect(v.first?.expected == "0.002" && v.first?.actual == "0.001")
        #expect(v.first?.messageRu.contains("HOLD") == true)
    }

    @Test func cashDifferentFromPnLAndBasisIsReported() {
        var pf = Self.booked()
        pf.ledger.cash[.bybit]! += 1
        let v = pf.checkInvariants()
        #expect(v.map(\.code).contains("portfolio_cash_mismatch"))
        let cash = v.first { $0.code == "portfolio_cash_mismatch" }!
        #expect(cash.venue == .bybit && cash.expected == F.usdt("11500.31000001") && cash.actual == F.usdt("11500.31"))
    }

    @Test func realizedPnLThatDoesNotMatchEquityIsReported() {
        var pf = Self.booked()
        pf.positions[F.btc]!.realizedUnits += 7
        let codes = pf.checkInvariants().map(\.code)
        #expect(codes.contains("portfolio_cash_mismatch") && codes.contains("portfolio_equity_mismatch"))
    }

    @Test func ledgerQuantityDriftShowsInEquity() {
        var pf = Self.booked()
        pf.ledger.fillQty[F.btc] = F.q("0.003")
        let codes = pf.checkInvariants().map(\.code)
        #expect(codes.contains("portfolio_position_vs_fills") && codes.contains("portfolio_equity_mismatch"))
    }

    @Test func unbookableFillsAreRefusedAndKeepReporting() {
        var pf = Self.booked()
        let zeroSize = pf.apply(F.fill(.buy, "0", at: "50000", trade: "zero"))
        #expect(!zeroSize)
        let negativePrice = pf.apply(F.fill(.buy, "1", at: "-1", trade: "neg"))
        #expect(!negativePrice)
        let huge = PortfolioFill(instrument: F.eth, side: .buy, qty: Qty(units: .max, scale: 0), price: F.p("3000"),
                                 fee: F.q("0"), isMaker: false, tradeId: "huge", tsMs: 0)
        let overflowing = pf.apply(huge)
        #expect(!overflowing)
        #expect(pf.position(F.eth) == nil && pf.position(F.btc)!.qty == F.q("0.002"))
        let v = pf.checkInvariants()
        #expect(v.map(\.code) == Array(repeating: "portfolio_fill_refused", count: 3))
        #expect(v[0].detail == "binance|BINANCE:PERP:BTC-USDT|zero" && v[0].messageRu.contains("HOLD"))
        #expect(pf.violations().count == 3)
    }

    @Test func unbookableFundingIsRefused() {
        var pf = Self.booked()
        let big = Qty(units: .max, scale: 0)
        let bigFunding = pf.applyFunding(instrument: F.btc, amount: big, id: "big")
        #expect(!bigFunding)
        #expect(pf.violations().map(\.code) == ["portfolio_funding_refused"])
    }

    @Test func codesAreStable() {
        #expect(PortfolioViolation.Kind.allCases.map(\.rawValue) == [
            "portfolio_position_vs_fills", "portfolio_position_vs_expected", "portfolio_cash_mismatch",
            "portfolio_equity_mismatch", "portfolio_fill_refused", "portfolio_funding_refused",
            "portfolio_starting_cash_refused",
        ])
    }
}
