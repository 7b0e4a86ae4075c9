import PropCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decoder for the layout Bybit actually sends for `orderbook.N.SYM` pushes — compact, keys in the order
/// `{"topic":"orderbook.200.BTCUSDT","type":"snapshot|delta","ts":N,"data":{"s":"BTCUSDT","b":[…],"a":[…],
/// "u":N,"seq":N},"cts":N}` (as in the v5 docs' examples and the simulator).
///
/// Why: as on Binance, the general key-by-key decoder spends most of its time finding out what the frame
/// looks like, and real frames always look the same. On any deviation (other key order, whitespace,
/// escapes, `data.s` differing from the topic's symbol, long or negative numbers, unknown symbol,
/// anything invalid) `decode` returns `false` and `BybitCodec.decodeGeneral` runs, which stays the
/// reference and reports errors. It accepts nothing the general path rejects and yields the same
/// `DepthUpdate` (checked by `BybitOrderbookFastPathTests`). Bounds safety comes from `FastFrame`.
struct BybitOrderbookFastPath: Sendable {
    /// Last symbol seen and its slot.
    private var cachedSymbol = FastSymbolCache()

    init() {}

    /// Decodes `frame` into `update` when it has the canonical orderbook layout; `false` means "not
    /// handled" (`update` may then hold partial data and must be reset by the general path).
    @inline(__always)
    mutating func decode(_ frame: UnsafeRawBufferPointer, symbols: SymbolTable, into update: inout DepthUpdate) -> Bool {
        guard let base = frame.baseAddress, frame.count >= 8 else { return false }
        let f = FastFrame(p: base, n: frame.count)
        var i = 0
        guard f.expect(&i, #"{"topic":"orderbook."#), f.int(&i) != nil, f.expect(&i, ".") else { return false }
        let symStart = i
        guard let slot = cachedSymbol.slot(f, &i, symbols) else { return false }
        let symLength = i &- 1 &- symStart
        // The general decoder takes the symbol after the topic's last dot.
        for k in 0..<symLength where f.byte(symStart &+ k) == UInt8(ascii: ".") { return false }
        guard f.expect(&i, #","type":""#) else { return false }
        var snapshot: Bool
        if f.expect(&i, #"delta","ts":"#) {
            snapshot = false
        } else if f.expect(&i, #"snapshot","ts":"#) {
            snapshot = true
        } else {
            return false
        }
        guard let ts = f.int(&i), f.expect(&i, #","data":{"s":""#) else { return false }
        // `data.s` must repeat the topic's symbol exactly (the general path ignores it).
        guard i &+ symLength < f.n, memcmp(f.p + i, f.p + symStart, symLength) == 0 else { return false }
        i &+= symLength
        guard f.expect(&i, #"","b":"#) else { return false }
        let sc = symbols.scales(slot)
        guard sc.price >= 0, sc.price <= 18, sc.qty >= 0, sc.qty <= 18 else { return false }
        guard f.levels(&i, priceScale: sc.price, qtyScale: sc.qty, into: &update.bids),
              f.expect(&i, #","a":"#),
              f.levels(&i, priceScale: sc.price, qtyScale: sc.qty, into: &update.asks),
              f.expect(&i, #","u":"#) else { return false }
        guard let u = f.int(&i), f.expect(&i, #","seq":"#), let seq = f.int(&i),
              f.expect(&i, #"},"cts":"#), let cts = f.int(&i), i &+ 1 == f.n, f.matches(i, "}") else { return false }
        if u == 1 { snapshot = true }
        update.kind = snapshot ? .snapshot : .delta
        update.slot = slot
        update.firstUpdateId = u
        update.lastUpdateId = u
        update.prevUpdateId = u &- 1
        update.crossSequence = seq
        update.checksum = nil
        update.eventTimeMs = cts != 0 ? cts : ts
        return true
    }
}
