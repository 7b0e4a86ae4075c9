import PropCore
import Testing
@testable import Venues

/// The canonical-layout OKX `books` fast path must agree with the general OKX decoder on every frame it
/// claims, and must decline (leaving the frame to the general path) whenever the layout deviates.
@Suite struct OKXBooksFastPathTests {
    static let table = SymbolTable([
        SymbolSpec(nativeSymbol: "BTC-USDT-SWAP", priceScale: 1, qtyScale: 0),
        SymbolSpec(nativeSymbol: "BTC-USDT", priceScale: 1, qtyScale: 8),
        SymbolSpec(nativeSymbol: "UNI-USD-SWAP", priceScale: 3, qtyScale: 0),
    ])

    /// The layout OKX sends today (and the simulator renders).
    static let update = #"{"arg":{"channel":"books","instId":"BTC-USDT-SWAP"},"action":"update","data":[{"asks":[["65003.2","3194","0","1"],["65003.3","0","0","0"]],"bids":[["65002.9","12","0","13"]],"ts":"1717000224688","checksum":-1234567,"prevSeqId":3512345721656,"seqId":3512345721710}]}"#
    static let snapshot = #"{"arg":{"channel":"books","instId":"BTC-USDT-SWAP"},"action":"snapshot","data":[{"asks":[["65003.2","3194","0","1"]],"bids":[["65002.9","12","0","2"],["65002.1","7","0","1"]],"ts":"1717000224621","checksum":0,"prevSeqId":-1,"seqId":3512345721656}]}"#
    /// The layout in the 2022 recording: no `prevSeqId`/`seqId`.
    static let recorded = #"{"arg":{"channel":"books","instId":"BTC-USDT"},"action":"update","data":[{"asks":[["30243.5","1.44679","0","6"]],"bids":[],"ts":"1652459226883","checksum":1146082652}]}"#

    static let harness = FastPathHarness<OKXBooksFastPath, OKXCodec>(table: table)
    static func fast(_ frame: [UInt8]) -> DepthOutcome? { harness.fast(frame) }
    static func general(_ frame: [UInt8]) -> DepthOutcome { harness.general(frame) }

