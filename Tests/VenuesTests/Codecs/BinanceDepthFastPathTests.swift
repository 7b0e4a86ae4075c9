import PropCore
import Testing
@testable import Venues

/// The canonical-layout `depthUpdate` fast path must agree with the general Binance decoder on every frame
/// it claims, and must decline (leaving the frame to the general path) whenever the layout deviates.
@Suite struct BinanceDepthFastPathTests {
    static let table = SymbolTable([
        SymbolSpec(nativeSymbol: "BTCUSDT", priceScale: 1, qtyScale: 3),
        SymbolSpec(nativeSymbol: "1000SHIBUSDT", priceScale: 6, qtyScale: 0),
        SymbolSpec(nativeSymbol: "VERYLONGSYMBOLNAMEUSDT", priceScale: 4, qtyScale: 2),
    ])

    static let canonical = #"{"e":"depthUpdate","E":1717000224688,"T":1717000224678,"s":"BTCUSDT","U":3512345721654,"u":3512345721710,"pu":3512345721653,"b":[["65002.80","0.496"],["65002.40","0.078"],["64988.80","3.184"]],"a":[["65003.10","0.399"],["65003.20","0.000"],["65004.10","44.817"]]}"#

    static let harness = FastPathHarness<BinanceDepthFastPath, BinanceCodec>(table: table)
    static func fast(_ frame: [UInt8]) -> DepthOutcome? { harness.fast(frame) }
    static func general(_ frame: [UInt8]) -> DepthOutcome { harness.general(frame) }

