import Engine
import PropCore

/// Shared inputs for the portfolio tests: four instruments on three venues and terse fill builders.
enum PFx {
    static let btc = InstrumentId(venue: .binance, base: "BTC", quote: "USDT")
    static let okxBtc = InstrumentId(venue: .okx, base: "BTC", quote: "USDT")
    static let eth = InstrumentId(venue: .binance, base: "ETH", quote: "USDT")
    static let bybitEth = InstrumentId(venue: .bybit, base: "ETH", quote: "USDT")

    static func q(_ s: String) -> Qty { Qty(s)! }
    static func p(_ s: String) -> Price { Price(s)! }
    /// A USDT amount as the portfolio reports it (8 decimals), for exact comparisons of `description`.
    static func usdt(_ s: String) -> String { Qty(s, scale: 8)!.description }

    static func fill(_ side: OrderSide, _ qty: String, at price: String, on id: InstrumentId = btc, fee: String = "0",
                     maker: Bool = false, trade: String? = nil, ts: Int64 = 0) -> PortfolioFill {
        PortfolioFill(instrument: id, side: side, qty: q(qty), price: p(price), fee: q(fee), isMaker: maker,
                      tradeId: trade ?? "t-\(side)-\(qty)-\(price)-\(fee)-\(id.venue)-\(id.base)", tsMs: ts)
    }

    /// 10 000 USDT on Binance (and on OKX and Bybit when asked).
    static func portfolio(allVenues: Bool = false) -> Portfolio {
        Portfolio(startingCash: allVenues ? [.binance: q("10000"), .okx: q("10000"), .bybit: q("10000")] : [.binance: q("10000")])
    }
}

extension Portfolio {
    /// `checkInvariants` on a copy, so it can sit inside `#expect` (the macro cannot call mutating members).
    func violations(_ expected: [InstrumentId: Qty]? = nil) -> [PortfolioViolation] {
        var copy = self
        return copy.checkInvariants(expectedPositions: expected)
    }
}
