import MarketData
import PropCore
import Testing
@testable import Venues

@Suite struct OKXCodecRecordedTests {
    @Test func everyRecordedFrameDecodesWithExpectedCounts() throws {
        let table = try RecordedCaptures.table(.okx, [RecordedCaptures.okxWS])
        var codec = OKXCodec(symbols: table)
        var update = DepthUpdate()
        var counts = MessageCounts()
        var trades = 0
        for m in try RecordedCaptures.messages(RecordedCaptures.okxWS) {
            let msg = try codec.decode(m.body, into: &update)
            counts.count(msg, update)
            if case .trade = msg { trades += codec.trades.count }
            if case .depth = msg {
                #expect(update.checksum != nil && update.lastUpdateId == 0 && update.prevUpdateId == 0)
            }
        }
        // 3 snapshots + 287 updates, 74 trade pushes, 28 tickers, 18 subscribe acks.
        #expect(counts == MessageCounts(depth: 290, snapshots: 3, trade: 74, ticker: 28, control: 18))
        #expect(trades >= 74)
    }

    @Test func checksumsHoldOnAll290BookMessagesThroughBookSync() throws {
        let table = try RecordedCaptures.table(.okx, [RecordedCaptures.okxWS])
        var codec = OKXCodec(symbols: table)
        var syncs = (0..<table.count).map { BookSync(venue: .okx, priceScale: table[$0].priceScale, qtyScale: table[$0].qtyScale) }
        var u = DepthUpdate()
        var applied = 0
        for m in try RecordedCaptures.messages(RecordedCaptures.okxWS) {
            if case .depth = try codec.decode(m.body, into: &u), syncs[u.slot].handle(u) == .applied { applied += 1 }
        }
        #expect(applied == 290)
        #expect(syncs.map(\.stats.checksumFailures).reduce(0, +) == 0)
    }

    @Test func currentFormatWithSequenceIdsMapsToDepthUpdate() throws {
        let table = SymbolTable([SymbolSpec(nativeSymbol: "BTC-USDT-SWAP", priceScale: 2, qtyScale: 0)])
        var codec = OKXCodec(symbols: table)
        var u = DepthUpdate()
        _ = try codec.decode(#"{"arg":{"channel":"books","instId":"BTC-USDT-SWAP"},"action":"snapshot","data":[{"asks":[["8476.98","415","0","13"]],"bids":[["8476.9","256","0","12"]],"ts":"1597026383085","checksum":0,"prevSeqId":-1,"seqId":123456}]}"#, into: &u)
        #expect(u.kind == .snapshot && u.prevUpdateId == -1 && u.lastUpdateId == 123456 && u.firstUpdateId == 123456)
        #expect(u.asks == [BookLevel(price: 847698, qty: 415)] && u.bids == [BookLevel(price: 847690, qty: 256)])
        var u2 = DepthUpdate()
        var codec2 = OKXCodec(symbols: table)
        // `data` before `arg` and `action` last: key order is not assumed.
        _ = try codec2.decode(#"{"data":[{"seqId":123457,"asks":[],"bids":[["8476.97","0","0","0"]],"ts":"1597026383090","checksum":0,"prevSeqId":123456}],"arg":{"instId":"BTC-USDT-SWAP","channel":"books"},"action":"update"}"#, into: &u2)
        #expect(u2.kind == .delta && u2.prevUpdateId == 123456 && u2.lastUpdateId == 123457 && u2.eventTimeMs == 1597026383090)
        #expect(u2.bids == [BookLevel(price: 847697, qty: 0)] && u2.checksum == 0 && u2.slot == 0)
    }

    @Test func offGridPriceIsRejectedWithSlot() {
        let table = SymbolTable([SymbolSpec(nativeSymbol: "BTC-USDT-SWAP", priceScale: 1, qtyScale: 2)])
        var codec = OKXCodec(symbols: table)
        var u = DepthUpdate()
        #expect(throws: VenueCodecError(.offScale, field: "data.asks[].price", venue: .okx, slot: 0)) {
            _ = try codec.decode(#"{"arg":{"channel":"books","instId":"BTC-USDT-SWAP"},"action":"snapshot","data":[{"asks":[["8476.98","415","0","13"]],"bids":[],"ts":"1","checksum":0}]}"#, into: &u)
        }
    }

    @Test func controlFramesMarkAndFundingDecode() throws {
        let table = SymbolTable([SymbolSpec(nativeSymbol: "BTC-USDT-SWAP", priceScale: 1, qtyScale: 2)])
        var codec = OKXCodec(symbols: table)
        var u = DepthUpdate()
        #expect(try codec.decode("pong", into: &u) == .control(.pong))
        #expect(try codec.decode(#"{"id":"1512","event":"subscribe","arg":{"channel":"books","instId":"BTC-USDT-SWAP"},"connId":"a4d3ae55"}"#, into: &u) == .control(.subscribed("books")))
        #expect(try codec.decode(#"{"event":"error","code":"60012","msg":"Invalid request","connId":"a"}"#, into: &u) == .control(.error(code: "60012", message: "Invalid request")))
        #expect(try codec.decode(#"{"event":"notice","code":"64008","msg":"upgrade","connId":"a"}"#, into: &u) == .control(.info("notice")))
        let mark = try codec.decode(#"{"arg":{"channel":"mark-price","instId":"BTC-USDT-SWAP"},"data":[{"instType":"SWAP","instId":"BTC-USDT-SWAP","markPx":"42310.6","ts":"1630049139746"}]}"#, into: &u)
        #expect(mark == .mark(MarkPriceTick(slot: 0, markPrice: Price(units: 423106, scale: 1), eventTimeMs: 1630049139746)))
        let funding = try codec.decode(#"{"arg":{"channel":"funding-rate","instId":"BTC-USDT-SWAP"},"data":[{"instType":"SWAP","instId":"BTC-USDT-SWAP","fundingRate":"0.0001","nextFundingRate":"","fundingTime":"1700726400000","nextFundingTime":"1700755200000","method":"current_period","ts":"1700700000000"}]}"#, into: &u)
        #expect(funding == .mark(MarkPriceTick(slot: 0, fundingRate: FundingRate(units: 1, scale: 4), nextFundingTimeMs: 1700726400000, eventTimeMs: 1700700000000)))
        #expect(try codec.decode(#"{"arg":{"channel":"candle1m","instId":"BTC-USDT-SWAP"},"data":[["1","2"]]}"#, into: &u) == .ignored)
        #expect(throws: VenueCodecError(.unknownSymbol, field: "arg.instId", venue: .okx)) {
            _ = try codec.decode(#"{"arg":{"channel":"books","instId":"ETH-USDT-SWAP"},"action":"update","data":[]}"#, into: &u)
        }
    }
}
