import PropCore
import Testing
@testable import Venues

/// The canonical top-of-book Bybit `tickers` fast path must agree with the general Bybit decoder on every frame it
/// claims, and must decline (leaving the frame to the general path) whenever the layout deviates.
@Suite struct BybitTickerFastPathTests {
    static let table = SymbolTable([
        SymbolSpec(nativeSymbol: "BTCUSDT", priceScale: 2, qtyScale: 3),
        SymbolSpec(nativeSymbol: "1000PEPEUSDT", priceScale: 7, qtyScale: 0),
        SymbolSpec(nativeSymbol: "VERYLONGSYMBOLNAMEUSDT", priceScale: 4, qtyScale: 2),
    ])

    /// As the simulator renders it (and Bybit sends it between full ticker snapshots).
    static let delta = #"{"topic":"tickers.BTCUSDT","type":"delta","data":{"symbol":"BTCUSDT","bid1Price":"65000.30","bid1Size":"0.031","ask1Price":"65000.40","ask1Size":"0.082"},"cs":700106856332,"ts":1767599970300}"#
    static let pepe = #"{"topic":"tickers.1000PEPEUSDT","type":"delta","data":{"symbol":"1000PEPEUSDT","bid1Price":"0.0123456","bid1Size":"0","ask1Price":"0.0123457","ask1Size":"125"},"cs":1,"ts":0}"#

    static func fast(_ frame: [UInt8]) -> BookTickerTick? {
        var path = BybitTickerFastPath()
        return frame.withUnsafeBytes { path.decode($0, symbols: table) }
    }

    /// What the general decoder makes of `frame`: the message, `lastTicker`, or the error code.
    static func general(_ frame: [UInt8]) -> String {
        var codec = BybitCodec(symbols: table)
        var update = DepthUpdate()
        do throws(VenueCodecError) {
            let m = try JSONScanner.withBytes(frame) { (raw) throws(VenueCodecError) in try codec.decodeGeneral(raw, into: &update) }
            return "\(m) \(String(describing: codec.lastTicker))"
        } catch {
            return "failed \(error.code)"
        }
    }

    /// What `BybitCodec.decode` (fast path first) makes of `frame`, with a dirty update beforehand.
    static func decoded(_ frame: [UInt8]) -> (String, DepthUpdate) {
        var codec = BybitCodec(symbols: table)
        var update = DepthUpdate()
        update.slot = 9; update.lastUpdateId = 4; update.bids = [BookLevel(price: 1, qty: 1)]
        do throws(VenueCodecError) {
            let m = try JSONScanner.withBytes(frame) { (raw) throws(VenueCodecError) in try codec.decode(raw, into: &update) }
            return ("\(m) \(String(describing: codec.lastTicker))", update)
        } catch {
            return ("failed \(error.code)", update)
        }
    }

    @Test func canonicalDeltaTakesFastPathAndMatchesGeneral() throws {
        let tick = try #require(Self.fast(Array(Self.delta.utf8)))
        #expect(tick == BookTickerTick(slot: 0, bidPrice: Price(units: 6_500_030, scale: 2), bidQty: Qty(units: 31, scale: 3),
                                       askPrice: Price(units: 6_500_040, scale: 2), askQty: Qty(units: 82, scale: 3),
                                       eventTimeMs: 1_767_599_970_300))
        for frame in [Self.delta, Self.pepe].map({ Array($0.utf8) }) {
            #expect(Self.fast(frame) != nil)
            let (viaDecode, update) = Self.decoded(frame)
            #expect(viaDecode == Self.general(frame))
            // The general path resets the update; so does the fast one.
            #expect(update.slot == DepthUpdate().slot && update.bids.isEmpty && update.lastUpdateId == 0)
        }
    }

    @Test func deviationsAreDeclined() {
        let c = Self.delta
        var variants: [String] = [
            c.replacingOccurrences(of: #""type":"#, with: #""type": "#),                     // whitespace
            c.replacingOccurrences(of: #""type":"delta""#, with: #""type":"snapshot""#),     // snapshot
            c.replacingOccurrences(of: "BTCUSDT", with: "ETHUSDT"),                           // unknown symbol
            c.replacingOccurrences(of: "tickers.BTCUSDT", with: "tickers.X.BTCUSDT"),         // dotted symbol
            c.replacingOccurrences(of: #""symbol":"BTCUSDT""#, with: #""symbol":"BTC\u0055SDT""#), // escape
            c.replacingOccurrences(of: #""65000.30""#, with: #""""#),                        // empty price
            c.replacingOccurrences(of: #""65000.30""#, with: #""0""#),                       // zero price
            c.replacingOccurrences(of: #""0.031""#, with: #""0.0311""#),                     // off scale
            c.replacingOccurrences(of: #""0.031""#, with: #""-0.031""#),                     // negative size
            c.replacingOccurrences(of: #","ask1Size":"0.082""#, with: ""),                    // missing field
            c.replacingOccurrences(of: #""cs":700106856332,"#, with: ""),                     // no cs
            c.replacingOccurrences(of: #""ts":1767599970300"#, with: #""ts":-1"#),            // negative ts
        ]
        variants += [c + " ", c + "x", String(c.dropLast())]
        for v in variants {
            #expect(v != c)
            #expect(Self.fast(Array(v.utf8)) == nil, "\(v)")
        }
    }

    /// Mutated canonical frames: whenever the fast path claims one, the general decoder yields the same.
    @Test func mutatedFramesClaimedByFastPathMatchGeneral() {
        var rng = SeededGenerator(seed: 0x71C_4E25)
        let seeds = [Self.delta, Self.pepe].map { Array($0.utf8) }
        var claimed = 0
        for _ in 0..<50_000 {
            let f = FastPathMutator.mutate(seeds[Int.random(in: 0..<seeds.count, using: &rng)], using: &rng)
            guard Self.fast(f) != nil else { continue }
            claimed += 1
            #expect(Self.decoded(f).0 == Self.general(f), "\(String(decoding: f, as: UTF8.self))")
        }
        #expect(claimed > 2_000)
    }
}
