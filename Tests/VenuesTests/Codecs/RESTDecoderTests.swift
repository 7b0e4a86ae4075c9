import Foundation
import PropCore
import Testing
@testable import Venues

@Suite struct RESTDecoderTests {
    @Test func binanceExchangeInfoRecordingGivesTrimmedScalesAndNotional() throws {
        let line = try #require(RecordedCaptures.messages(RecordedCaptures.binanceInfo).first)
        let rules = try BinanceCodec.decodeInstruments(line.body)
        #expect(rules.count > 50)
        let sushi = try #require(rules.first { $0.nativeSymbol == "SUSHIUSDT" })
        #expect(sushi.id.description == "BINANCE:PERP:SUSHI-USDT")
        // tickSize "0.0010" → scale 3 (trailing zero trimmed); the feed's "7.6110" still parses at scale 3.
        #expect(sushi.tickSize.units == 1 && sushi.priceScale == 3 && sushi.qtyScale == 0)
        #expect(sushi.minNotional == Price(units: 5, scale: 0))
        #expect(sushi.minNotional != nil)
        let btc = try #require(rules.first { $0.nativeSymbol == "BTCUSDT" })
        #expect(btc.priceScale == 2 && btc.qtyScale == 3 && btc.minQty == Qty(units: 1, scale: 3))
    }

    @Test func binanceSnapshotAndTimeDecode() throws {
        let http = try RecordedCaptures.messages(RecordedCaptures.binanceHTTP)
        #expect(http.count == 4)
        let table = SymbolTable([SymbolSpec(nativeSymbol: "SUSHIUSDT", priceScale: 4, qtyScale: 0)])
        var u = DepthUpdate()
        u.slot = 0
        try BinanceCodec.decodeDepthSnapshot(http[0].body, symbols: table, into: &u)
        #expect(u.kind == .snapshot && u.slot == 0 && u.lastUpdateId == 600859605926 && u.prevUpdateId == 600859605926)
        #expect(u.bids.first == BookLevel(price: 76110, qty: 6) && u.bids.count > 100 && !u.asks.isEmpty)
        #expect(try BinanceCodec.decodeServerTime(Array(#"{"serverTime":1499827319559}"#.utf8)) == 1499827319559)
        var bad = DepthUpdate()
        #expect(throws: VenueCodecError(.unknownSymbol, field: "symbol", venue: .binance)) {
            try BinanceCodec.decodeDepthSnapshot(http[0].body, symbols: table, into: &bad)
        }
    }

    /// Real case from the 2021 capture: CTKUSDT's listed tick is 0.001 but its REST snapshot has resting
    /// levels at 5 decimals. At the listed scale the snapshot is rejected (fail closed), naming the field.
    @Test func snapshotOffTheListedTickIsRejected() throws {
        let http = try RecordedCaptures.messages(RecordedCaptures.binanceHTTP)
        let ctk = try #require(http.first { if case .http(let url) = $0.kind { url.contains("CTKUSDT") } else { false } })
        let table = SymbolTable([SymbolSpec(nativeSymbol: "CTKUSDT", priceScale: 3, qtyScale: 0)])
        var u = DepthUpdate()
        u.slot = 0
        #expect(throws: VenueCodecError(.offScale, field: "bids[].price", venue: .binance, slot: 0)) {
            try BinanceCodec.decodeDepthSnapshot(ctk.body, symbols: table, into: &u)
        }
    }

    @Test func okxInstrumentsSnapshotAndTimeDecode() throws {
        let rules = try OKXCodec.decodeInstruments(Array(#"{"code":"0","msg":"","data":[{"instId":"BTC-USDT-SWAP","instType":"SWAP","ctType":"linear","ctVal":"0.01","ctValCcy":"BTC","ctMult":"1","settleCcy":"USDT","uly":"BTC-USDT","tickSz":"0.1","lotSz":"1","minSz":"1","state":"live"}]}"#.utf8))
        #expect(rules.count == 1 && rules[0].id.description == "OKX:PERP:BTC-USDT")
        #expect(rules[0].contractValue == Qty(units: 1, scale: 2) && rules[0].priceScale == 1 && rules[0].minNotional == nil)
        let table = SymbolTable([SymbolSpec(nativeSymbol: "BTC-USDT-SWAP", priceScale: 1, qtyScale: 0)])
        var u = DepthUpdate()
        u.slot = 0
        try OKXCodec.decodeDepthSnapshot(Array(#"{"code":"0","msg":"","data":[{"asks":[["41006.8","13","0","1"]],"bids":[["41006.3","0","0","0"]],"ts":"1629966436396"}]}"#.utf8), symbols: table, into: &u)
        #expect(u.kind == .snapshot && u.prevUpdateId == -1 && u.asks == [BookLevel(price: 410068, qty: 13)] && u.eventTimeMs == 1629966436396)
        #expect(try OKXCodec.decodeServerTime(Array(#"{"code":"0","msg":"","data":[{"ts":"1597026383085"}]}"#.utf8)) == 1597026383085)
        #expect(throws: VenueCodecError.self) { _ = try OKXCodec.decodeServerTime(Array("nope".utf8)) }
    }
}
