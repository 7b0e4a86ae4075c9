import PropCore
import Testing
@testable import Venues

/// Bybit private messages shaped like the venue doc's samples (venues/bybit-v5.md §4–5) decode exactly.
@Suite struct BybitPrivateCodecTests {
    static let orderPush = #"{"id":"5923240c6880ab-c59f-420b-9adb-3639adc9dd90","topic":"order","creationTime":1672364262474,"data":[{"category":"linear","symbol":"BTCUSDT","orderId":"5cf98598-39a7-459e-97bf-76ca765ee020","orderLinkId":"pb0000000000001","side":"Sell","orderType":"Limit","price":"72.5","qty":"1","timeInForce":"PostOnly","orderStatus":"Filled","cancelType":"UNKNOWN","rejectReason":"EC_NoError","leavesQty":"0","cumExecQty":"1","cumExecValue":"75","avgPrice":"75","cumExecFee":"0.358635","reduceOnly":false,"positionIdx":0,"createdTime":"1672364262444","updatedTime":"1672364262457"}]}"#
    static let executionPush = #"{"topic":"execution","id":"386825804_BTCUSDT_140612148849382","creationTime":1746270400355,"data":[{"category":"linear","symbol":"BTCUSDT","execId":"0ab1bdf7-4219-438b-b30a-32ec863018f7","execPrice":"95900.1","execQty":"0.5","execType":"Trade","execValue":"47950.05","execFee":"26.3725275","feeRate":"0.00055","isMaker":false,"orderId":"9aac161b-8ed6-450d-9cab-c5cc67c21784","orderLinkId":"","orderPrice":"94942.5","orderQty":"0.5","leavesQty":"0","side":"Sell","execTime":"1746270400353","seq":140612148849382}]}"#

    func decode(_ text: String) throws -> [PrivateStreamEvent] {
        let json = try #require(JSONTree.parse(Array(text.utf8)))
        return try BybitPrivateHandler.decode(topic: try #require(json["topic"]?.text), data: try #require(json["data"]?.array))
    }

    @Test func orderPushDecodesIdsStatusAndExactDecimals() throws {
        let events = try decode(Self.orderPush)
        guard case .order(let r) = try #require(events.first) else { Issue.record("not an order"); return }
        #expect(r.instrument == InstrumentId(venue: .bybit, base: "BTC", quote: "USDT"))
        #expect(r.clientOrderId == "pb0000000000001")
        #expect(r.venueOrderId == "5cf98598-39a7-459e-97bf-76ca765ee020")
        #expect(r.side == .sell && r.type == .limit && r.timeInForce == .postOnly)
        #expect(r.status == .filled)
        #expect(r.price == Price("72.5") && r.qty == Qty("1") && r.filledQty == Qty("1") && r.averagePrice == Price("75"))
        #expect(r.updateMs == 1672364262457)
    }

    @Test func executionPushDecodesAFillWithFeeAndMakerFlag() throws {
        let events = try decode(Self.executionPush)
        guard case .fill(let f) = try #require(events.first) else { Issue.record("not a fill"); return }
        #expect(f.tradeId == "0ab1bdf7-4219-438b-b30a-32ec863018f7")
        #expect(f.price == Price("95900.1") && f.qty == Qty("0.5"))
        #expect(f.fee == Qty("26.3725275") && f.feeAsset == "USDT" && !f.isMaker)
        #expect(f.side == .sell && f.tsMs == 1746270400353)
        #expect(f.venueOrderId == "9aac161b-8ed6-450d-9cab-c5cc67c21784")
    }

    @Test func postOnlyCancelCarriesTheVenueReason() throws {
        let text = #"{"symbol":"ETHUSDT","orderId":"1","orderLinkId":"x","side":"Buy","orderType":"Limit","price":"3000.10","qty":"0.10","timeInForce":"PostOnly","orderStatus":"Cancelled","rejectReason":"EC_PostOnlyWillTakeLiquidity","cumExecQty":"0","avgPrice":"","reduceOnly":false,"updatedTime":"5"}"#
        let state = try BybitPrivateCodec.order(try #require(JSONTree.parse(Array(text.utf8))), field: "o")
        #expect(state.postOnlyWouldTake)
        #expect(state.report.status == .canceled && state.report.averagePrice == nil && state.report.price == Price("3000.10"))
    }

    @Test func positionsAndWalletDecode() throws {
        let pos = #"{"topic":"position","data":[{"category":"linear","symbol":"SOLUSDT","side":"Sell","size":"2.5","entryPrice":"150.25","unrealisedPnl":"-1.5","positionIdx":0},{"category":"linear","symbol":"BTCUSDT","side":"","size":"0","entryPrice":"0","unrealisedPnl":"0"}]}"#
        let events = try decode(pos)
        #expect(events == [
            .position(PositionReport(instrument: InstrumentId(venue: .bybit, base: "SOL", quote: "USDT"), qty: Qty("-2.5")!,
                                     entryPrice: Price("150.25"), unrealizedPnl: Qty("-1.5")!)),
            .position(PositionReport(instrument: InstrumentId(venue: .bybit, base: "BTC", quote: "USDT"), qty: .zero,
                                     entryPrice: nil, unrealizedPnl: .zero)),
        ])
        let wallet = #"{"topic":"wallet","data":[{"accountType":"UNIFIED","coin":[{"coin":"BTC","walletBalance":"1"},{"coin":"USDT","walletBalance":"1000.5","availableToWithdraw":"","totalPositionIM":"100","totalOrderIM":"0.5"}]}]}"#
        #expect(try decode(wallet) == [.balance(BalanceReport(venue: .bybit, asset: "USDT", wallet: Qty("1000.5")!, available: Qty("900")!))])
    }

    @Test func malformedItemsAreErrorsNotCrashes() throws {
        for bad in [
            #"{"topic":"order","data":[{"symbol":"BTCUSDT","orderId":"1","side":"Up","orderType":"Limit","qty":"1","orderStatus":"New"}]}"#,
            #"{"topic":"order","data":[{"symbol":"BTCUSDT","orderId":"1","side":"Buy","orderType":"Limit","qty":"1e3","orderStatus":"New"}]}"#,
            #"{"topic":"execution","data":[{"symbol":"NOPE","execId":"1"}]}"#,
            #"{"topic":"order","data":[{"symbol":"BTCUSDT","orderId":"1","side":"Buy","orderType":"Limit","qty":"1","orderStatus":"Weird"}]}"#,
        ] {
            #expect(throws: VenueCodecError.self) { try decode(bad) }
        }
        for garbage in ["", "{", #"{"topic":"order","data":[{]}"#, "[1,2", #"{"a":tru}"#, String(repeating: "[", count: 100)] {
            #expect(JSONTree.parse(Array(garbage.utf8)) == nil)
        }
        #expect(JSONTree.parse(Array(#"{"s":"a\"b\u0041"}"#.utf8))?["s"]?.text == "a\"bA")
    }
}
