import PropCore
import Testing

@Suite struct InstrumentIdTests {
    @Test(arguments: ["BINANCE:PERP:BTC-USDT", "OKX:PERP:ETH-USDT", "BYBIT:PERP:SOL-USDT", "OKX:SPOT:BTC-USDT", "BINANCE:PERP:BTC-USDT:Q1"])
    func canonicalIdRoundTrips(_ text: String) throws {
        #expect(try InstrumentId(parsing: text).description == text)
    }

    @Test func badIdsSayWhatIsWrong() {
        #expect(throws: InstrumentIdError.unknownVenue("KRAKEN:PERP:BTC-USDT", "KRAKEN")) { try InstrumentId(parsing: "KRAKEN:PERP:BTC-USDT") }
        #expect(throws: InstrumentIdError.unknownType("OKX:FUT:BTC-USDT", "FUT")) { try InstrumentId(parsing: "OKX:FUT:BTC-USDT") }
        #expect(throws: InstrumentIdError.malformed("OKX:PERP:BTCUSDT")) { try InstrumentId(parsing: "OKX:PERP:BTCUSDT") }
        #expect(throws: InstrumentIdError.unknownVenue("binance:PERP:BTC-USDT", "binance")) { try InstrumentId(parsing: "binance:PERP:BTC-USDT") }
        #expect(InstrumentIdError.malformed("x").messageRu.contains("x"))
    }

    @Test func nativeSymbolsMapBothWays() throws {
        for venue in Venue.allCases {
            let id = InstrumentId(venue: venue, base: "BTC", quote: "USDT")
            let native = NativeSymbol.symbol(for: id)
            #expect(native == (venue == .okx ? "BTC-USDT-SWAP" : "BTCUSDT"))
            #expect(NativeSymbol.perpetual(venue: venue, symbol: native) == id)
        }
        #expect(NativeSymbol.perpetual(venue: .binance, symbol: "USDT") == nil)
        #expect(NativeSymbol.perpetual(venue: .okx, symbol: "BTC-USDT") == nil)
    }

    @Test func okxContractsConvertToBaseExactly() {
        let rules = InstrumentRules(id: InstrumentId(venue: .okx, base: "BTC", quote: "USDT"), nativeSymbol: "BTC-USDT-SWAP",
                                    tickSize: Price("0.1")!, stepSize: Qty("1")!, minQty: Qty("1")!, minNotional: nil,
                                    contractValue: Qty("0.01")!)
        #expect(rules.baseQuantity(Qty("37")!) == Qty("0.37")!)
    }
}
