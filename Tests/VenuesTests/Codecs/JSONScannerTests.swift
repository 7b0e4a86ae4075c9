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

    /// The word-at-a-time level parser must agree with the exact parser for every length and scale,
    /// including numbers that end right at the buffer end (where the scalar fallback takes over).
    @Test func levelParsingAgreesWithFixedPointForAnyShape() async {
        await propertyCheck(input: Gen.int(in: 1...999_999_999_999), Gen.int(in: 0...9), Gen.int(in: 0...3), Gen.int(in: 0...9_999_999)) { units, scale, extraZeros, qtyUnits in
            let px = Price(units: Int64(units), scale: scale).description + (scale > 0 ? String(repeating: "0", count: extraZeros) : "")
            let qty = Qty(units: Int64(qtyUnits), scale: 3).description
            for text in [#"[["\#(px)","\#(qty)"]]"#, #"[["\#(px)","\#(qty)"]]"# + String(repeating: " ", count: 20)] {
                var out: [BookLevel] = []
                let failure = self.withScanner(text) { $0.readLevels(priceScale: scale, qtyScale: 3, into: &out) }
                #expect(failure == nil)
                #expect(out == [BookLevel(price: Int64(units), qty: Int64(qtyUnits))], "\(text)")
            }
            // One more decimal than the scale allows, non-zero: off the grid.
            var out: [BookLevel] = []
            let off = Price(units: Int64(units), scale: scale).description + (scale > 0 ? "" : ".") + "5"
            let failure = self.withScanner(#"[["\#(off)","1"]]"# + "          ") { $0.readLevels(priceScale: scale, qtyScale: 3, into: &out) }
            guard case .price(.offScale)? = failure else { Issue.record("\(off): \(String(describing: failure))"); return }
        }
    }

    @Test func integersOfEveryLengthReadExactly() {
        var v: Int64 = 0
        for digits in 1...19 {
            v = v * 10 + Int64(digits % 10)
            for tail in ["", ",", "}                "] {
                #expect(withScanner("\(v)" + tail) { $0.readInt() } == v)
            }
        }
    }

    @Test func compactLevelArraysTakeTheStructuralPath() {
        let text = #"[["65000.10","1.234"],["64999.90","0.000"],["64990.00","12.345"]],"a":[]}"#
        var out: [BookLevel] = []
        let ok = withScanner(text) { s in s.readLevelsStructural(priceScale: 1, qtyScale: 3, into: &out) && s.pos == 65 }
        #expect(ok)
        #expect(out == [BookLevel(price: 650001, qty: 1234), BookLevel(price: 649999, qty: 0), BookLevel(price: 649900, qty: 12345)])
    }

    @Test func generatorFramesTakeTheStructuralPath() {
        let text = #"[["65003.10","0.399"],["65003.20","0.000"],["65003.30","0.831"],["65003.40","0.482"],["65003.60","0.832"],["65003.90","0.000"],["65004.10","44.817"],["65004.30","0.000"],["65004.40","4.321"]]}"#
        var out: [BookLevel] = []
        #expect(withScanner(text) { s in s.readLevelsStructural(priceScale: 1, qtyScale: 3, into: &out) })
        #expect(out.count == 9)
    }
}
