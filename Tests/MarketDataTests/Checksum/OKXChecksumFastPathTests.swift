@testable import MarketData
import PropCore
import PropertyBased
import Testing

/// The per-message checksum (levels copied once, text in a reused buffer, slicing CRC) against the string path
/// (`text` + `PropCore.CRC32`) and the byte-streaming path, for random books at every scale.
@Suite struct OKXChecksumFastPathTests {
    /// A random book: scales 0...20 (19 and 20 take the streaming fallback), mantissas that often end in zeros
    /// (so trimming matters), sometimes tiny values that need a `0.000…` pad, sometimes huge or negative ones.
    static func randomBook(_ rng: inout Xoshiro) -> OrderBook {
        let ps = Int.random(in: 0...20, using: &rng), qs = Int.random(in: 0...20, using: &rng)
        func mantissa() -> Int64 {
            switch Int.random(in: 0...9, using: &rng) {
            case 0: return Int64.random(in: 1...9, using: &rng)
            case 1: return Int64.random(in: 1...Int64.max / 2, using: &rng)
            case 2: return -Int64.random(in: 1...1_000_000, using: &rng)
            default:
                var m = Int64.random(in: 1...999_999, using: &rng)
                for _ in 0..<Int.random(in: 0...8, using: &rng) { m *= 10 }
                return m
            }
        }
        func levels() -> [BookLevel] {
            let base = Int64.random(in: 1_000...1_000_000, using: &rng)
            let step = Int64.random(in: 1...100, using: &rng)
            // Wide gaps sometimes, so the ring walk skips empty slots.
            return (0..<Int.random(in: 0...40, using: &rng)).map { i in
                BookLevel(price: base + Int64(i) * step * Int64.random(in: 1...3, using: &rng), qty: mantissa())
            }
        }
        var book = OrderBook(priceScale: ps, qtyScale: qs)
        let bids = levels().map { BookLevel(price: -$0.price + 2_000_000, qty: $0.qty) }
        book.replace(bids: bids, asks: levels().map { BookLevel(price: $0.price + 2_000_000, qty: $0.qty) })
        return book
    }

    @Test func fastPathEqualsStringAndStreamingPaths() async {
        await propertyCheck(count: 500, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var rng = Xoshiro(seed: (seed, 3, 5, 7))
            var scratch = OKXChecksumScratch()
            // Several books through one scratch: a smaller book after a larger one must not see stale bytes.
            for _ in 0..<4 {
                let book = Self.randomBook(&rng)
                let depth = [25, 25, 1, 5, 30, 0].randomElement(using: &rng)!
                let viaString = CRC32.signedChecksum(Array(OKXBookChecksum.text(book, depth: depth).utf8))
                #expect(OKXBookChecksum.compute(book, depth: depth, scratch: &scratch) == viaString)
                #expect(OKXBookChecksum.streamed(book, depth: depth) == viaString)
                #expect(book.okxChecksum(depth: depth) == viaString)
            }
        }
    }

