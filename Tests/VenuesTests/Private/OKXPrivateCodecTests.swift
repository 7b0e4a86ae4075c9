import PropCore
import Testing
@testable import Venues

/// OKX private objects and envelopes decoded from doc-shaped messages (venues/okx-v5.md §4, §5).
@Suite struct OKXPrivateCodecTests {
    static let btc = InstrumentId(venue: .okx, base: "BTC", quote: "USDT")

    /// The doc's `orders` push, on a SWAP instrument: a maker fill embedded in the order update.
    static let ordersPush = #"{"arg":{"channel":"orders","instType":"SWAP","instId":"BTC-USDT-SWAP","uid":"614488474791936"},"data":[{"instType":"SWAP","instId":"BTC-USDT-SWAP","ordId":"452197707845865472","clOrdId":"abc123","tag":"","px":"31527.1","sz":"3","ordType":"limit","side":"sell","posSide":"net","tdMode":"cross","accFillSz":"1","fillPx":"31527.1","fillSz":"1","fillTime":"1654084353263","tradeId":"242589207","execType":"M","fillFee":"-0.02522168","fillFeeCcy":"USDT","avgPx":"31527.1","state":"partially_filled","fee":"-0.02522168","feeCcy":"USDT","reduceOnly":"false","cancelSource":"","amendResult":"","code":"0","msg":"","cTime":"1654084334977","uTime":"1654084353264"}]}"#

    func events(_ frame: String) throws -> [PrivateStreamEvent] {
        let root = try #require(JSONTree.parse(frame))
        let channel = try #require(root["arg"]?.literal("channel"))
        return try (root["data"]!.array ?? []).flatMap { try OKXPrivateStreamDecoder.events(channel: channel, $0) }
    }