    @Test func currentUpdateAndSnapshotFramesTakeFastPathAndMatchGeneral() throws {
        let u = try #require(Self.fast(Array(Self.update.utf8)))
        #expect(u == Self.general(Array(Self.update.utf8)))
        #expect(u == .depth(kind: .delta, slot: 0, first: 3512345721710, last: 3512345721710, prev: 3512345721656, cross: 0,
                            checksum: -1234567, time: 1717000224688,
                            bids: [BookLevel(price: 650029, qty: 12)],
                            asks: [BookLevel(price: 650032, qty: 3194), BookLevel(price: 650033, qty: 0)]))
        let s = try #require(Self.fast(Array(Self.snapshot.utf8)))
        #expect(s == Self.general(Array(Self.snapshot.utf8)))
        guard case .depth(let kind, _, _, _, let prev, _, _, _, _, _) = s else { Issue.record("not depth"); return }
        #expect(kind == .snapshot && prev == -1)
    }

    @Test func recordedLayoutWithoutSeqIdsTakesFastPathAndMatchesGeneral() throws {
        let frame = Array(Self.recorded.utf8)
        let f = try #require(Self.fast(frame))
        #expect(f == Self.general(frame))
        #expect(f == .depth(kind: .delta, slot: 1, first: 0, last: 0, prev: 0, cross: 0, checksum: 1146082652,
                            time: 1652459226883, bids: [], asks: [BookLevel(price: 302435, qty: 144_679_000)]))
    }

    @Test func simulatorFramesTakeFastPath() throws {
        // The simulator's OKX `books` rendering, field for field (see OKXSimCodec.books).
        let frame = #"{"arg":{"channel":"books","instId":"UNI-USD-SWAP"},"action":"snapshot","data":[{"asks":[["5.148","60","0","1"]],"bids":[["5.1","192","0","3"]],"ts":"1717000224621","checksum":-5,"prevSeqId":-1,"seqId":1}]}"#
        let f = try #require(Self.fast(Array(frame.utf8)))
        #expect(f == Self.general(Array(frame.utf8)))
    }

    @Test func codecDecodeUsesFastPathAndDropsPreviousLevels() throws {
        var codec = OKXCodec(symbols: Self.table)
        var update = DepthUpdate()
        _ = try JSONScanner.withBytes(Array(Self.update.utf8)) { (raw) throws(VenueCodecError) in try codec.decode(raw, into: &update) }
        #expect(update.asks.count == 2)
        _ = try JSONScanner.withBytes(Array(Self.recorded.utf8)) { (raw) throws(VenueCodecError) in try codec.decode(raw, into: &update) }
        #expect(update.bids.isEmpty && update.asks.count == 1 && update.lastUpdateId == 0 && update.checksum == 1146082652)
    }

    @Test func deviationsAreDeclined() {
        let c = Self.update
        var variants: [String] = [
            c.replacingOccurrences(of: #""action":"#, with: #""action": "#),              // whitespace
            c.replacingOccurrences(of: #""channel":"books""#, with: #""channel":"books5""#), // other channel
            c.replacingOccurrences(of: #""action":"update""#, with: #""action":"partial""#), // unknown action
            c.replacingOccurrences(of: #""instId":"BTC-USDT-SWAP""#, with: #""instId":"ETH-USDT-SWAP""#), // unknown
            c.replacingOccurrences(of: #","seqId":3512345721710"#, with: ""),                // prevSeqId alone
            c.replacingOccurrences(of: #""checksum":-1234567"#, with: #""checksum":4294967296"#), // not Int32
            c.replacingOccurrences(of: #""ts":"1717000224688""#, with: #""ts":1717000224688"#), // unquoted ts
            c.replacingOccurrences(of: #""3194","0","1""#, with: #""3194","0""#),           // 3 elements
            c.replacingOccurrences(of: #""3194","0","1""#, with: #""3194""#),               // 2 elements
            c.replacingOccurrences(of: #""3194","0","1""#, with: #""3194","0","1","2""#),   // 5 elements
            c.replacingOccurrences(of: #""3194","0","1""#, with: #""3194","0","x""#),       // non-digit count
            c.replacingOccurrences(of: #""65003.2""#, with: #""65003.25""#),                // off scale
            c.replacingOccurrences(of: #"}]}"#, with: #"},{"asks":[],"bids":[],"ts":"1","checksum":0}]}"#), // two data
            c.replacingOccurrences(of: #""instId":"BTC-USDT-SWAP""#, with: #""instId":"BTC-USDT\u002DSWAP""#), // escape
        ]
        variants += [c + " ", c + "x", String(c.dropLast())]
        for v in variants {
            #expect(v != c)
            #expect(Self.fast(Array(v.utf8)) == nil, "\(v)")
        }
    }

    /// Mutated canonical frames: whenever the fast path claims one, the general decoder yields the same.
    @Test func mutatedFramesClaimedByFastPathMatchGeneral() {
        var rng = SeededGenerator(seed: 0x0C5_B00C)
        let seeds = [Self.update, Self.snapshot, Self.recorded].map { Array($0.utf8) }
        var claimed = 0
        for _ in 0..<100_000 {
            let f = FastPathMutator.mutate(seeds[Int.random(in: 0..<seeds.count, using: &rng)], using: &rng)
            guard let fast = Self.fast(f) else { continue }
            claimed += 1
            #expect(fast == Self.general(f), "\(String(decoding: f, as: UTF8.self))")
        }
        #expect(claimed > 4_000)
    }
}

/// Random small edits of a frame (bit flips, truncation, number respellings, inserted punctuation), for
/// the fast-path equivalence fuzz tests.
enum FastPathMutator {
    static let numbers = ["0", "00", "1", "-0", "-1", "1.", ".5", "0.5", "1.10", "1.000000", "1.0000001", "12345678", "123456789",
                          "1234567.1234567", "65002.80", "65002.85", "99999999999999999999", "1e5", "9.", "", "\\", "1.2.3",
                          "123456789012345", "1234567890123456", "9223372036854775807", "-2147483648", "2147483648",
                          "0.0000000000000000001"].map { Array($0.utf8) }

    static func isNumberByte(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") }

    static func mutate(_ frame: [UInt8], using rng: inout SeededGenerator) -> [UInt8] {
        var f = frame
        for _ in 0..<Int.random(in: 1...2, using: &rng) {
            if f.isEmpty { break }
            switch Int.random(in: 0..<4, using: &rng) {
            case 0:
                let i = Int.random(in: 0..<f.count, using: &rng)
                f[i] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
            case 1:
                f = Array(f.prefix(Int.random(in: 0...f.count, using: &rng)))
            case 2:
                // Replace a number's body with another number spelling.
                let digits = f.indices.filter { f[$0] >= 48 && f[$0] <= 57 }
                if let i = digits.randomElement(using: &rng) {
                    var j = i
                    while j < f.count, isNumberByte(f[j]) { j += 1 }
                    var s = i
                    while s > 0, isNumberByte(f[s - 1]) { s -= 1 }
                    f.replaceSubrange(s..<j, with: numbers[Int.random(in: 0..<numbers.count, using: &rng)])
                }
            default:
                let i = Int.random(in: 0...f.count, using: &rng)
                f.insert(contentsOf: [[32], [44], [34], [92], [93], [91], [48], [46], [45]][Int.random(in: 0..<9, using: &rng)], at: i)
            }
        }
        return f
    }
}