    @Test func canonicalFrameTakesFastPathAndMatchesGeneral() throws {
        let frame = Array(Self.canonical.utf8)
        let f = try #require(Self.fast(frame))
        #expect(f == Self.general(frame))
        #expect(f == .depth(kind: .delta, slot: 0, first: 3512345721654, last: 3512345721710, prev: 3512345721653, cross: 0,
                            checksum: nil, time: 1717000224688,
                            bids: [BookLevel(price: 650028, qty: 496), BookLevel(price: 650024, qty: 78), BookLevel(price: 649888, qty: 3184)],
                            asks: [BookLevel(price: 650031, qty: 399), BookLevel(price: 650032, qty: 0), BookLevel(price: 650041, qty: 44817)]))
    }

    @Test func combinedStreamWrapperTakesFastPath() throws {
        let frame = Array((#"{"stream":"btcusdt@depth@100ms","data":"# + Self.canonical + "}").utf8)
        let f = try #require(Self.fast(frame))
        #expect(f == Self.general(frame))
        #expect(f == Self.fast(Array(Self.canonical.utf8)))
    }

    @Test func emptySidesLongSymbolsAndEdgeNumbersMatchGeneral() throws {
        let frames = [
            #"{"e":"depthUpdate","E":1,"T":0,"s":"BTCUSDT","U":5,"u":6,"pu":4,"b":[],"a":[]}"#,
            #"{"e":"depthUpdate","E":123456789012345,"T":12345678,"s":"1000SHIBUSDT","U":99999999,"u":100000000,"pu":1,"b":[["0.012345","1000"]],"a":[["7","0"]]}"#,
            #"{"e":"depthUpdate","E":1,"T":1,"s":"VERYLONGSYMBOLNAMEUSDT","U":1,"u":2,"pu":0,"b":[["1.5","2"]],"a":[]}"#,
            #"{"e":"depthUpdate","E":1,"T":1,"s":"BTCUSDT","U":1,"u":2,"pu":0,"b":[["12345678.9","0.001"],["1.00000000000","123456789.000"]],"a":[["0065002.8","-0"]]}"#,
        ]
        for text in frames {
            let frame = Array(text.utf8)
            let g = Self.general(frame)
            if let f = Self.fast(frame) { #expect(f == g, "\(text)") }
            if case .depth = g {} else { Issue.record("general rejected \(text): \(g)") }
        }
        // Short symbols, empty sides and plain decimals are all canonical.
        #expect(Self.fast(Array(frames[0].utf8)) != nil)
        #expect(Self.fast(Array(frames[1].utf8)) != nil)
    }

    @Test func reusedUpdateLosesThePreviousFramesLevels() throws {
        var codec = BinanceCodec(symbols: Self.table)
        var update = DepthUpdate()
        _ = try JSONScanner.withBytes(Array(Self.canonical.utf8)) { (raw) throws(VenueCodecError) in try codec.decode(raw, into: &update) }
        #expect(update.bids.count == 3 && update.asks.count == 3)
        let next = #"{"e":"depthUpdate","E":2,"T":2,"s":"BTCUSDT","U":3512345721711,"u":3512345721712,"pu":3512345721710,"b":[],"a":[["65003.30","1.000"]]}"#
        #expect(Self.fast(Array(next.utf8)) != nil)
        _ = try JSONScanner.withBytes(Array(next.utf8)) { (raw) throws(VenueCodecError) in try codec.decode(raw, into: &update) }
        #expect(update.bids.isEmpty)
        #expect(update.asks == [BookLevel(price: 650033, qty: 1000)])
        #expect(update.lastUpdateId == 3512345721712 && update.eventTimeMs == 2)
    }

    @Test func deviationsAreDeclined() {
        let c = Self.canonical
        let variants = [
            c.replacingOccurrences(of: #""E":"#, with: #""E": "#),            // whitespace
            c.replacingOccurrences(of: #""pu":3512345721653,"#, with: "") ,    // missing key
            c.replacingOccurrences(of: #""s":"BTCUSDT""#, with: #""s":"ETHUSDT""#), // unknown symbol
            c.replacingOccurrences(of: #""U":3512345721654"#, with: #""U":-3512345721654"#), // negative id
            c.replacingOccurrences(of: #""U":3512345721654"#, with: #""U":1234567890123456"#), // 16 digits
            c.replacingOccurrences(of: #""0.496""#, with: #""0.4961""#),       // off scale
            c.replacingOccurrences(of: #""65002.80""#, with: #""0.00""#),      // zero price
            c.replacingOccurrences(of: #""0.496""#, with: #""0.496","1""#),    // extra element
            c.replacingOccurrences(of: #""s":"BTCUSDT""#, with: #""s":"BTC\u0055SDT""#), // escape
            c + " ",                                                            // trailing whitespace
            c + "x",                                                            // trailing garbage
            String(c.dropLast()),                                               // truncated
        ]
        for v in variants {
            #expect(Self.fast(Array(v.utf8)) == nil, "\(v)")
        }
    }

    /// Mutated canonical frames: whenever the fast path claims one, the general decoder yields the same.
    @Test func mutatedFramesClaimedByFastPathMatchGeneral() {
        var rng = SeededGenerator(seed: 0xB1_7A_CE)
        let seeds = [
            Self.canonical,
            #"{"stream":"btcusdt@depth","data":"# + Self.canonical + "}",
            #"{"e":"depthUpdate","E":1717000224924,"T":1717000224923,"s":"1000SHIBUSDT","U":3,"u":4,"pu":2,"b":[["0.012345","1000"],["0.012344","0"]],"a":[]}"#,
        ].map { Array($0.utf8) }
        let numbers = ["0", "00", "1", "-0", "-1", "1.", ".5", "0.5", "1.10", "1.000000", "1.0000001", "12345678", "123456789",
                       "1234567.1234567", "65002.80", "65002.85", "99999999999999999999", "1e5", "9.", "", "\\", "1.2.3",
                       "123456789012345", "1234567890123456", "9223372036854775807", "0.0000000000000000001"].map { Array($0.utf8) }
        var claimed = 0
        for _ in 0..<100_000 {
            var f = seeds[Int.random(in: 0..<seeds.count, using: &rng)]
            for _ in 0..<Int.random(in: 1...2, using: &rng) {
                switch Int.random(in: 0..<4, using: &rng) {
                case 0:
                    let i = Int.random(in: 0..<f.count, using: &rng)
                    f[i] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
                case 1:
                    f = Array(f.prefix(Int.random(in: 0...f.count, using: &rng)))
                case 2:
                    // Replace a run of digits (a number's body) with another number spelling.
                    let digits = f.indices.filter { f[$0] >= 48 && f[$0] <= 57 }
                    if let i = digits.randomElement(using: &rng) {
                        var j = i
                        while j < f.count, (f[j] >= 48 && f[j] <= 57) || f[j] == UInt8(ascii: ".") { j += 1 }
                        var s = i
                        while s > 0, (f[s - 1] >= 48 && f[s - 1] <= 57) || f[s - 1] == UInt8(ascii: ".") { s -= 1 }
                        f.replaceSubrange(s..<j, with: numbers[Int.random(in: 0..<numbers.count, using: &rng)])
                    }
                default:
                    let i = Int.random(in: 0...f.count, using: &rng)
                    f.insert(contentsOf: [[32], [44], [34], [92], [93], [91], [48]][Int.random(in: 0..<7, using: &rng)], at: i)
                }
                if f.isEmpty { break }
            }
            guard let fast = Self.fast(f) else { continue }
            claimed += 1
            #expect(fast == Self.general(f), "\(String(decoding: f, as: UTF8.self))")
        }
        // The corpus must exercise the claim side too, not only declines.
        #expect(claimed > 5_000)
    }
}
