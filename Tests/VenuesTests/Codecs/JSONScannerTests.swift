import PropCore
import PropertyBased
import Testing
@testable import Venues

@Suite struct JSONScannerTests {
    func withScanner<T>(_ text: String, _ body: (inout JSONScanner) -> T) -> T {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBytes { raw in
            var s = JSONScanner(UnsafeRawBufferPointer(raw))
            return body(&s)
        }
    }

    @Test func skipsNestedValuesAndRejectsMismatchedBrackets() {
        #expect(withScanner(#" {"a":[1,{"b":"x\"]"}],"c":true} "#) { $0.skipValue() && $0.atEnd() })
        #expect(!withScanner(#"[1,2}"#) { $0.skipValue() })
        #expect(!withScanner(#"{"a":"unterminated"#) { $0.skipValue() })
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(withScanner(deep) { s in !s.skipValue() && s.tooDeep })
    }

    @Test func readsIntegersAndRejectsOverflowAndFractions() {
        #expect(withScanner("9223372036854775807,") { $0.readInt() } == Int64.max)
        #expect(withScanner("-42}") { $0.readInt() } == -42)
        #expect(withScanner("9223372036854775808") { $0.readInt() } == nil)
        #expect(withScanner("1.5") { $0.readInt() } == nil)
        #expect(withScanner("1e3") { $0.readInt() } == nil)
        #expect(withScanner(#""1652459225464""#) { $0.readIntOrQuotedInt() } == 1652459225464)
    }

    @Test func decimalParsingMatchesFixedPointForAnyValue() async {
        await propertyCheck(input: Gen.int(in: -999_999_999_999...999_999_999_999), Gen.int(in: 0...8)) { units, scale in
            let text = Price(units: Int64(units), scale: scale).description
            var bytes = Array(text.utf8)
            let parsed = bytes.withUnsafeMutableBytes { JSONScanner.parseDecimal(UnsafeRawBufferPointer($0), 0, $0.count, scale: scale + 2) }
            #expect(parsed == Int64(units) * 100)
        }
    }
}
