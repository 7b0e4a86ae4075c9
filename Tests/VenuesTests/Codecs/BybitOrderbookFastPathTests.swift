import PropCore
import Testing
@testable import Venues

/// The canonical-layout Bybit `orderbook` fast path must agree with the general Bybit decoder on every
/// frame it claims, and must decline (leaving the frame to the general path) whenever the layout deviates.
@Suite struct BybitOrderbookFastPathTests {
    static let table = SymbolTable([
        SymbolSpec(nativeSymbol: "BTCUSDT", priceScale: 2, qtyScale: 3),
        SymbolSpec(nativeSymbol: "1000PEPEUSDT", priceScale: 7, qtyScale: 0),
        SymbolSpec(nativeSymbol: "VERYLONGSYMBOLNAMEUSDT", priceScale: 4, qtyScale: 2),
    ])

    /// The delta example of the v5 docs (bybit-v5.md), which the simulator also renders.
    static let delta = #"{"topic":"orderbook.200.BTCUSDT","type":"delta","ts":1786310818130,"data":{"s":"BTCUSDT","b":[["65095.30","0.005"],["65093.10","0"]],"a":[["65116.60","0"],["65116.80","0.002"]],"u":15076953,"seq":753843913870},"cts":1786310818129}"#
    static let snapshot = #"{"topic":"orderbook.50.1000PEPEUSDT","type":"snapshot","ts":1717000224621,"data":{"s":"1000PEPEUSDT","b":[["0.0123456","1000"]],"a":[],"u":201000,"seq":3512351163743},"cts":1717000224620}"#

    static let harness = FastPathHarness<BybitOrderbookFastPath, BybitCodec>(table: table)
    static func fast(_ frame: [UInt8]) -> DepthOutcome? { harness.fast(frame) }
    static func general(_ frame: [UInt8]) -> DepthOutcome { harness.general(frame) }

    @Test func documentedDeltaAndSnapshotTakeFastPathAndMatchGeneral() throws {
        let d = try #require(Self.fast(Array(Self.delta.utf8)))
        #expect(d == Self.general(Array(Self.delta.utf8)))
        #expect(d == .depth(kind: .delta, slot: 0, first: 15076953, last: 15076953, prev: 15076952, cross: 753843913870,
                            checksum: nil, time: 1786310818129,
                            bids: [BookLevel(price: 6509530, qty: 5), BookLevel(price: 6509310, qty: 0)],
                            asks: [BookLevel(price: 6511660, qty: 0), BookLevel(price: 6511680, qty: 2)]))
        let s = try #require(Self.fast(Array(Self.snapshot.utf8)))
        #expect(s == Self.general(Array(Self.snapshot.utf8)))
        guard case .depth(let kind, let slot, _, _, _, _, _, _, _, _) = s else { Issue.record("not depth"); return }
        #expect(kind == .snapshot && slot == 1)
    }

    @Test func updateIdOneIsSnapshotAndZeroCtsFallsBackToTs() throws {
        let frame = Self.delta.replacingOccurrences(of: #""u":15076953"#, with: #""u":1"#)
            .replacingOccurrences(of: #""cts":1786310818129"#, with: #""cts":0"#)
        let f = try #require(Self.fast(Array(frame.utf8)))
        #expect(f == Self.general(Array(frame.utf8)))
        guard case .depth(let kind, _, _, _, _, _, _, let time, _, _) = f else { Issue.record("not depth"); return }
        #expect(kind == .snapshot && time == 1786310818130)
    }

    @Test func codecDecodeUsesFastPathAndDropsPreviousLevels() throws {
        var codec = BybitCodec(symbols: Self.table)
        var update = DepthUpdate()
        _ = try JSONScanner.withBytes(Array(Self.delta.utf8)) { (raw) throws(VenueCodecError) in try codec.decode(raw, into: &update) }
        #expect(update.bids.count == 2)
        let next = Self.delta.replacingOccurrences(of: #""b":[["65095.30","0.005"],["65093.10","0"]]"#, with: #""b":[]"#)
        #expect(Self.fast(Array(next.utf8)) != nil)
        _ = try JSONScanner.withBytes(Array(next.utf8)) { (raw) throws(VenueCodecError) in try codec.decode(raw, into: &update) }
        #expect(update.bids.isEmpty && update.asks.count == 2)
    }

    @Test func deviationsAreDeclined() {
        let c = Self.delta
        var variants: [String] = [
            c.replacingOccurrences(of: #""type":"#, with: #""type": "#),                    // whitespace
            c.replacingOccurrences(of: #""type":"delta""#, with: #""type":"partial""#),     // unknown type
            c.replacingOccurrences(of: #""s":"BTCUSDT""#, with: #""s":"ETHUSDT""#),         // data.s differs
            c.replacingOccurrences(of: "BTCUSDT", with: "ETHUSDT"),                          // unknown symbol
            c.replacingOccurrences(of: "orderbook.200.", with: "orderbook.x."),              // non-numeric depth
            c.replacingOccurrences(of: "orderbook.200.", with: "orderbook.200.1."),          // dotted symbol
            c.replacingOccurrences(of: #","cts":1786310818129"#, with: ""),                  // no cts
            c.replacingOccurrences(of: #""u":15076953"#, with: #""u":-15076953"#),          // negative id
            c.replacingOccurrences(of: #""0.005""#, with: #""0.0051""#),                    // off scale
            c.replacingOccurrences(of: #""0.005""#, with: #""0.005","1""#),                 // extra element
            c.replacingOccurrences(of: #""65095.30""#, with: #""0""#),                      // zero price
            c.replacingOccurrences(of: #""s":"BTCUSDT""#, with: #""s":"BTC\u0055SDT""#),    // escape
        ]
        variants += [c + " ", c + "x", String(c.dropLast())]
        for v in variants {
            #expect(v != c)
            #expect(Self.fast(Array(v.utf8)) == nil, "\(v)")
        }
    }

    /// Mutated canonical frames: whenever the fast path claims one, the general decoder yields the same.
    @Test func mutatedFramesClaimedByFastPathMatchGeneral() {
        var rng = SeededGenerator(seed: 0xB7_B1_7)
        let long = #"{"topic":"orderbook.1.VERYLONGSYMBOLNAMEUSDT","type":"delta","ts":5,"data":{"s":"VERYLONGSYMBOLNAMEUSDT","b":[["1.5","2"]],"a":[],"u":2,"seq":3},"cts":0}"#
        let seeds = [Self.delta, Self.snapshot, long].map { Array($0.utf8) }
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
