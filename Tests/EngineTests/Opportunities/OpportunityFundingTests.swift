import Engine
import PropCore
import Testing

/// The funding component: the short leg receives, the long leg pays, pro rata of each venue's interval.
@Suite struct OpportunityFundingTests {
    typealias F = OppFx

    func funding(buyRate: String, sellRate: String, buyInterval: Int64 = 8 * 3600, holding: Int64) -> Opportunity {
        OpportunityCalculator.evaluate(
            buyOn: F.okx(funding: FundingTerms(rate: FundingRate(buyRate)!, intervalSeconds: buyInterval)),
            sellOn: F.binance(funding: FundingTerms(rate: FundingRate(sellRate)!)),
            style: .takerTaker, parameters: F.params(holding: holding))
    }

    @Test func flippedFundingCostsInsteadOfPays() {
        // Long 3249.52 on OKX, short 3250.35 on Binance, for one full 8 h interval.
        let favourable = funding(buyRate: "-0.0001", sellRate: "0.0002", holding: 8 * 3600)
        #expect(favourable.funding == F.q("0.975022"))   // 0.65007 + 0.324952
        let flipped = funding(buyRate: "0.0002", sellRate: "-0.0001", holding: 8 * 3600)
        #expect(flipped.funding == F.q("-0.974939"))     // −0.325035 − 0.649904
        #expect(flipped.netEdge < favourable.netEdge)
        #expect(flipped.grossEdge == favourable.grossEdge)
    }

    @Test func shorterIntervalChargesMoreOften() {
        // OKX long pays 0.0001 every 4 h: over 8 h that is two payments of 0.324952.
        let o = funding(buyRate: "0.0001", sellRate: "0", buyInterval: 4 * 3600, holding: 8 * 3600)
        #expect(o.funding == F.q("-0.649904"))
        #expect(funding(buyRate: "0.0001", sellRate: "0.0001", holding: 0).funding == .zero)
    }
}