    /// OKX hashes the strings of its frame; it prints minimal decimals, so parsing such a string at the
    /// instrument's scale and printing it back gives the same bytes. (A string with trailing zeros, which OKX
    /// does not send, would hash differently: the book keeps mantissas, not strings.)
    @Test func checksumOfParsedStringsEqualsCRCOfTheStringsSent() async {
        await propertyCheck(count: 300, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var rng = Xoshiro(seed: (seed, 11, 13, 17))
            let ps = Int.random(in: 0...8, using: &rng), qs = Int.random(in: 0...8, using: &rng)
            func minimal(_ units: Int64, _ scale: Int) -> String { Price(units: units, scale: scale).trimmedDescription }
            let n = Int.random(in: 1...30, using: &rng)
            // Best first, strictly away from the spread, as a frame lists them.
            var bidUnits: [Int64] = [5_000_000], askUnits: [Int64] = [5_000_100]
            for _ in 1..<n {
                bidUnits.append(bidUnits.last! - Int64.random(in: 1...50, using: &rng))
                askUnits.append(askUnits.last! + Int64.random(in: 1...50, using: &rng))
            }
            let qtyUnits = (0..<(2 * n)).map { _ in Int64.random(in: 1...99, using: &rng) * [1, 10, 1000, 100_000].randomElement(using: &rng)! }
            // The frame's strings, best first per side, interleaved as OKX defines the checksum text.
            var sent: [String] = []
            var bids: [BookLevel] = [], asks: [BookLevel] = []
            for i in 0..<n {
                let bp = minimal(bidUnits[i], ps), bq = minimal(qtyUnits[i], qs)
                let ap = minimal(askUnits[i], ps), aq = minimal(qtyUnits[n + i], qs)
                if i < 25 { sent += [bp, bq, ap, aq] }
                bids.append(BookLevel(price: Price(bp, scale: ps)!.units, qty: Qty(bq, scale: qs)!.units))
                asks.append(BookLevel(price: Price(ap, scale: ps)!.units, qty: Qty(aq, scale: qs)!.units))
            }
            var book = OrderBook(priceScale: ps, qtyScale: qs)
            book.replace(bids: bids, asks: asks)
            var scratch = OKXChecksumScratch()
            #expect(OKXBookChecksum.compute(book, depth: 25, scratch: &scratch) == CRC32.signedChecksum(Array(sent.joined(separator: ":").utf8)))
        }
    }

    /// Every number the writer prints equals `trimmedDescription`, around each digit-count and word boundary.
    @Test func numberWriterEqualsTrimmedDescription() async {
        await propertyCheck(count: 2_000, input: Gen.int(in: 0...18), Gen.int(in: 0...19), Gen.int(in: 0...12), Gen.bool) {
            scale, digits, zeros, negative in
            // Never the all-zero state (Xoshiro would then return only zeros).
            var rng = Xoshiro(seed: (UInt64(scale), UInt64(digits), UInt64(zeros), negative ? 0x9E37_79B9 : 0x7F4A_7C15))
            var buffer = [UInt8](repeating: 0, count: OKXChecksumText.maxNumberBytes + 8)
            for _ in 0..<20 {
                // A mantissa of `digits` digits (the smallest, the largest or any) times 10^zeros, if it fits.
                let low = digits == 0 ? 0 : Self.pow10(digits - 1)
                let high = digits == 0 ? 0 : digits == 19 ? UInt64(Int64.max) : Self.pow10(digits) - 1
                var m = [low, high, UInt64.random(in: low...high, using: &rng)].randomElement(using: &rng)!
                for _ in 0..<zeros where m <= UInt64(Int64.max) / 10 { m *= 10 }
                let units = negative ? -Int64(clamping: m) : Int64(clamping: m)
                let n = buffer.withUnsafeMutableBufferPointer { OKXChecksumText.number(units, scale: scale, to: $0.baseAddress!) }
                let expected = Price(units: units, scale: scale).trimmedDescription
                #expect(String(decoding: buffer[0..<n], as: UTF8.self) == expected, "\(units) at scale \(scale)")
            }
        }
    }

    static func pow10(_ k: Int) -> UInt64 { (0..<k).reduce(UInt64(1)) { p, _ in p * 10 } }

    @Test func slicingCRCEqualsBytewiseCRC() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...255).array(of: 0...200)) { ints in
            let bytes = ints.map { UInt8($0) }
            let fast = bytes.withUnsafeBufferPointer { CRC32Slicing.checksum($0) }
            #expect(fast == CRC32.checksum(bytes))
        }
    }

    @Test func numbersAtTheEdges() {
        var scratch = OKXChecksumScratch()
        var book = OrderBook(priceScale: 18, qtyScale: 0)
        book.replace(bids: [lv(1, Int64.max), lv(-1, Int64.min + 1)], asks: [lv(Int64.max, 1)])
        #expect(OKXBookChecksum.compute(book, scratch: &scratch) == CRC32.signedChecksum(Array(OKXBookChecksum.text(book).utf8)))
        #expect(OKXBookChecksum.text(book).hasPrefix("0.000000000000000001:9223372036854775807"))
    }
}
