import Engine
import Foundation
import PropCore
import Testing

/// Netting across venues, OKX base quantities, risk positions and the exposure snapshot.
@Suite struct PortfolioNettingTests {
    typealias F = PFx

    /// Long 0.01 BTC on Binance at 50 000, short 0.01 BTC on OKX at 50 100 (1 contract of 0.01 BTC), both marked.
    static func hedged() -> Portfolio {
        var pf = F.portfolio(allVenues: true)
        pf.apply(F.fill(.buy, "0.01", at: "50000", on: F.btc, fee: "0.2"))
        pf.apply(F.fill(.sell, "0.01", at: "50100", on: F.okxBtc, fee: "0.1", maker: true))
        pf.mark(F.btc, price: F.p("50050"))
        pf.mark(F.okxBtc, price: F.p("50050"))
        return pf
    }

    @Test func twoVenuesNetToZeroWithGrossOnBoth() {
        let pf = Self.hedged()
        #expect(pf.netBase(asset: "BTC").isZero && pf.netNotional(asset: "BTC").isZero)
        #expect(pf.grossNotional(venue: .binance) == F.q("500.5") && pf.grossNotional(venue: .okx) == F.q("500.5"))
        #expect(pf.grossNotional(venue: .bybit).isZero && pf.globalGross == F.q("1001") && pf.globalNet.isZero)
        // The spread of 1 USDT is locked in: +0.5 on each leg at the common mark, minus 0.3 fees.
        #expect(pf.rollup(venue: .binance).unrealized == F.q("0.5") && pf.rollup(venue: .okx).unrealized == F.q("0.5"))
        #expect(pf.total.netPnl == F.q("0.7") && pf.equity == F.q("30000.7"))
        #expect(pf.riskPositions() == [F.btc: F.q("500.5"), F.okxBtc: F.q("-500.5")])
    }

    @Test func okxContractsArriveAsBaseQuantity() {
        var pf = F.portfolio(allVenues: true)
        // 3 contracts × 0.01 BTC and then a 0.001-step Binance-style size: the scales align exactly.
        pf.apply(F.fill(.buy, "0.03", at: "50000", on: F.okxBtc, trade: "okx-1"))
        pf.apply(F.fill(.buy, "0.005", at: "51000", on: F.okxBtc, trade: "okx-2"))
        let p = pf.position(F.okxBtc)!
        #expect(p.qty == F.q("0.035") && p.costBasis == F.q("1755") && p.averageEntryPrice == F.p("50142.85714286"))
        pf.apply(F.fill(.sell, "0.035", at: "50000", on: F.okxBtc, trade: "okx-3"))
        #expect(pf.position(F.okxBtc)!.realizedPnl == F.q("-5") && pf.position(F.okxBtc)!.isFlat)
        #expect(pf.violations([:]) == [])
    }

    @Test func riskPositionsUseTheBasisWhenThereIsNoMark() {
        var pf = F.portfolio(allVenues: true)
        pf.apply(F.fill(.sell, "2", at: "3000", on: F.bybitEth))
        pf.apply(F.fill(.buy, "0.010", at: "50000"))
        pf.mark(F.btc, price: F.p("51000"))
        #expect(pf.riskPositions() == [F.bybitEth: F.q("-6000"), F.btc: F.q("510")])
        let snapshot = RiskSnapshot(positions: pf.riskPositions(), equity: pf.equity, pnlToday: pf.pnlToday,
                                    peakEquityToday: pf.peakEquityToday)
        #expect(snapshot.globalGross == F.q("6510") && snapshot.net(base: "ETH") == F.q("-6000"))
        pf.apply(F.fill(.sell, "0.010", at: "50000", trade: "close"))
        #expect(pf.riskPositions()[F.btc] == nil)
    }

    @Test func exposureSnapshotListsAssetsAndVenues() throws {
        var pf = Self.hedged()
        pf.apply(F.fill(.buy, "1.5", at: "3000", on: F.bybitEth))
        let e = pf.exposureSnapshot()
        #expect(e.assets.map(\.asset) == ["BTC", "ETH"])
        #expect(e.assets[0].netBase == "0.00" && e.assets[0].netNotional == F.usdt("0"))
        #expect(e.assets[1].netBase == "1.5" && e.assets[1].netNotional == F.usdt("4500"))
        #expect(e.venues.map(\.venue) == ["binance", "okx", "bybit"])
        #expect(e.venues[1].grossNotional == F.usdt("500.5") && e.venues[1].netNotional == F.usdt("-500.5"))
        #expect(e.globalGross == F.usdt("5501") && e.globalNet == F.usdt("4500"))
        let json = String(decoding: try JSONEncoder().encode(e), as: UTF8.self)
        for key in ["\"global_gross\"", "\"global_net\"", "\"net_base\"", "\"net_notional\"", "\"gross_notional\""] {
            #expect(json.contains(key), "\(key) in \(json)")
        }
    }
}
