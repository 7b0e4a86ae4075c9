import Engine
import Foundation
import PropCore
import Testing

/// The `GET /api/ui/pnl` snapshot: rows, exact decimal strings and snake_case keys.
@Suite struct PortfolioSnapshotTests {
    typealias F = PFx

    @Test func snapshotHasPositionVenueAndTotalRows() {
        var pf = F.portfolio(allVenues: true)
        pf.apply(F.fill(.buy, "0.010", at: "50000", fee: "0.2"))
        pf.apply(F.fill(.sell, "1", at: "3000", on: F.bybitEth))
        pf.mark(F.btc, price: F.p("51000"))
        pf.mark(F.okxBtc, price: F.p("51000"))
        let s = pf.snapshot()
        // A mark alone does not make a position row.
        #expect(s.positions.map(\.instrument) == ["BINANCE:PERP:BTC-USDT", "BYBIT:PERP:ETH-USDT"])
        let btc = s.positions[0], eth = s.positions[1]
        #expect(btc.qty == "0.010" && btc.costBasis == F.usdt("500") && btc.avgEntryPrice == "50000.00000000")
        #expect(btc.mark == "51000" && btc.markValue == F.usdt("510") && btc.marked)
        #expect(btc.pnl.unrealized == F.usdt("10") && btc.pnl.takerFees == F.usdt("0.2") && btc.pnl.fills == 1)
        #expect(!eth.marked && eth.mark == nil && eth.pnl.unrealized == F.usdt("0") && eth.qty == "-1")
        #expect(s.venues.map(\.venue) == ["binance", "okx", "bybit"])
        #expect(s.venues[0].pnl.cash == F.usdt("9499.8") && s.venues[0].pnl.equity == F.usdt("10009.8"))
        #expect(s.venues[2].pnl.cash == F.usdt("13000") && s.venues[2].pnl.equity == F.usdt("10000"))
        #expect(s.total.netPnl == F.usdt("9.8") && s.total.startingCash == F.usdt("30000"))
        #expect(s.total.equity == F.usdt("30009.8") && s.pnlToday == F.usdt("9.8") && s.violations.isEmpty)
    }

    @Test func jsonUsesSnakeCaseKeys() throws {
        var pf = F.portfolio()
        pf.apply(F.fill(.buy, "0.010", at: "50000", fee: "-0.01", maker: true))
        pf.mark(F.btc, price: F.p("50001.5"))
        _ = pf.checkInvariants(expectedPositions: [:])
        let data = try JSONEncoder().encode(pf.snapshot())
        let json = String(decoding: data, as: UTF8.self)
        for key in ["pnl_today", "peak_equity_today", "max_drawdown", "current_drawdown", "day_start_equity",
                    "avg_entry_price", "cost_basis", "mark_value", "maker_fees", "taker_fees", "net_fees",
                    "funding_received", "funding_paid", "net_pnl", "notional_traded", "starting_cash", "message_ru"] {
            #expect(json.contains("\"\(key)\""), "\(key)")
        }
        #expect(json.contains("\"rebates\":\"0.01000000\""))
        let back = try JSONDecoder().decode(PortfolioSnapshot.self, from: data)
        #expect(back == pf.snapshot())
    }
}
