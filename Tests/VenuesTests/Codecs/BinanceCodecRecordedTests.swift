import MarketData
import PropCore
import Testing
@testable import Venues

@Suite struct BinanceCodecRecordedTests {
    @Test func everyRecordedFrameDecodesWithExpectedCounts() throws {
        let table = try RecordedCaptures.table(.binance, [RecordedCaptures.binanceHTTP, RecordedCaptures.binanceWS])
        #expect(table.count == 4)
        var codec = BinanceCodec(symbols: table)
        var update = DepthUpdate()
        var counts = MessageCounts()
        var levels = 0
        for m in try RecordedCaptures.messages(RecordedCaptures.binanceWS) {
            let msg = try codec.decode(m.body, into: &update)
            counts.count(msg, update)
            if case .depth = msg { levels += update.bids.count + update.asks.count }
        }
        // 764 depthUpdate, 613 bookTicker, 91 aggTrade, 67 kline (ignored) in the capture.
        #expect(counts == MessageCounts(depth: 764, trade: 91, ticker: 613, ignored: 67))
        #expect(levels > 764)
    }

    @Test func depthFrameFieldsMapToDepthUpdate() throws {
        let table = SymbolTable([SymbolSpec(nativeSymbol: "SUSHIUSDT", priceScale: 4, qtyScale: 0)])
        var codec = BinanceCodec(symbols: table)
        var u = DepthUpdate()
        let frame = #"{"stream":"sushiusdt@depth@100ms","data":{"e":"depthUpdate","E":1626992741037,"T":1626992741024,"s":"SUSHIUSDT","U":600859599090,"u":600859600917,"pu":600859598061,"b":[["7.5040","813"],["7.6090","0"],["7.6110","2"]],"a":[["7.6150","1563"],["7.6220","3284"]]}}"#
        #expect(try codec.decode(frame, into: &u).isDepth)
        #expect(u.slot == 0 && u.kind == .delta)
        #expect(u.firstUpdateId == 600859599090 && u.lastUpdateId == 600859600917 && u.prevUpdateId == 600859598061)
        #expect(u.eventTimeMs == 1626992741037)
        #expect(u.bids == [BookLevel(price: 75040, qty: 813), BookLevel(price: 76090, qty: 0), BookLevel(price: 76110, qty: 2)])
        #expect(u.asks == [BookLevel(price: 76150, qty: 1563), BookLevel(price: 76220, qty: 3284)])
    }

    @Test func rawStreamFrameWithKeysInAnyOrderDecodesTheSame() throws {
        let table = SymbolTable([SymbolSpec(nativeSymbol: "BTCUSDT", priceScale: 1, qtyScale: 3)])
        var codec = BinanceCodec(symbols: table)
        var u = DepthUpdate()
        let frame = #"{ "b" : [["65000.10","1.234"]], "a":[["65000.20","0.001"],["65001.00","0"]], "pu":9, "u":12, "U":10, "s":"BTCUSDT", "E":5, "e":"depthUpdate" }"#
        #expect(try codec.decode(frame, into: &u).isDepth)
        #expect(u.bids == [BookLevel(price: 650001, qty: 1234)])
        #expect(u.asks == [BookLevel(price: 650002, qty: 1), BookLevel(price: 650010, qty: 0)])
        #expect(u.firstUpdateId == 10 && u.lastUpdateId == 12 && u.prevUpdateId == 9)
    }

    @Test func tradeMarkTickerAndAcksDecode() throws {
        let table = SymbolTable([SymbolSpec(nativeSymbol: "BTCUSDT", priceScale: 1, qtyScale: 3),
                                 SymbolSpec(nativeSymbol: "CTKUSDT", priceScale: 5, qtyScale: 0)])
        var codec = BinanceCodec(symbols: table)
        var u = DepthUpdate()
        let trade = try codec.decode(#"{"e":"aggTrade","E":1626992741575,"a":16599292,"s":"CTKUSDT","p":"1.01100","q":"10","f":23961322,"l":23961322,"T":1626992741421,"m":false}"#, into: &u)
        #expect(trade == .trade(TradeTick(slot: 1, price: Price(units: 101100, scale: 5), qty: Qty(units: 10, scale: 0), takerSide: .buy, tradeTimeMs: 1626992741421, tradeId: 16599292)))
        let mark = try codec.decode(#"{"e":"markPriceUpdate","E":1562305380000,"s":"BTCUSDT","p":"11794.15000000","i":"11784.62659091","P":"11784.25641265","r":"0.00038167","T":1562306400000}"#, into: &u)
        guard case .mark(let m) = mark else { Issue.record("not mark: \(mark)"); return }
        #expect(m.markPrice?.description == "11794.15000000" && m.indexPrice?.description == "11784.62659091")
        #expect(m.fundingRate == FundingRate(units: 38167, scale: 8) && m.nextFundingTimeMs == 1562306400000 && m.slot == 0)
        let ticker = try codec.decode(#"{"e":"bookTicker","u":600859600576,"s":"BTCUSDT","b":"65000.10","B":"2.000","a":"65000.20","A":"0.297","T":1626992741012,"E":1626992741017}"#, into: &u)
        #expect(ticker == .ticker(BookTickerTick(slot: 0, bidPrice: Price(units: 650001, scale: 1), bidQty: Qty(units: 2000, scale: 3),
                                                 askPrice: Price(units: 650002, scale: 1), askQty: Qty(units: 297, scale: 3), eventTimeMs: 1626992741017)))
        #expect(try codec.decode(#"{"result":null,"id":1}"#, into: &u) == .control(.subscribed("")))
        #expect(try codec.decode(#"{"e":"kline","E":1,"s":"NOTLISTED","k":{"t":1}}"#, into: &u) == .ignored)
    }

