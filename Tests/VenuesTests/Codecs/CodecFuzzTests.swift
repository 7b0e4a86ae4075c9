import PropCore
import Testing
@testable import Venues

/// Random and mutated frames into every codec: nothing may trap, and every frame is either decoded or
/// rejected with a `VenueCodecError` — the rejected count must equal the number of thrown errors.
@Suite struct CodecFuzzTests {
    static let perVenue = 100_000

    /// Mutations of real frames plus pure noise, from a seeded generator.
    static func corpus(seeds: [[UInt8]], count: Int, seed: UInt64) -> [[UInt8]] {
        var rng = SeededGenerator(seed: seed)
        var out: [[UInt8]] = []
        out.reserveCapacity(count)
        let tokens: [[UInt8]] = ["{", "}", "[", "]", "\"", ",", ":", "-", ".", "null", "true", "1e999",
                                 "99999999999999999999999", "0.0000000000000000000001", "\\", "\"b\":[[", "\"data\":{"].map { Array($0.utf8) }
        while out.count < count {
            var f = seeds[Int.random(in: 0..<seeds.count, using: &rng)]
            switch Int.random(in: 0..<8, using: &rng) {
            case 0: // bit flips
                for _ in 0..<Int.random(in: 1...4, using: &rng) where !f.isEmpty {
                    f[Int.random(in: 0..<f.count, using: &rng)] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
                }
            case 1: // truncation
                f = Array(f.prefix(Int.random(in: 0...f.count, using: &rng)))
            case 2: // splice two frames
                let g = seeds[Int.random(in: 0..<seeds.count, using: &rng)]
                f = Array(f.prefix(Int.random(in: 0...f.count, using: &rng))) + Array(g.suffix(Int.random(in: 0...g.count, using: &rng)))
            case 3: // random bytes
                f = (0..<Int.random(in: 0...300, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            case 4: // deep nesting
                let d = Int.random(in: 10...5000, using: &rng)
                f = Array("{\"data\":".utf8) + [UInt8](repeating: UInt8(ascii: "["), count: d) + [UInt8](repeating: UInt8(ascii: "]"), count: Int.random(in: 0...d, using: &rng)) + [UInt8(ascii: "}")]
            case 5: // token insertion
                let t = tokens[Int.random(in: 0..<tokens.count, using: &rng)]
                f.insert(contentsOf: t, at: Int.random(in: 0...f.count, using: &rng))
            case 6: // huge / odd numbers in place of digits
                if let i = f.indices.filter({ f[$0] >= 48 && f[$0] <= 57 }).randomElement(using: &rng) {
                    f.replaceSubrange(i...i, with: tokens[Int.random(in: 9..<tokens.count, using: &rng)])
                }
            default: // unchanged real frame
                break
            }
            out.append(f)
        }
        return out
    }

    static func run<C: PublicMarketCodec>(_ codec: C, corpus: [[UInt8]]) -> (ok: Int, rejected: Int, thrown: Int) {
        var codec = codec
        var update = DepthUpdate()
        var ok = 0, rejected = 0, thrown = 0
        for f in corpus {
            do {
                _ = try codec.decode(f, into: &update)
                ok += 1
            } catch {
                thrown += 1
                #expect(!error.code.isEmpty && !error.field.isEmpty && !error.messageRu.isEmpty)
                if let slot = error.slot { #expect(slot >= 0 && slot < codec.symbols.count) }
                rejected += 1
            }
        }
        return (ok, rejected, thrown)
    }

    @Test func binanceSurvivesFuzzedFrames() throws {
        let seeds = try RecordedCaptures.messages(RecordedCaptures.binanceWS).map(\.body)
        let table = try RecordedCaptures.table(.binance, [RecordedCaptures.binanceWS])
        let corpus = Self.corpus(seeds: seeds, count: Self.perVenue, seed: 0xB1)
        let r = Self.run(BinanceCodec(symbols: table), corpus: corpus)
        #expect(r.ok + r.rejected == Self.perVenue && r.rejected == r.thrown)
        #expect(r.rejected > Self.perVenue / 4 && r.ok > Self.perVenue / 20)
    }

    @Test func okxSurvivesFuzzedFrames() throws {
        let seeds = try RecordedCaptures.messages(RecordedCaptures.okxWS).map(\.body)
        let table = try RecordedCaptures.table(.okx, [RecordedCaptures.okxWS])
        let corpus = Self.corpus(seeds: seeds, count: Self.perVenue, seed: 0x0C)
        let r = Self.run(OKXCodec(symbols: table), corpus: corpus)
        #expect(r.ok + r.rejected == Self.perVenue && r.rejected == r.thrown)
        #expect(r.rejected > Self.perVenue / 4 && r.ok > Self.perVenue / 20)
    }

    @Test func bybitSurvivesFuzzedFrames() throws {
        let seeds = try RecordedCaptures.messages(RecordedCaptures.bybitWS).map(\.body)
        let table = SymbolTable([SymbolSpec(nativeSymbol: "BTCUSDT", priceScale: 1, qtyScale: 3)])
        let corpus = Self.corpus(seeds: seeds, count: Self.perVenue, seed: 0xBB)
        let r = Self.run(BybitCodec(symbols: table), corpus: corpus)
        #expect(r.ok + r.rejected == Self.perVenue && r.rejected == r.thrown)
        #expect(r.rejected > Self.perVenue / 4 && r.ok > Self.perVenue / 20)
    }
}
