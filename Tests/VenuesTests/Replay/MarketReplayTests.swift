import Foundation
import PropCore
import Testing
@testable import Venues

@Suite struct MarketReplayTests {
    @Test func binanceRecordingGivesFourValidBooksAndNoGaps() throws {
        let report = try MarketReplay.run(venue: .binance, files: [RecordedCaptures.binanceHTTP, RecordedCaptures.binanceWS])
        #expect(report.venue == "binance" && report.gaps == 0 && report.malformed == 0 && report.resyncs == 0)
        #expect(report.books.count == 4 && report.books.values.allSatisfy { $0.valid })
        #expect(report.messages == 1535 + 4)
        let sushi = try #require(report.books["SUSHIUSDT"])
        #expect(sushi.bid != nil && sushi.ask != nil && Price(sushi.bid!)! < Price(sushi.ask!)!)
    }

    @Test func instrumentListInTheCaptureSetsTheScales() throws {
        // exchangeInfo says SUSHIUSDT tick 0.0010 (scale 3) while the feed prints 4 decimals: the finer wins.
        // CTKUSDT's tick is 0.001 but its REST snapshot holds levels like "0.50579": the replay must still take them.
        let files = [RecordedCaptures.binanceInfo, RecordedCaptures.binanceHTTP, RecordedCaptures.binanceWS]
        let specs = ReplayScales.infer(venue: .binance, messages: try CaptureReader.read(files))
        #expect(specs.first { $0.nativeSymbol == "SUSHIUSDT" } == SymbolSpec(nativeSymbol: "SUSHIUSDT", priceScale: 4, qtyScale: 0))
        #expect(specs.first { $0.nativeSymbol == "CTKUSDT" }?.priceScale == 5)
        let report = try MarketReplay.run(venue: .binance, files: files)
        #expect(report.gaps == 0)
        #expect(report.malformed == 0)
        #expect(report.books.count == 4)
        #expect(report.books.values.allSatisfy { $0.valid })
        #expect(report.books["SUSHIUSDT"]?.bid?.split(separator: ".").last?.count == 4)
    }

    @Test func okxRecordingGivesValidBooksWithoutChecksumFailures() throws {
        let report = try MarketReplay.run(venue: .okx, files: [RecordedCaptures.okxWS])
        #expect(report.checksumFailures == 0 && report.gaps == 0 && report.malformed == 0)
        #expect(report.books.count == 3 && report.books.values.allSatisfy { $0.valid })
    }

    @Test func reportEncodesToTheDocumentedShape() throws {
        let report = try MarketReplay.run(venue: .bybit, files: [RecordedCaptures.bybitWS])
        let enc = JSONEncoder()
        enc.outputFormatting = .sortedKeys
        let json = String(decoding: try enc.encode(report), as: UTF8.self)
        #expect(json == #"{"books":{"BTCUSDT":{"ask":"65116.80","ask_qty":"0.012","bid":"65095.30","bid_qty":"0.005","valid":true}},"checksum_failures":0,"gaps":0,"malformed":0,"messages":10,"resyncs":0,"venue":"bybit"}"#)
    }

    @Test func aBrokenChainInTheCaptureIsCountedAsAGap() throws {
        var messages = try CaptureReader.read([RecordedCaptures.bybitWS])
        messages.remove(at: 2) // the first delta: the next one no longer chains
        let report = MarketReplay.replay(venue: .bybit, messages: messages)
        #expect(report.gaps == 1 && report.resyncs == 1 && report.books["BTCUSDT"]?.valid == false)
    }

    @Test func capturesMergeByReceiveTimeAndSkipClientFrames() throws {
        let a = Array("wss://x <-> 1.0\n2.5: {\"b\":1}\nwss://x <- 2.6: {\"op\":\"sub\"}\n4.0: {\"b\":2}\n".utf8)
        let b = Array("https://h/fapi/v1/depth?symbol=X&limit=5 -> 3.0: {\"lastUpdateId\":1}\nconfiguration: {}\n".utf8)
        let merged = CaptureReader.merge(CaptureReader.parse(a, fileIndex: 0) + CaptureReader.parse(b, fileIndex: 1))
        #expect(merged.map(\.receiveTime) == [2.5, 3.0, 4.0])
        #expect(merged[1].kind == .http(url: "https://h/fapi/v1/depth?symbol=X&limit=5"))
        #expect(String(decoding: merged[2].body, as: UTF8.self) == "{\"b\":2}")
    }
}
