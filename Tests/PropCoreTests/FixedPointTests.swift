import PropertyBased
import PropCore
import Testing

@Suite struct FixedPointTests {
    @Test(arguments: ["65000.10", "0.001", "-0.5", "12", "0.00000001", "123456789.12345678", "0", "1.000"])
    func naturalParsePrintsBackExactly(_ text: String) throws {
        let price = try #require(Price(text))
        #expect(price.description == text)
    }

    @Test(arguments: ["", ".", "1.", ".5", "1e5", "1.2.3", "abc", "--1", "1,5", " 1", "1 ", "99999999999999999999", "0.1234567890123456789"])
    func malformedDecimalIsRejected(_ text: String) {
        #expect(Price(text) == nil)
    }

    @Test func fixedScaleParseAcceptsTrailingZerosOnly() throws {
        #expect(Price("65000.10", scale: 1)?.units == 650_001)
        #expect(Price("65000.15", scale: 1) == nil)
        #expect(Qty("3", scale: 3)?.units == 3000)
    }

    @Test func trimmedDescriptionDropsFractionalZeros() {
        #expect(Price(units: 5140, scale: 3).trimmedDescription == "5.14")
        #expect(Price(units: 3000, scale: 3).trimmedDescription == "3")
        #expect(Qty(units: 427, scale: 0).trimmedDescription == "427")
    }

    @Test func valuesCompareAcrossScales() {
        #expect(Price("1.50")! == Price("1.5")!)
        #expect(Price("1.49")! < Price("1.5")!)
        #expect(Price("-2")! < Price("0.001")!)
    }

    @Test func rescaleRefusesToLoseDigits() {
        #expect(Price("1.25")!.rescaled(to: 1) == nil)
        #expect(Price("1.20")!.rescaled(to: 1)?.units == 12)
        #expect(Price("1.2")!.rescaled(to: 4)?.units == 12_000)
    }

    @Test func anyMantissaAndScaleRoundTrips() async {
        await propertyCheck(input: Gen.int64(in: -999_999_999_999...999_999_999_999), Gen.int(in: 0...8)) { units, scale in
            let value = Qty(units: units, scale: scale)
            let reparsed = Qty(value.description)
            #expect(reparsed?.units == units && reparsed?.scale == scale)
        }
    }
}