    @Test func ordersPushYieldsTheFillThenTheOrderState() throws {
        let e = try events(Self.ordersPush)
        #expect(e.count == 2)
        guard case .fill(let f) = e[0], case .order(let o) = e[1] else { Issue.record("unexpected \(e)"); return }
        #expect(f == FillReport(instrument: Self.btc, clientOrderId: "abc123", venueOrderId: "452197707845865472", tradeId: "242589207",
                                side: .sell, price: Price("31527.1")!, qty: Qty("1")!, fee: Qty("0.02522168")!, feeAsset: "USDT",
                                isMaker: true, tsMs: 1_654_084_353_263))
        #expect(o.status == .partiallyFilled && o.filledQty == Qty("1")! && o.qty == Qty("3")! && o.price == Price("31527.1")!)
        #expect(o.type == .limit && o.timeInForce == .gtc && !o.reduceOnly && o.updateMs == 1_654_084_353_264)
        #expect(o.averagePrice == Price("31527.1")!)
    }

    @Test func orderWithoutFillHasNoFillEvent() throws {
        let live = Self.ordersPush.replacingOccurrences(of: #""tradeId":"242589207""#, with: #""tradeId":"""#)
            .replacingOccurrences(of: #""fillSz":"1""#, with: #""fillSz":"0""#)
        let e = try events(live)
        #expect(e.count == 1)
    }

    @Test func ordTypesAndStatesMap() {
        #expect(OKXPrivateCodec.orderType("post_only")! == (.limit, .postOnly))
        #expect(OKXPrivateCodec.orderType("ioc")! == (.limit, .ioc))
        #expect(OKXPrivateCodec.orderType("fok")! == (.limit, .fok))
        #expect(OKXPrivateCodec.orderType("market")! == (.market, .gtc))
        #expect(OKXPrivateCodec.orderType("weird") == nil)
        for t in OrderType.allCases { for tif in TimeInForce.allCases where t == .limit {
            #expect(OKXPrivateCodec.orderType(OKXPrivateCodec.ordType(t, tif))! == (t, tif))
        } }
        #expect(OKXPrivateCodec.status("live") == .new)
        #expect(OKXPrivateCodec.status("mmp_canceled") == .canceled)
        #expect(OKXPrivateCodec.status("other") == nil)
    }

    @Test func positionsAndAccountDecode() throws {
        let pos = #"{"arg":{"channel":"positions","instType":"SWAP","uid":"1"},"data":[{"instId":"BTC-USDT-SWAP","instType":"SWAP","pos":"-2.5","posSide":"net","avgPx":"42310.6","upl":"-1.25","mgnMode":"cross"}]}"#
        guard case .position(let p) = try events(pos).first else { Issue.record("no position"); return }
        #expect(p == PositionReport(instrument: Self.btc, qty: Qty("-2.5")!, entryPrice: Price("42310.6")!, unrealizedPnl: Qty("-1.25")!))
        let acct = #"{"arg":{"channel":"account","uid":"1"},"data":[{"totalEq":"100","details":[{"ccy":"BTC","cashBal":"1","availEq":"1"},{"ccy":"USDT","cashBal":"99990.5","availBal":"99000","availEq":"98000.25","eq":"99990"}]}]}"#
        guard case .balance(let b) = try events(acct).first else { Issue.record("no balance"); return }
        #expect(b == BalanceReport(venue: .okx, asset: "USDT", wallet: Qty("99990.5")!, available: Qty("98000.25")!))
    }

    @Test func fillsItemDecodesWithFeeSignFlipped() throws {
        let item = try #require(JSONTree.parse(#"{"instType":"SWAP","instId":"BTC-USDT-SWAP","tradeId":"7","ordId":"9","clOrdId":"c1","billId":"7","fillPx":"100.5","fillSz":"2","side":"buy","posSide":"net","execType":"T","feeCcy":"USDT","fee":"-0.1005","ts":"1700000000000"}"#))
        let f = try OKXPrivateCodec.fill(item)
        #expect(f.fee == Qty("0.1005")! && !f.isMaker && f.tsMs == 1_700_000_000_000 && f.qty == Qty("2")!)
    }

    @Test func missingOrBadFieldsAreTypedErrorsNotCrashes() throws {
        let noState = try #require(JSONTree.parse(#"{"instId":"BTC-USDT-SWAP","ordId":"1","ordType":"limit","side":"buy","sz":"1","accFillSz":"0"}"#))
        #expect(throws: OKXPrivateCodec.DecodeError("state")) { try OKXPrivateCodec.order(noState) }
        let badSz = try #require(JSONTree.parse(#"{"instId":"BTC-USDT-SWAP","ordId":"1","ordType":"limit","side":"buy","sz":"1e3","state":"live","accFillSz":"0"}"#))
        #expect(throws: OKXPrivateCodec.DecodeError("sz")) { try OKXPrivateCodec.order(badSz) }
        let badInst = try #require(JSONTree.parse(#"{"instId":"BTC-USDT","ordId":"1","ordType":"limit","side":"buy","sz":"1","state":"live"}"#))
        #expect(throws: OKXPrivateCodec.DecodeError("instId")) { try OKXPrivateCodec.order(badInst) }
    }

    @Test func jsonReaderRejectsGarbageAndResolvesEscapes() {
        #expect(JSONTree.parse(String(Self.ordersPush.prefix(120))) == nil)
        #expect(JSONTree.parse("{} {}") == nil)
        #expect(JSONTree.parse("") == nil)
        #expect(JSONTree.parse(String(repeating: "[", count: 40) + String(repeating: "]", count: 40)) == nil)
        #expect(JSONTree.parse(#"{"msg":"a\"b\\c\u00e9\n"}"#)?.literal("msg") == "a\"b\\cé\n")
        #expect(JSONTree.parse(#"{"n":-1.5e3,"t":true,"z":null}"#)?.literal("n") == "-1.5e3")
    }

    /// Every truncation and every single-byte corruption of a push is either decoded or refused — never a crash.
    @Test func corruptedPushesNeverCrash() {
        var rng = SeededGenerator(seed: 99)
        let bytes = Array(Self.ordersPush.utf8)
        func decode(_ b: [UInt8]) {
            if let root = JSONTree.parse(b), let ch = root["arg"]?.literal("channel") {
                for item in root["data"]?.array ?? [] { _ = try? OKXPrivateStreamDecoder.events(channel: ch, item) }
            }
        }
        for cut in 0..<bytes.count {
            #expect(JSONTree.parse(Array(bytes.prefix(cut))) == nil, "a truncated frame is refused")
        }
        for _ in 0..<2000 {
            var b = bytes
            b[Int.random(in: 0..<b.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            decode(b)
        }
    }

    // MARK: requests

    @Test func orderBodiesAreExactOKXJSON() {
        let limit = OrderRequest(clientOrderId: "abc1", instrument: Self.btc, side: .buy, type: .limit, timeInForce: .postOnly,
                                 price: Price(units: 650001, scale: 1), qty: Qty(units: 150, scale: 2), reduceOnly: true)
        #expect(OKXTradingRequests.orderObject(limit) ==
                #"{"instId":"BTC-USDT-SWAP","tdMode":"cross","side":"buy","ordType":"post_only","sz":"1.5","px":"65000.1","reduceOnly":true,"clOrdId":"abc1"}"#)
        let market = OrderRequest(clientOrderId: "m1", instrument: Self.btc, side: .sell, type: .market, qty: Qty(units: 1, scale: 0))
        #expect(OKXTradingRequests.orderObject(market) == #"{"instId":"BTC-USDT-SWAP","tdMode":"cross","side":"sell","ordType":"market","sz":"1","clOrdId":"m1"}"#)
        #expect(OKXTradingRequests.amendBody(Self.btc, "abc1", newPrice: Price("100.50")!, newQty: nil)
                == #"{"instId":"BTC-USDT-SWAP","clOrdId":"abc1","cxlOnFail":false,"newPx":"100.5"}"#)
    }

    @Test func clientIdsFollowOKXCharset() {
        #expect(OKXTradingRequests.isValidClientOrderId("A1b2C3"))
        #expect(OKXTradingRequests.isValidClientOrderId(String(repeating: "x", count: 32)))
        #expect(!OKXTradingRequests.isValidClientOrderId(String(repeating: "x", count: 33)))
        #expect(!OKXTradingRequests.isValidClientOrderId("a-b"))
        #expect(!OKXTradingRequests.isValidClientOrderId("a_b"))
        #expect(!OKXTradingRequests.isValidClientOrderId(""))
    }

    @Test func cancelAllAfterTimeoutIsClampedToTheVenueRange() {
        #expect(OKXTradingRequests.cancelAllAfterSeconds(0) == 0)
        #expect(OKXTradingRequests.cancelAllAfterSeconds(1) == 10)
        #expect(OKXTradingRequests.cancelAllAfterSeconds(10_001) == 11)
        #expect(OKXTradingRequests.cancelAllAfterSeconds(60_000) == 60)
        #expect(OKXTradingRequests.cancelAllAfterSeconds(600_000) == 120)
        #expect(OKXTradingRequests.cancelAllAfterBody(timeoutMs: 30_000) == #"{"timeOut":"30"}"#)
    }
}
