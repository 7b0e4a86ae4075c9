import PropCore
import Testing
@testable import Venues

/// Binance private bodies and user-data frames shaped like venues/binance-usdm.md §4–5 examples.
@Suite struct BinancePrivateCodecTests {
    static let btc = InstrumentId(venue: .binance, base: "BTC", quote: "USDT")

    static func json(_ s: String) -> JSONTree {
        guard let j = JSONTree.parse(s) else { Issue.record("not JSON: \(s)"); return .null }
        return j
    }

    @Test func orderResponseDecodesEveryField() throws {
        let body = Self.json(#"{"clientOrderId":"pb0000000001","cumQty":"0.002","cumQuote":"130.00000","executedQty":"0.002","orderId":22542179,"avgPrice":"65000.00","origQty":"0.010","price":"65000.10","reduceOnly":true,"side":"SELL","positionSide":"BOTH","status":"PARTIALLY_FILLED","stopPrice":"0","closePosition":false,"symbol":"BTCUSDT","timeInForce":"GTX","type":"LIMIT","origType":"LIMIT","updateTime":1566818724722,"workingType":"CONTRACT_PRICE","priceProtect":false,"priceMatch":"NONE","selfTradePreventionMode":"NONE","goodTillDate":0}"#)
        let r = try BinancePrivateCodec.order(body)
        #expect(r.instrument == Self.btc)
        #expect(r.clientOrderId == "pb0000000001" && r.venueOrderId == "22542179")
        #expect(r.side == .sell && r.type == .limit && r.timeInForce == .postOnly)
        #expect(r.price?.description == "65000.10")
        #expect(r.qty == Qty("0.01")! && r.filledQty == Qty("0.002")!)
        #expect(r.averagePrice == Price("65000")!)
        #expect(r.status == .partiallyFilled && r.reduceOnly && r.updateMs == 1566818724722)
    }

    @Test func marketOrderHasNoPriceAndZeroAverageMeansNone() throws {
        let body = Self.json(#"{"clientOrderId":"m1","executedQty":"0","orderId":7,"avgPrice":"0.00000","origQty":"1","price":"0","reduceOnly":false,"side":"BUY","status":"NEW","symbol":"SOLUSDT","timeInForce":"GTC","type":"MARKET","updateTime":1}"#)
        let r = try BinancePrivateCodec.order(body)
        #expect(r.type == .market && r.price == nil && r.averagePrice == nil)
        #expect(r.instrument == InstrumentId(venue: .binance, base: "SOL", quote: "USDT"))
    }

    @Test func unknownStatusAndMissingFieldsAreNamedErrors() {
        let bad = Self.json(#"{"clientOrderId":"x","executedQty":"0","orderId":1,"avgPrice":"0","origQty":"1","price":"1","reduceOnly":false,"side":"BUY","status":"WEIRD","symbol":"BTCUSDT","timeInForce":"GTC","type":"LIMIT","updateTime":1}"#)
        #expect(throws: VenueCodecError(.wrongType, field: "status", venue: .binance)) { try BinancePrivateCodec.order(bad) }
        let missing = Self.json(#"{"clientOrderId":"x"}"#)
        #expect(throws: VenueCodecError.self) { try BinancePrivateCodec.order(missing) }
        let badSymbol = Self.json(#"{"clientOrderId":"x","executedQty":"0","orderId":1,"avgPrice":"0","origQty":"1","price":"1","reduceOnly":false,"side":"BUY","status":"NEW","symbol":"BTCEUR","timeInForce":"GTC","type":"LIMIT","updateTime":1}"#)
        #expect(throws: VenueCodecError(.unknownSymbol, field: "symbol", venue: .binance)) { try BinancePrivateCodec.order(badSymbol) }
    }

    @Test func userTradeRowTakesTheSuppliedClientId() throws {
        let row = Self.json(#"{"buyer":false,"commission":"0.07819010","commissionAsset":"USDT","id":698759,"maker":false,"orderId":25851813,"price":"7819.01","qty":"0.002","quoteQty":"15.63802","realizedPnl":"-0.91539999","side":"SELL","positionSide":"BOTH","symbol":"BTCUSDT","time":1569514978020}"#)
        let f = try BinancePrivateCodec.trade(row, clientOrderId: "pb1")
        #expect(f.tradeId == "698759" && f.venueOrderId == "25851813" && f.clientOrderId == "pb1")
        #expect(f.price == Price("7819.01")! && f.qty == Qty("0.002")! && f.fee == Qty("0.0781901")!)
        #expect(f.side == .sell && !f.isMaker && f.tsMs == 1569514978020 && f.feeAsset == "USDT")
    }

    @Test func positionsSkipFlatAndBalancesKeepUSDT() throws {
        let pos = Self.json(#"[{"symbol":"BTCUSDT","positionSide":"BOTH","positionAmt":"-0.010","entryPrice":"65000.0","markPrice":"64990","unRealizedProfit":"0.10000000"},{"symbol":"ETHUSDT","positionSide":"BOTH","positionAmt":"0.000","entryPrice":"0.0","markPrice":"3400","unRealizedProfit":"0"}]"#)
        let p = try BinancePrivateCodec.positions(pos)
        #expect(p == [PositionReport(instrument: Self.btc, qty: Qty("-0.01")!, entryPrice: Price("65000")!, unrealizedPnl: Qty("0.1")!)])
        let bal = Self.json(#"[{"accountAlias":"SgsR","asset":"BNB","balance":"1","availableBalance":"1"},{"accountAlias":"SgsR","asset":"USDT","balance":"122607.35137903","crossWalletBalance":"23.72469206","crossUnPnl":"0.00000000","availableBalance":"23.72469206","maxWithdrawAmount":"23.72469206","marginAvailable":true,"updateTime":1617939110373}]"#)
        #expect(try BinancePrivateCodec.balances(bal) == [BalanceReport(venue: .binance, asset: "USDT", wallet: Qty("122607.35137903")!, available: Qty("23.72469206")!)])
    }

    @Test func orderTradeUpdateWithTradeYieldsOrderAndFill() throws {
        let frame = #"{"e":"ORDER_TRADE_UPDATE","E":1568879465651,"T":1568879465650,"o":{"s":"BTCUSDT","c":"TEST","S":"SELL","o":"LIMIT","f":"GTC","q":"0.002","p":"7103.04","ap":"7103.04","sp":"0","x":"TRADE","X":"PARTIALLY_FILLED","i":8886774,"l":"0.001","z":"0.001","L":"7103.04","N":"USDT","n":"0.00355152","T":1568879465650,"t":91,"b":"0","a":"9.91","m":true,"R":false,"wt":"CONTRACT_PRICE","ot":"LIMIT","ps":"BOTH","cp":false,"rp":"0","pP":false,"si":0,"ss":0,"V":"NONE","pm":"NONE","gtd":0}}"#
        guard case .events(let events) = try BinancePrivateCodec.streamMessage(Array(frame.utf8)) else { Issue.record("not events"); return }
        #expect(events.count == 2)
        guard case .order(let r) = events[0], case .fill(let f) = events[1] else { Issue.record("\(events)"); return }
        #expect(r.clientOrderId == "TEST" && r.status == .partiallyFilled && r.filledQty == Qty("0.001")! && r.venueOrderId == "8886774")
        #expect(f.tradeId == "91" && f.qty == Qty("0.001")! && f.price == Price("7103.04")! && f.isMaker && f.fee == Qty("0.00355152")!)
        #expect(f.dedupKey == "binance|BINANCE:PERP:BTC-USDT|91")
    }

    @Test func orderTradeUpdateWithoutTradeIsOnlyTheOrder() throws {
        let frame = #"{"e":"ORDER_TRADE_UPDATE","E":1,"T":1,"o":{"s":"ETHUSDT","c":"c1","S":"BUY","o":"LIMIT","f":"GTX","q":"1.000","p":"3400.00","ap":"0","x":"CANCELED","X":"CANCELED","i":5,"l":"0","z":"0","L":"0","N":"USDT","n":"0","T":2,"t":0,"m":false,"R":true}}"#
        guard case .events(let events) = try BinancePrivateCodec.streamMessage(Array(frame.utf8)), case .order(let r) = events.first else {
            Issue.record("no order"); return
        }
        #expect(events.count == 1 && r.status == .canceled && r.timeInForce == .postOnly && r.reduceOnly && r.updateMs == 2)
    }

    @Test func accountUpdateYieldsBalancePositionAndFunding() throws {
        let frame = #"{"e":"ACCOUNT_UPDATE","E":1564745798939,"T":1564745798938,"a":{"m":"FUNDING_FEE","B":[{"a":"USDT","wb":"122624.12345678","cw":"100.12345678","bc":"-1.25000000"}],"P":[{"s":"BTCUSDT","pa":"0.010","ep":"65000.00","cr":"0","up":"-0.5","mt":"cross","iw":"0","ps":"BOTH"}]}}"#
        guard case .events(let events) = try BinancePrivateCodec.streamMessage(Array(frame.utf8)) else { Issue.record("not events"); return }
        #expect(events == [
            .balance(BalanceReport(venue: .binance, asset: "USDT", wallet: Qty("122624.12345678")!, available: Qty("100.12345678")!)),
            .position(PositionReport(instrument: Self.btc, qty: Qty("0.01")!, entryPrice: Price("65000")!, unrealizedPnl: Qty("-0.5")!)),
            .funding(instrument: Self.btc, amount: Qty("-1.25")!, tsMs: 1564745798939),
        ])
    }

    @Test func listenKeyExpiredAndUnrelatedFrames() throws {
        #expect(try BinancePrivateCodec.streamMessage(Array(#"{"e":"listenKeyExpired","E":1576653824250,"listenKey":"abc"}"#.utf8)) == .listenKeyExpired)
        #expect(try BinancePrivateCodec.streamMessage(Array(#"{"result":[],"id":1}"#.utf8)) == .events([]))
        #expect(try BinancePrivateCodec.streamMessage(Array(#"{"e":"MARGIN_CALL","E":1}"#.utf8)) == .events([]))
    }

    @Test func malformedFramesThrowAndNeverTrap() {
        let cases = ["", "{", "[1,2", #"{"e":"ORDER_TRADE_UPDATE","o":{"s":"BTCUSDT"}}"#, #"{"e":"ACCOUNT_UPDATE"}"#,
                     String(repeating: "[", count: 500), #"{"e":"ORDER_TRADE_UPDATE","E":1,"o":[]}"#, "\u{0}\u{1}"]
        for c in cases {
            #expect(throws: VenueCodecError.self) { try BinancePrivateCodec.streamMessage(Array(c.utf8)) }
        }
    }

    @Test func jsonTreeKeepsNumbersExactAndResolvesEscapes() {
        let j = Self.json(#"{"a":"x\"y\u0041","n":123456789012345678,"d":0.10000000000000000001,"b":[true,false,null]}"#)
        #expect(j["a"]?.text == "x\"yA")
        #expect(j["n"]?.int64 == 123456789012345678)
        #expect(j["d"]?.text == "0.10000000000000000001")
        #expect(j["b"]?.array == [.bool(true), .bool(false), .null])
        #expect(JSONTree.parse("{} x") == nil)
    }
}