    @Test func malformedFramesThrowStableCodesNamingTheField() {
        let table = SymbolTable([SymbolSpec(nativeSymbol: "BTCUSDT", priceScale: 1, qtyScale: 3)])
        var codec = BinanceCodec(symbols: table)
        var u = DepthUpdate()
        func code(_ s: String) -> (String, String, Int?)? {
            do { _ = try codec.decode(s, into: &u); return nil } catch { return (error.code, error.field, error.slot) }
        }
        let head = #"{"e":"depthUpdate","E":1,"s":"BTCUSDT","U":1,"u":2,"pu":0,"#
        #expect(code(head + #""b":[["65000.15","1"]],"a":[]}"#)! == ("codec_off_scale", "b[].price", 0))
        #expect(code(head + #""b":[["65000.1","-1"]],"a":[]}"#)! == ("codec_negative_value", "b[].qty", 0))
        #expect(code(head + #""b":[["6x","1"]],"a":[]}"#)! == ("codec_bad_number", "b[].price", 0))
        #expect(code(head + #""b":[["1.0000000000000000001","1"]],"a":[]}"#)! == ("codec_too_many_decimals", "b[].price", 0))
        #expect(code(head + #""b":[["99999999999999999999","1"]],"a":[]}"#)! == ("codec_bad_number", "b[].price", 0))
        #expect(code(head + #""b":[["65000.1","1"]],"a":[}"#)!.0 == "codec_not_json")
        #expect(code(head + #""b":[["65000.1","1"]],"a":["#)!.0 == "codec_truncated")
        #expect(code(#"{"e":"depthUpdate","E":1,"s":"ETHUSDT","U":1,"u":2,"pu":0,"b":[],"a":[]}"#)! == ("codec_unknown_symbol", "s", nil))
        #expect(code(#"{"e":"depthUpdate","s":"BTCUSDT","E":"1"}"#)! == ("codec_wrong_type", "E", 0))
        #expect(code(#"{"e":"depthUpdate","s":"BTCUSDT","U":1,"u":2,"b":[],"a":[]}"#)! == ("codec_missing_field", "pu", 0))
        #expect(code("not json")!.0 == "codec_not_json")
        #expect(code("")!.0 == "codec_truncated")
        let err = VenueCodecError(.offScale, field: "b[].price", venue: .binance, slot: 0)
        #expect(err.messageRu.contains("b[].price") && !err.hintRu.isEmpty)
    }

    @Test func pricesBeyondTheTickScaleAreAcceptedWhenTheExtraDecimalsAreZero() throws {
        // BTCUSDT tick 0.1 (scale 1) but Binance prints "65000.10".
        let table = SymbolTable([SymbolSpec(nativeSymbol: "BTCUSDT", priceScale: 1, qtyScale: 3)])
        var codec = BinanceCodec(symbols: table)
        var u = DepthUpdate()
        _ = try codec.decode(#"{"e":"depthUpdate","E":1,"s":"BTCUSDT","U":1,"u":2,"pu":0,"b":[["65000.10","1.2340000"]],"a":[]}"#, into: &u)
        #expect(u.bids == [BookLevel(price: 650001, qty: 1234)])
    }

    @Test func puChainOverTheRecordingHasNoGapsAfterSnapshotSync() throws {
        let messages = try CaptureReader.read([RecordedCaptures.binanceHTTP, RecordedCaptures.binanceWS])
        let table = SymbolTable(ReplayScales.infer(venue: .binance, messages: messages))
        var codec = BinanceCodec(symbols: table)
        var syncs = (0..<table.count).map { BookSync(venue: .binance, priceScale: table[$0].priceScale, qtyScale: table[$0].qtyScale) }
        var u = DepthUpdate()
        var applied = 0
        for m in messages {
            if case .http(let url) = m.kind {
                u.reset()
                let sym = try #require(ReplayScales.query(url, "symbol"))
                u.slot = try #require(table.slot(of: sym))
                try BinanceCodec.decodeDepthSnapshot(m.body, symbols: table, into: &u)
                #expect(syncs[u.slot].handle(u) == .applied)
            } else if case .depth = try codec.decode(m.body, into: &u) {
                if syncs[u.slot].handle(u) == .applied { applied += 1 }
            }
        }
        #expect(syncs.allSatisfy { $0.isValid })
        #expect(syncs.map(\.stats.gaps).reduce(0, +) == 0)
        #expect(applied > 500)
    }
}

extension MarketMessage: Equatable {
    public static func == (a: MarketMessage, b: MarketMessage) -> Bool {
        switch (a, b) {
        case (.depth, .depth), (.ignored, .ignored): true
        case (.trade(let x), .trade(let y)): x == y
        case (.mark(let x), .mark(let y)): x == y
        case (.ticker(let x), .ticker(let y)): x == y
        case (.control(let x), .control(let y)): x == y
        default: false
        }
    }

    var isDepth: Bool { if case .depth = self { true } else { false } }
}
