import PropCore

/// Decoder for the `tickers.SYM` delta Bybit sends most often, the one with only the top of book —
/// compact, keys in the order `{"topic":"tickers.BTCUSDT","type":"delta","data":{"symbol":"BTCUSDT",
/// "bid1Price":"…","bid1Size":"…","ask1Price":"…","ask1Size":"…"},"cs":N,"ts":N}` (as the simulator renders it).
///
/// Why: these frames are a third of a Bybit stream, and the general key-by-key decoder spends most of its time
/// finding out what they look like. On any deviation (other keys or order, whitespace, escapes, empty or
/// non-positive prices, long or negative numbers, unknown symbol) `decode` returns `nil` and
/// `BybitCodec.decodeGeneral` runs, which stays the reference and reports errors. It accepts nothing the general
/// path rejects and yields the same tick (checked by `BybitTickerFastPathTests`). Bounds safety comes from `FastFrame`.
struct BybitTickerFastPath: Sendable {
    /// Last symbol seen and its slot.
    private var cachedSymbol = FastSymbolCache()

    init() {}

    /// The top of book of `frame` when it has the canonical layout; `nil` means "not handled".
    @inline(__always)
    mutating func decode(_ frame: UnsafeRawBufferPointer, symbols: SymbolTable) -> BookTickerTick? {
        guard let base = frame.baseAddress, frame.count >= 8 else { return nil }
        let f = FastFrame(p: base, n: frame.count)
        var i = 0
        guard f.expect(&i, #"{"topic":"tickers."#) else { return nil }
        let symStart = i
        guard let slot = cachedSymbol.slot(f, &i, symbols) else { return nil }
        // The general decoder takes the symbol after the topic's last dot.
        for k in symStart..<(i &- 1) where f.byte(k) == UInt8(ascii: ".") { return nil }
        guard f.expect(&i, #","type":"delta","data":{"symbol":""#) else { return nil }
        // `data.symbol` is skipped by the general decoder; only a plain printable ASCII string is taken here.
        while i < f.n, f.byte(i) != UInt8(ascii: "\"") {
            let b = f.byte(i)
            guard b >= 0x20, b < 0x7F, b != UInt8(ascii: "\\") else { return nil }
            i &+= 1
        }
        guard i < f.n else { return nil }
        i &+= 1
        let sc = symbols.scales(slot)
        guard sc.price >= 0, sc.price <= 18, sc.qty >= 0, sc.qty <= 18 else { return nil }
        guard f.expect(&i, #","bid1Price":""#) else { return nil }
        let bidPrice = f.decimal(&i, scale: sc.price)
        guard bidPrice > 0, f.expect(&i, #","bid1Size":""#) else { return nil }
        let bidQty = f.decimal(&i, scale: sc.qty)
        guard bidQty >= 0, f.expect(&i, #","ask1Price":""#) else { return nil }
        let askPrice = f.decimal(&i, scale: sc.price)
        guard askPrice > 0, f.expect(&i, #","ask1Size":""#) else { return nil }
        let askQty = f.decimal(&i, scale: sc.qty)
        guard askQty >= 0, f.expect(&i, #"},"cs":"#), f.int(&i) != nil, f.expect(&i, #","ts":"#),
              let ts = f.int(&i), i &+ 1 == f.n, f.byte(i) == UInt8(ascii: "}") else { return nil }
        return BookTickerTick(slot: slot, bidPrice: Price(units: bidPrice, scale: sc.price), bidQty: Qty(units: bidQty, scale: sc.qty),
                              askPrice: Price(units: askPrice, scale: sc.price), askQty: Qty(units: askQty, scale: sc.qty),
                              eventTimeMs: ts)
    }
}
