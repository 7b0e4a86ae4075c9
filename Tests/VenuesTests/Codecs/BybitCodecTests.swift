import MarketData
import PropCore
import Testing
@testable import Venues

@Suite struct BybitCodecTests {
    static let table = SymbolTable([SymbolSpec(nativeSymbol: "BTCUSDT", priceScale: 1, qtyScale: 3)])

    @Test func everyFixtureFrameDecodesWithExpectedCounts() throws {
        var codec = BybitCodec(symbols: Self.table)
        var update = DepthUpdate()
        var counts = MessageCounts()
        var sync = BookSync(venue: .bybit, priceScale: 1, qtyScale: 3)
        for m in try RecordedCaptures.messages(RecordedCaptures.bybitWS) {
            let msg = try codec.decode(m.body, into: &update)
            counts.count(msg, update)
            if case .depth = msg { #expect(sync.handle(update) == .applied) }
        }
        #expect(counts == MessageCounts(depth: 3, snapshots: 1, trade: 1, mark: 1, ticker: 1, control: 3, ignored: 1))
        #expect(sync.isValid && sync.stats.gaps == 0 && sync.lastUpdateId == 15076954)
        #expect(sync.book.bestBidPrice?.description == "65095.3" && sync.book.bestAskPrice?.description == "65116.8")
    }

    @Test func deltaMapsUAndSeqAndMatchingEngineTime() throws {
        var codec = BybitCodec(symbols: Self.table)
        var u = DepthUpdate()
        _ = try codec.decode(#"{"topic":"orderbook.200.BTCUSDT","type":"delta","ts":1786310818130,"data":{"s":"BTCUSDT","b":[["65095.30","0.005"],["65093.10","0"]],"a":[["65116.60","0"],["65116.80","0.002"]],"u":15076953,"seq":753843913870},"cts":1786310818129}"#, into: &u)
        #expect(u.kind == .delta && u.firstUpdateId == 15076953 && u.lastUpdateId == 15076953 && u.prevUpdateId == 15076952)
        #expect(u.crossSequence == 753843913870 && u.eventTimeMs == 1786310818129)
        #expect(u.bids == [BookLevel(price: 650953, qty: 5), BookLevel(price: 650931, qty: 0)])
        // u == 1 after a service restart is a snapshot whatever `type` says.
        _ = try codec.decode(#"{"topic":"orderbook.50.BTCUSDT","type":"delta","ts":1,"data":{"s":"BTCUSDT","b":[],"a":[],"u":1,"seq":2}}"#, into: &u)
        #expect(u.kind == .snapshot)
    }

    @Test func tickersCarryMarkFundingAndBestPrices() throws {
        var codec = BybitCodec(symbols: Self.table)
        var u = DepthUpdate()
        let frames = try RecordedCaptures.messages(RecordedCaptures.bybitWS)
        let snap = try codec.decode(frames[4].body, into: &u)
        #expect(snap == .mark(MarkPriceTick(slot: 0, markPrice: Price(units: 6511744, scale: 2), indexPrice: Price(units: 6513776, scale: 2),
                                            fundingRate: FundingRate(units: 1, scale: 4), nextFundingTimeMs: 1786320000000, eventTimeMs: 1786310817583)))
        #expect(codec.lastTicker?.bidQty == Qty(units: 5954, scale: 3))
        let delta = try codec.decode(frames[5].body, into: &u)
        #expect(delta == .ticker(BookTickerTick(slot: 0, bidPrice: Price(units: 651142, scale: 1), bidQty: Qty(units: 6054, scale: 3),
                                                askPrice: Price(units: 651143, scale: 1), askQty: Qty(units: 10486, scale: 3), eventTimeMs: 1786310817883)))
        #expect(try codec.decode(#"{"success":false,"ret_msg":"error:handler not found","conn_id":"x","op":"subscribe"}"#, into: &u)
                == .control(.error(code: "", message: "error:handler not found")))
    }

    @Test func restDecodersReadSnapshotTimeAndInstruments() throws {
        var u = DepthUpdate()
        try BybitCodec.decodeDepthSnapshot(Array(#"{"retCode":0,"retMsg":"OK","result":{"s":"BTCUSDT","a":[["65116.80","0.012"]],"b":[["65095.30","0.105"]],"ts":1786310818000,"u":15076952,"seq":753843911359,"cts":1786310817999},"retExtInfo":{},"time":1786310818001}"#.utf8), symbols: Self.table, into: &u)
        #expect(u.kind == .snapshot && u.slot == 0 && u.lastUpdateId == 15076952 && u.crossSequence == 753843911359)
        #expect(u.bids == [BookLevel(price: 650953, qty: 105)] && u.asks == [BookLevel(price: 651168, qty: 12)])
        #expect(try BybitCodec.decodeServerTime(Array(#"{"retCode":0,"retMsg":"OK","result":{"timeSecond":"1688639403","timeNano":"1688639403423213947"},"retExtInfo":{},"time":1688639403423}"#.utf8)) == 1688639403423)
        let rules = try BybitCodec.decodeInstruments(Array(#"{"retCode":0,"retMsg":"OK","result":{"category":"linear","list":[{"symbol":"BTCUSDT","contractType":"LinearPerpetual","status":"Trading","baseCoin":"BTC","quoteCoin":"USDT","settleCoin":"USDT","priceScale":"2","priceFilter":{"minPrice":"0.10","maxPrice":"1999999.80","tickSize":"0.10"},"lotSizeFilter":{"maxOrderQty":"1500.000","minOrderQty":"0.001","qtyStep":"0.001","maxMktOrderQty":"150.000","minNotionalValue":"5"}}]}}"#.utf8))
        #expect(rules.count == 1)
        #expect(rules[0].priceScale == 1 && rules[0].qtyScale == 3 && rules[0].minNotional == Price(units: 5, scale: 0))
        #expect(rules[0].id.description == "BYBIT:PERP:BTC-USDT" && rules[0].minQty == Qty(units: 1, scale: 3))
    }
}
