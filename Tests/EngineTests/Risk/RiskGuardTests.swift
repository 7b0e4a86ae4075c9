import Engine
import PropCore
import Testing

/// Market-data guards: each blocks new risk on the instrument with its reason, at the edge of its threshold.
@Suite struct RiskGuardTests {
    typealias C = RiskFx.Case
    static func market(_ body: (inout RiskMarket) -> Void, limits: (inout RiskLimits) -> Void = { _ in }) -> C {
        var c = C()
        body(&c.snapshot.markets[RiskFx.btc, default: RiskFx.market])
        limits(&c.limits)
        return c
    }

    @Test func staleBook() {
        RiskFx.expectEdge("risk_stale_book", field: "book_freshness_ms",
                          below: Self.market { $0.bookAgeMs = 500 }, above: Self.market { $0.bookAgeMs = 501 })
    }

    @Test func crossedOrLockedBook() {
        RiskFx.expectEdge("risk_crossed_book", field: "bid 50000",
                          below: Self.market { $0.bestBid = RiskFx.p("50000"); $0.bestAsk = RiskFx.p("50000.01") },
                          above: Self.market { $0.bestBid = RiskFx.p("50000"); $0.bestAsk = RiskFx.p("50000") })
    }

    @Test func missingBookBlocksNewRisk() {
        var c = C()
        c.snapshot.markets[RiskFx.btc] = RiskMarket(mark: RiskFx.p("50000"))
        #expect(c.decide().denial?.code == "risk_no_book")
    }

    @Test func midMarkDivergence() {
        // Mid 50 000; 150 / 50 150 = 29.9 bps, 160 / 50 160 = 31.9 bps; cap 30. Basis cap raised out of the way.
        RiskFx.expectEdge("risk_mid_mark_divergence", field: "max_mid_mark_divergence_bps",
                          below: Self.market({ $0.mark = RiskFx.p("50150") }, limits: { $0.maxBasisBps = 100 }),
                          above: Self.market({ $0.mark = RiskFx.p("50160") }, limits: { $0.maxBasisBps = 100 }))
    }

    @Test func fundingOverCap() {
        RiskFx.expectEdge("risk_funding_cap", field: "max_funding_bps",
                          below: Self.market { $0.funding = FundingRate("0.001")! },
                          above: Self.market { $0.funding = FundingRate("0.00100001")! })
        #expect(Self.market { $0.funding = FundingRate("-0.0011")! }.decide().denial?.code == "risk_funding_cap")
    }

    @Test func basisOverCap() {
        // Index 50 000, cap 50 bps ⇒ mark up to 50 250. Divergence cap raised out of the way.
        RiskFx.expectEdge("risk_basis_cap", field: "max_basis_bps",
                          below: Self.market({ $0.mark = RiskFx.p("50250") }, limits: { $0.maxMidMarkDivergenceBps = 100 }),
                          above: Self.market({ $0.mark = RiskFx.p("50250.01") }, limits: { $0.maxMidMarkDivergenceBps = 100 }))
    }

    @Test func guardsDoNotBlockReductions() {
        var c = Self.market { $0.bookAgeMs = 60_000; $0.funding = FundingRate("0.01")! }
        c.snapshot.positions[RiskFx.btc] = RiskFx.q("1000")
        c.order = RiskFx.order(.sell, reduceOnly: true)
        #expect(c.decide() == .allow)
    }
}
