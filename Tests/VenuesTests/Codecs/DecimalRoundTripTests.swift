import PropCore
import Testing
@testable import Venues

@Suite struct DecimalRoundTripTests {
    /// Every price/qty decimal string in every recorded file parses to Price/Qty and prints back byte-identical.
    @Test(arguments: [RecordedCaptures.binanceWS, RecordedCaptures.binanceHTTP, RecordedCaptures.binanceInfo,
                      RecordedCaptures.okxWS, RecordedCaptures.bybitWS])
    func recordedDecimalStringsRoundTripExactly(path: String) throws {
        var checked = 0
        for m in try RecordedCaptures.messages(path) {
            for s in RecordedCaptures.decimalStrings(in: m.body) {
                // Integer ids sent as strings (OKX ts, tradeId) are not decimals; they still must round-trip.
                guard s.utf8.count <= 19 || s.contains(".") else { continue }
                let p = try #require(Price(s), "Price(\(s))")
                #expect(p.description == s)
                let q = try #require(Qty(s), "Qty(\(s))")
                #expect(q.description == s)
                checked += 1
            }
        }
        #expect(checked > 10)
    }

    @Test func scannerDecimalAgreesWithFixedPointParserOnRecordedValues() throws {
        for m in try RecordedCaptures.messages(RecordedCaptures.binanceWS).prefix(300) {
            for s in RecordedCaptures.decimalStrings(in: m.body) where s.contains(".") {
                var bytes = Array(s.utf8)
                let natural = try #require(Price(s))
                let fast = bytes.withUnsafeMutableBytes { JSONScanner.parseDecimal(UnsafeRawBufferPointer($0), 0, $0.count, scale: natural.scale) }
                #expect(fast == natural.units)
            }
        }
    }
}
