import PropCore

/// Decoder for the one layout Binance actually sends for diff-depth frames — compact, keys in the order
/// `{"e":"depthUpdate","E":…,"T":…,"s":"…","U":…,"u":…,"pu":…,"b":[…],"a":[…]}`, raw or wrapped as
/// `{"stream":"…","data":{…}}` — read with fixed literal compares and word-at-a-time numbers.
///
/// Why: the general key-by-key decoder spends most of its time finding out what the frame looks like;
/// real frames always look the same. On any deviation (other key order, whitespace, escapes, long or
/// negative numbers, unknown symbol, anything invalid) `decode` returns `false` and the caller runs the
/// general `BinanceCodec` path, which stays the reference and reports errors. It accepts nothing the
/// general path rejects and yields the same `DepthUpdate` (checked by `BinanceDepthFastPathTests`).
///
/// Safety: every load is bounds-checked against the frame (`word(at:)` reads bytes past the end as 0,
/// and 0 matches no literal, digit or quote, so a successful compare proves the bytes exist).
struct BinanceDepthFastPath: Sendable {
    /// Last symbol seen and its slot (one stream carries one symbol, so this skips the hash lookup).
    private var cachedSymbol = FastSymbolCache()

    init() {}

    /// Decodes `frame` into `update` when it has the canonical depth layout; `false` means "not handled"
    /// (`update` may then hold partial data and must be reset by the general path).
    @inline(__always)
    mutating func decode(_ frame: UnsafeRawBufferPointer, symbols: SymbolTable, into update: inout DepthUpdate) -> Bool {
        guard let base = frame.baseAddress, frame.count >= 8 else { return false }
        let f = Frame(p: base, n: frame.count)
        var i = 0
        var wrapped = false
        if f.word(at: 0) == 0x6D61_6572_7473_227B { // {"stream
            // Combined stream: {"stream":"<name>","data":{…}}
            guard f.matches(8, 0x22_3A22, 3) else { return false } // ":"
            i = 11
            // The stream name: no escapes, ends at the first quote.
            while true {
                guard i < f.n else { return false }
                let c = f.byte(i)
                if c == UInt8(ascii: "\"") { break }
                if c == UInt8(ascii: "\\") { return false }
                i &+= 1
            }
            guard f.matches(i, 0x2261_7461_6422_2C22, 8), f.matches(i &+ 8, 0x3A, 1) else { return false } // ","data":
            i &+= 9
            wrapped = true
        }
        guard let end = decodeObject(f, at: i, symbols: symbols, into: &update) else { return false }
        if wrapped {
            return end &+ 1 == f.n && f.byte(end) == UInt8(ascii: "}")
        }
        return end == f.n
    }

    /// Decodes the depth object starting at `start`; returns the offset just past its `}`.
    @inline(__always)
    private mutating func decodeObject(_ f: Frame, at start: Int, symbols: SymbolTable, into update: inout DepthUpdate) -> Int? {
        var i = start
        // {"e":"depthUpdate","E":
        guard f.word(at: i) == 0x6564_223A_2265_227B, f.word(at: i &+ 8) == 0x7461_6470_5568_7470,
              f.matches(i &+ 16, 0x3A_2245_222C_2265, 7) else { return nil }
        i &+= 23
        guard let eventTime = f.int(&i), f.matches(i, 0x3A_2254_222C, 5) else { return nil } // ,"T":
        i &+= 5
        guard f.int(&i) != nil, f.matches(i, 0x22_3A22_7322_2C, 6) else { return nil } // ,"s":"
        i &+= 6
        guard let slot = cachedSymbol.slot(f, &i, symbols) else { return nil }
        guard f.matches(i, 0x3A_2255_222C, 5) else { return nil } // ,"U":
        i &+= 5
        guard let first = f.int(&i), f.matches(i, 0x3A_2275_222C, 5) else { return nil } // ,"u":
        i &+= 5
        guard let last = f.int(&i), f.matches(i, 0x3A22_7570_222C, 6) else { return nil } // ,"pu":
        i &+= 6
        guard let prev = f.int(&i), f.matches(i, 0x3A_2262_222C, 5) else { return nil } // ,"b":
        i &+= 5
        let sc = symbols.scales(slot)
        guard sc.price >= 0, sc.price <= 18, sc.qty >= 0, sc.qty <= 18 else { return nil }
        guard f.levels(&i, priceScale: sc.price, qtyScale: sc.qty, into: &update.bids),
              f.matches(i, 0x3A_2261_222C, 5) else { return nil } // ,"a":
        i &+= 5
        guard f.levels(&i, priceScale: sc.price, qtyScale: sc.qty, into: &update.asks),
              f.matches(i, 0x7D, 1) else { return nil } // }
        update.kind = .delta
        update.slot = slot
        update.firstUpdateId = first
        update.lastUpdateId = last
        update.prevUpdateId = prev
        update.crossSequence = 0
        update.checksum = nil
        update.eventTimeMs = eventTime
        return i &+ 1
    }
}

extension BinanceDepthFastPath {
    /// The frame readers, shared with the OKX and Bybit fast paths.
    typealias Frame = FastFrame
}
