import Testing
import PropertyBased
@testable import Journal

@Suite struct ClientOrderIdTests {
    private static func isValidForAllVenues(_ id: String) -> Bool {
        // OKX is the strictest: 1…32 ASCII letters or digits.
        (1...32).contains(id.utf8.count) && id.utf8.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
        }
    }

    @Test func randomEpochAndSequenceGiveValidIdsThatDecodeBack() async {
        await propertyCheck(count: 2_000, input: Gen.uint32(), Gen.int64()) { epoch, sequence in
            let id = ClientOrderId.make(epoch: epoch, sequence: sequence)
            #expect(Self.isValidForAllVenues(id))
            #expect(id == ClientOrderId.make(epoch: epoch, sequence: sequence))
            let decoded = ClientOrderId.decode(id)
            #expect(decoded?.epoch == epoch && decoded?.sequence == sequence)
        }
    }

    @Test func distinctPairsGiveDistinctIds() async {
        await propertyCheck(count: 2_000, input: Gen.uint32(), Gen.int64(), Gen.uint32(), Gen.int64()) { e1, s1, e2, s2 in
            if e1 != e2 || s1 != s2 {
                #expect(ClientOrderId.make(epoch: e1, sequence: s1) != ClientOrderId.make(epoch: e2, sequence: s2))
            }
        }
    }

    @Test func extremesAndKnownValue() {
        #expect(ClientOrderId.make(epoch: 0, sequence: 0) == "pb" + String(repeating: "0", count: 20))
        #expect(ClientOrderId.make(epoch: 1, sequence: 35) == "pb" + "0000001" + "000000000000z")
        for (e, s) in [(UInt32.max, Int64.max), (UInt32.max, Int64.min), (0, -1)] {
            let id = ClientOrderId.make(epoch: e, sequence: s)
            #expect(Self.isValidForAllVenues(id) && id.count == ClientOrderId.length)
            #expect(ClientOrderId.decode(id)?.epoch == e && ClientOrderId.decode(id)?.sequence == s)
        }
    }

    @Test func foreignIdsDoNotDecode() {
        for id in ["", "pb", "x-123", "PB00000010000000000000z", "pb0000001000000000000Z",
                   "pbzzzzzzzzzzzzzzzzzzzz", "pb00000010000000000000z0"] {
            #expect(ClientOrderId.decode(id) == nil, "\(id)")
        }
    }
}
