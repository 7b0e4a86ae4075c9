import Engine
import PropCore

/// Markets for opportunity tests: Binance-like (base-coin lots) and OKX-like (contracts of 0.01 BTC).
enum OppFx {
    static func p(_ s: String) -> Price { Price(s)! }
    static func q(_ s: String) -> Qty { Qty(s)! }

    static let binanceRules = InstrumentRules(
        id: InstrumentId(venue: .binance, base: "BTC", quote: "USDT"), nativeSymbol: "BTCUSDT",
        tickSize: Price("0.1")!, stepSize: Qty("0.001")!, minQty: Qty("0.001")!, minNotional: Price("100")!)
    static let okxRules = InstrumentRules(
        id: InstrumentId(venue: .okx, base: "BTC", quote: "USDT"), nativeSymbol: "BTC-USDT-SWAP",
        tickSize: Price("0.1")!, stepSize: Qty("0.01")!, minQty: Qty("0.01")!, minNotional: nil,
        contractValue: Qty("0.01")!)

    static func levels(_ pairs: [(String, String)]) -> [DepthLevel] { pairs.map { DepthLevel(price: p($0.0), qty: q($0.1)) } }

    static let noFees = FeeSchedule(maker: FeeRate(units: 0, scale: 0), taker: FeeRate(units: 0, scale: 0))

    /// OKX asks 64990.0 × 3 ct (0.03 BTC), 64991.0 × 5 ct; bids 64980.0 × 10 ct.
    static func okx(fees: FeeSchedule = noFees, funding: FundingTerms = .none) -> VenueMarket {
        VenueMarket(rules: okxRules,
                    depth: DepthLevels(bids: levels([("64980.0", "10")]), asks: levels([("64990.0", "3"), ("64991.0", "5")])),
                    fees: fees, funding: funding)
    }

    /// Binance bids 65010.0 × 0.02, 65005.0 × 0.1; asks 65020.0 × 1.
    static func binance(fees: FeeSchedule = noFees, funding: FundingTerms = .none) -> VenueMarket {
        VenueMarket(rules: binanceRules,
                    depth: DepthLevels(bids: levels([("65010.0", "0.02"), ("65005.0", "0.1")]), asks: levels([("65020.0", "1")])),
                    fees: fees, funding: funding)
    }

    static func params(size: String = "0.05", buffer: String = "0", min: String = "0", holding: Int64 = 0) -> OpportunityParameters {
        OpportunityParameters(sizeBase: q(size), slippageBufferBps: BasisPoints(buffer)!, minProfitabilityBps: BasisPoints(min)!,
                              holdingSeconds: holding)
    }
}
