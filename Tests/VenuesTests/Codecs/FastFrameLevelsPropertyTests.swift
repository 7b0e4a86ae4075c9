import PropCore
import Testing
@testable import Venues

/// `FastFrame.levels` reads most levels with one bounds check per level (`WindowLoads`) and the last ones before
/// the frame's end, or any with a long number, with checked loads. Over random many-level frames, whatever the
/// depth fast paths claim must equal the general decoders' result, so both load kinds and the hand-over between
/// them are held to the reference.
@Suite struct FastFrameLevelsPropertyTests {
    static let binance = FastPathHarness<BinanceDepthFastPath, BinanceCodec>(table: BinanceDepthFastPathTests.table)
    static let okx = FastPathHarness<OKXBooksFastPath, OKXCodec>(table: OKXBooksFastPathTests.table)

    /// A random decimal spelling at `scale`: mostly the short prices and sizes real frames carry (up to `scale`
    /// decimals, sometimes zero-padded past it); with `odd` percent chance a long integer part, a long fraction,
    /// leading zeros, an empty string or a stray character.
    static func number(_ rng: inout SeededGenerator, scale: Int, odd: Int) -> String {
        func digits(_ n: Int) -> String { String((0..<n).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) }) }
        func plain() -> String {
            let f = Int.random(in: 0...scale, using: &rng)
            let pad = Int.random(in: 0..<4, using: &rng) == 0 ? String(repeating: "0", count: Int.random(in: 1...3, using: &rng)) : ""
            let fraction = digits(f) + pad
            return String(Int.random(in: 1...999_999, using: &rng)) + (fraction.isEmpty ? "" : "." + fraction)
        }
        guard Int.random(in: 0..<100, using: &rng) < odd else { return plain() }
        switch Int.random(in: 0..<8, using: &rng) {
        case 0: return ""
        case 1: return "0"
        case 2: return digits(Int.random(in: 9...20, using: &rng))
        case 3: return digits(Int.random(in: 1...3, using: &rng)) + "." + digits(Int.random(in: 8...19, using: &rng))
        case 4: return "0" + digits(Int.random(in: 1...4, using: &rng))
        case 5: return digits(Int.random(in: 1...5, using: &rng)) + ["x", "-", ".", "e5", "\\"].randomElement(using: &rng)!
        case 6: return "." + digits(Int.random(in: 1...3, using: &rng))
        default: return String(Int.random(in: 1...99_999, using: &rng)) + "." + digits(scale + 1)
        }
    }

    /// An OKX extra element: usually one digit; with `odd` percent chance several, too many, or not digits.
    static func extra(_ rng: inout SeededGenerator, odd: Int) -> String {
        guard Int.random(in: 0..<100, using: &rng) < odd else { return String(Int.random(in: 0...9, using: &rng)) }
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: return String(repeating: "7", count: Int.random(in: 2...17, using: &rng))
        case 1: return String(Int.random(in: 10...999, using: &rng))
        default: return ["", "-1", "1.5", "a"].randomElement(using: &rng)!
        }
    }

    /// A number `int` digits, a dot and `fraction` digits wide (no dot for 0), zeros past `scale`.
    static func fixedWidth(_ rng: inout SeededGenerator, int: Int, fraction: Int, scale: Int) -> String {
        func digits(_ n: Int) -> String { String((0..<n).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) }) }
        let kept = min(fraction, scale)
        let tail = fraction == 0 ? "" : "." + digits(kept) + String(repeating: "0", count: fraction - kept)
        return String(Int.random(in: 1...9, using: &rng)) + digits(int - 1) + tail
    }

    /// `count` levels, each `["px","qty"` plus `extras` strings; `odd`: percent chance of an odd spelling per
    /// element. Half the time each column keeps one width (as real frames do), so the reader's guess of the
    /// previous level's spelling is right most of the time and wrong now and then.
    static func levels(_ count: Int, extras: Int, priceScale: Int, qtyScale: Int, odd: Int, _ rng: inout SeededGenerator) -> String {
        let fixed = Bool.random(using: &rng)
        let widths = [(Int.random(in: 1...8, using: &rng), Int.random(in: 0...priceScale + 2, using: &rng)),
                      (Int.random(in: 1...8, using: &rng), Int.random(in: 0...qtyScale + 2, using: &rng))]
        let scales = [priceScale, qtyScale]
        let items = (0..<count).map { _ -> String in
            var parts: [String] = []
            for column in 0..<2 {
                let n = fixed && Int.random(in: 0..<100, using: &rng) >= odd
                    ? fixedWidth(&rng, int: widths[column].0, fraction: widths[column].1, scale: scales[column])
                    : number(&rng, scale: scales[column], odd: odd)
                parts.append("\"\(n)\"")
            }
            for _ in 0..<extras { parts.append("\"\(extra(&rng, odd: odd))\"") }
            return "[" + parts.joined(separator: ",") + "]"
        }
        return "[" + items.joined(separator: ",") + "]"
    }

    /// A Binance diff-depth frame in the recorded layout around the given level arrays.
    static func binanceFrame(bids b: String, asks a: String) -> String {
        #"{"e":"depthUpdate","E":1717000224688,"T":1717000224678,"s":"BTCUSDT","U":3512345721654,"u":3512345721710,"pu":3512345721653,"b":\#(b),"a":\#(a)}"#
    }

    /// An OKX `books` update in the recorded layout (asks first), with optional extra fields after the checksum.
    static func okxFrame(asks a: String, bids b: String, tail: String = "") -> String {
        #"{"arg":{"channel":"books","instId":"BTC-USDT"},"action":"update","data":[{"asks":\#(a),"bids":\#(b),"ts":"1717000224688","checksum":-1234567\#(tail)}]}"#
    }

    /// Levels the fast path claimed in `frame` (nil when it declined), expecting exactly the general decoder's result.
    static func claimedLevels<P, C>(_ harness: FastPathHarness<P, C>, _ frame: [UInt8]) -> Int? {
        guard let fast = harness.fast(frame) else { return nil }
        #expect(fast == harness.general(frame), "\(String(decoding: frame, as: UTF8.self))")
        guard case .depth(_, _, _, _, _, _, _, _, let bids, let asks) = fast else { return 0 }
        return bids.count + asks.count
    }

    @Test func randomBinanceFramesClaimedByFastPathMatchGeneral() {
        var rng = SeededGenerator(seed: 0x1E7E15)
        var claimed = 0, levelsClaimed = 0
        for _ in 0..<20_000 {
            // Few levels (so every one sits near the end) up to many (most read in the window).
            // Half the frames all plain, the rest with an odd element now and then.
            let odd = Int.random(in: 0..<2, using: &rng) * Int.random(in: 1...3, using: &rng)
            let b = Self.levels(Int.random(in: 1...40, using: &rng), extras: 0, priceScale: 1, qtyScale: 3, odd: odd, &rng)
            let a = Self.levels(Int.random(in: 0...40, using: &rng), extras: 0, priceScale: 1, qtyScale: 3, odd: odd, &rng)
            let frame = Array(Self.binanceFrame(bids: b, asks: a).utf8)
            guard let levels = Self.claimedLevels(Self.binance, frame) else { continue }
            claimed += 1
            levelsClaimed += levels
        }
        // Plain short numbers make up most spellings, so the fast path must claim a good share, many levels deep.
        #expect(claimed > 9_000 && levelsClaimed > 250_000)
    }

    @Test func randomOKXFramesClaimedByFastPathMatchGeneral() {
        var rng = SeededGenerator(seed: 0x0C5_1E7E15)
        var claimed = 0, levelsClaimed = 0
        for round in 0..<20_000 {
            let odd = Int.random(in: 0..<2, using: &rng) * Int.random(in: 1...3, using: &rng)
            let a = Self.levels(Int.random(in: 0...30, using: &rng), extras: 2, priceScale: 1, qtyScale: 8, odd: odd, &rng)
            let b = Self.levels(Int.random(in: 1...30, using: &rng), extras: 2, priceScale: 1, qtyScale: 8, odd: odd, &rng)
            // The recorded layout ends right after the checksum, so the bids' last levels are close to the end.
            let tail = round % 2 == 0 ? #","prevSeqId":3512345721656,"seqId":3512345721710"# : ""
            let frame = Array(Self.okxFrame(asks: a, bids: b, tail: tail).utf8)
            guard let levels = Self.claimedLevels(Self.okx, frame) else { continue }
            claimed += 1
            levelsClaimed += levels
        }
        #expect(claimed > 9_000 && levelsClaimed > 180_000)
    }

    /// A frame cut anywhere (a truncated socket read, a hostile peer) puts the frame's end inside the levels, where
    /// the unchecked window must hand over to checked loads: the fast path may decline, never claim something else.
    @Test func framesCutAnywhereAreNeverClaimedDifferently() {
        var rng = SeededGenerator(seed: 0xC0_7F4A3E)
        var claimedCut = 0
        for round in 0..<6_000 {
            let okx = round % 2 == 1
            let b = Self.levels(Int.random(in: 1...30, using: &rng), extras: okx ? 2 : 0, priceScale: 1, qtyScale: okx ? 8 : 3, odd: 0, &rng)
            let a = Self.levels(Int.random(in: 1...30, using: &rng), extras: okx ? 2 : 0, priceScale: 1, qtyScale: okx ? 8 : 3, odd: 0, &rng)
            let text = okx
                ? Self.okxFrame(asks: a, bids: b)
                : Self.binanceFrame(bids: b, asks: a)
            let whole = Array(text.utf8)
            let cut = Array(whole.prefix(Int.random(in: 1..<whole.count, using: &rng)))
            if (okx ? Self.claimedLevels(Self.okx, cut) : Self.claimedLevels(Self.binance, cut)) != nil { claimedCut += 1 }
        }
        // A cut frame is not valid JSON: the general decoder refuses it, so nothing may have been claimed.
        #expect(claimedCut == 0)
    }

    @Test func oneDigitExtraPairIsRecognisedExactly() {
        #expect(FastFrame.twoOneDigitStrings(Self.word(#","0","9""#)))
        #expect(!FastFrame.twoOneDigitStrings(Self.word(#","0","a""#)))
        #expect(!FastFrame.twoOneDigitStrings(Self.word(#","0",":""#)))
        #expect(!FastFrame.twoOneDigitStrings(Self.word(#","0"],"#)))
        #expect(!FastFrame.twoOneDigitStrings(Self.word(#","12","3"#)))
    }

    /// The first 8 bytes of `s`, little-endian.
    static func word(_ s: String) -> UInt64 {
        Array(s.utf8.prefix(8)).enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }
}
