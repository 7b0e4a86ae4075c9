import PropertyBased
import Testing
@testable import Venues

/// Properties over random printable-ASCII payloads: hex signatures are always 64 lowercase hex characters,
/// base64 ones 44 characters, and changing any single byte of the payload changes the signature.
@Suite struct SignerPropertyTests {
    private static let payloadGen = Gen.int(in: 32...126).array(of: 1...200)

    private static func isLowerHex64(_ s: String) -> Bool {
        s.utf8.count == 64 && s.utf8.allSatisfy {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
        }
    }

    private static func text(_ codes: [Int]) -> String {
        String(decoding: codes.map { UInt8($0) }, as: UTF8.self)
    }

    /// Replaces the byte at `index % count` with a different printable byte.
    private static func mutated(_ codes: [Int], index: Int, delta: Int) -> [Int] {
        var out = codes
        let i = index % codes.count
        out[i] = 32 + (codes[i] - 32 + delta) % 95
        return out
    }

    @Test func hexSignaturesAreAlways64LowercaseHexAndByteSensitive() async {
        let binance = BinanceSigner(secret: "prop-secret-binance")
        let bybit = BybitSigner(secret: "prop-secret-bybit")
        await propertyCheck(count: 500, input: Self.payloadGen, Gen.int(in: 0...10_000), Gen.int(in: 1...94)) { codes, index, delta in
            let original = Self.text(codes)
            let changed = Self.text(Self.mutated(codes, index: index, delta: delta))
            #expect(original != changed)

            let b1 = binance.signature(totalParams: original), b2 = binance.signature(totalParams: changed)
            #expect(Self.isLowerHex64(b1) && Self.isLowerHex64(b2))
            #expect(b1 != b2)

            let y1 = bybit.signature(timestampMs: 1_700_000_000_000, apiKey: "k", recvWindowMs: 5000, payload: original)
            let y2 = bybit.signature(timestampMs: 1_700_000_000_000, apiKey: "k", recvWindowMs: 5000, payload: changed)
            #expect(Self.isLowerHex64(y1) && Self.isLowerHex64(y2))
            #expect(y1 != y2)
        }
    }

    @Test func okxBase64SignaturesHaveFixedLengthAndAreByteSensitive() async {
        let okx = OKXSigner(secret: "prop-secret-okx")
        await propertyCheck(count: 500, input: Self.payloadGen, Gen.int(in: 0...10_000), Gen.int(in: 1...94)) { codes, index, delta in
            let s1 = okx.signature(timestamp: "2020-12-08T09:08:57.715Z", method: "POST", requestPath: "/api/v5/trade/order",
                                   body: Self.text(codes))
            let s2 = okx.signature(timestamp: "2020-12-08T09:08:57.715Z", method: "POST", requestPath: "/api/v5/trade/order",
                                   body: Self.text(Self.mutated(codes, index: index, delta: delta)))
            #expect(s1.utf8.count == 44 && s1.hasSuffix("=") && s2.utf8.count == 44)
            #expect(s1 != s2)
        }
    }

    @Test func wsAuthSignaturesDifferForDifferentExpiries() async {
        let bybit = BybitSigner(secret: "prop-secret-bybit")
        await propertyCheck(count: 300, input: Gen.int64(), Gen.int64()) { a, b in
            let sa = bybit.wsAuthSignature(expiresMs: a)
            #expect(Self.isLowerHex64(sa))
            if a != b { #expect(sa != bybit.wsAuthSignature(expiresMs: b)) }
        }
    }
}
