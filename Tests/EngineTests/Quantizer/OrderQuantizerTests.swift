import Engine
import PropCore
import Testing

/// Hand-computed quantizer examples on Binance-like and OKX-like rules.
@Suite struct OrderQuantizerTests {
    static let binanceBTC = InstrumentRules(
        id: InstrumentId(venue: .binance, base: "BTC", quote: "USDT"), nativeSymbol: "BTCUSDT",
        tickSize: Price("0.10")!, stepSize: Qty("0.001")!, minQty: Qty("0.001")!, minNotional: Price("100")!)
    /// OKX BTC-USDT-SWAP: 1 contract = 0.01 BTC, lot 0.01 contracts.
    static let okxBTC = InstrumentRules(
        id: InstrumentId(venue: .okx, base: "BTC", quote: "USDT"), nativeSymbol: "BTC-USDT-SWAP",
        tickSize: Price("0.1")!, stepSize: Qty("0.01")!, minQty: Qty("0.01")!, minNotional: nil,
        contractValue: Qty("0.01")!)

    @Test func binanceRoundsSizeDownAndPriceBothWays() throws {
        let q = OrderQuantizer(rules: Self.binanceBTC)
        let buy = try q.quantize(side: .buy, baseQty: Qty("0.0129")!, price: Price("65000.17")!, rounding: .passive)
        #expect(buy.qty == Qty("0.012")!)
        #expect(buy.price == Price("65000.1")!)
        #expect(buy.baseQty == Qty("0.012")!)
        #expect(buy.notional == Qty("780.0012")!)
        let sell = try q.quantize(side: .sell, baseQty: Qty("0.0129")!, price: Price("65000.17")!, rounding: .passive)
        #expect(sell.price == Price("65000.2")!)
        let ioc = try q.quantize(side: .buy, baseQty: Qty("0.0129")!, price: Price("65000.17")!, rounding: .aggressive)
        #expect(ioc.price == Price("65000.2")!)
        let iocSell = try q.quantize(side: .sell, baseQty: Qty("0.0129")!, price: Price("65000.17")!, rounding: .aggressive)
        #expect(iocSell.price == Price("65000.1")!)
        // A price already on the grid stays put either way.
        #expect(try q.roundPrice(Price("65000.3")!, side: .buy, rounding: .aggressive) == Price("65000.3")!)
    }

    @Test func okxSizeIsContractsOfContractValue() throws {
        let q = OrderQuantizer(rules: Self.okxBTC)
        // 0.0537 BTC / 0.01 BTC per contract = 5.37 contracts → 5.37 (on the 0.01 lot); 0.05379 → 5.37.
        let o = try q.quantize(side: .sell, baseQty: Qty("0.05379")!, price: Price("65000.05")!, rounding: .passive)
        #expect(o.qty == Qty("5.37")!)
        #expect(o.baseQty == Qty("0.0537")!)
        #expect(o.price == Price("65000.1")!)
        #expect(o.notional == Qty("3490.50537")!)
    }

    @Test func refusesBelowMinimaNamingTheField() {
        let q = OrderQuantizer(rules: Self.binanceBTC)
        #expect(throws: QuantizerError.belowMinQty(symbol: "BTCUSDT", qty: "0.000", minQty: "0.001")) {
            try q.quantize(side: .buy, baseQty: Qty("0.0009")!, price: Price("65000")!, rounding: .passive)
        }
        do {
            _ = try q.quantize(side: .buy, baseQty: Qty("0.001")!, price: Price("65000")!, rounding: .passive)
            Issue.record("0.001 BTC × 65000 = 65 USDT is below minNotional 100")
        } catch {
            #expect(error.code == "quantizer_below_min_notional")
            #expect(error.messageRu.contains("minNotional"))
        }
        #expect(throws: QuantizerError.self) {
            try q.quantize(side: .buy, baseQty: Qty("-1")!, price: Price("65000")!, rounding: .passive)
        }
        #expect(throws: QuantizerError.self) {
            try q.quantize(side: .buy, baseQty: Qty("1")!, price: Price("0.05")!, rounding: .passive)
        }
    }

    @Test func refusesBrokenRules() {
        var rules = Self.okxBTC
        rules.contractValue = .zero
        do {
            _ = try OrderQuantizer(rules: rules).quantize(side: .buy, baseQty: Qty("1")!, price: Price("1")!, rounding: .passive)
            Issue.record("zero contract value must be refused")
        } catch {
            #expect(error == .invalidRule(symbol: "BTC-USDT-SWAP", field: "contractValue", value: "0"))
            #expect(error.messageRu.contains("contractValue"))
        }
    }
}
