import PropCore

/// Decoder for the one-trade `publicTrade.SYM` frame as Bybit sends it — compact, keys in the order
/// `{"topic":"publicTrade.SYM","type":"snapshot","ts":N,"data":[{"T":N,"s":"…","S":"Buy|Sell","v":"…","p":"…",
/// "L":"…","i":"…","BT":bool,"RPI":bool,"seq":N}]}` (as the simulator renders it).
///
/// Why: trades are a sixth of a Bybit stream, and the general key-by-key decoder spends most of its time finding out
/// what the frame looks like. On any deviation (several trades, other keys or order, whitespace, escapes, long or
/// negative numbers, non-positive price, unknown symbol) `decode` returns `nil` and `BybitCodec.decodeGeneral` runs,
/// which stays the reference and reports errors. It accepts nothing the general path rejects and yields the same
/// tick (checked by `TradeFastPathTests`). Bounds safety comes from `FastFrame`.
struct BybitTradeFastPath: Sendable {
    /// Last symbol seen and its slot.
    private var cachedSymbol = FastSymbolCache()

    init() {}

    /// The trade of `frame` when it has the canonical layout; `nil` means "not handled".
    @inline(__always)
    mutating func decode(_ frame: UnsafeRawBufferPointer, symbols: SymbolTable) -> TradeTick? {
        guard let base = frame.baseAddress, frame.count >= 8 else { return nil }
        let f = FastFrame(p: base, n: frame.count)
        var i = 0
        guard f.expect(&i, #"{"topic":"publicTrade."#) else { return nil }
        let symStart = i
        guard let slot = cachedSymbol.slot(f, &i, symbols) else { return nil }
        // The general decoder takes the symbol after the topic's last dot.
        for k in symStart..<(i &- 1) where f.byte(k) == UInt8(ascii: ".") { return nil }
        // `type`, `ts`, `data[].s`, `L`, `BT`, `RPI` and `seq` are read or skipped by the general decoder without
        // changing the trade; only their plain forms are taken here.
        guard f.expect(&i, #","type":""#), f.plainString(&i), f.expect(&i, #","ts":"#), f.int(&i) != nil,
              f.expect(&i, #","data":[{"T":"#), let time = f.int(&i), f.expect(&i, #","s":""#), f.plainString(&i),
              f.expect(&i, #","S":""#) else { return nil }
        let side: Side
        if f.expect(&i, #"Buy""#) { side = .buy } else if f.expect(&i, #"Sell""#) { side = .sell } else { return nil }
        let sc = symbols.scales(slot)
        guard sc.price >= 0, sc.price <= 18, sc.qty >= 0, sc.qty <= 18, f.expect(&i, #","v":""#) else { return nil }
        let qty = f.decimal(&i, scale: sc.qty)
        guard qty >= 0, f.expect(&i, #","p":""#) else { return nil }
        let price = f.decimal(&i, scale: sc.price)
        guard price > 0, f.expect(&i, #","L":""#), f.plainString(&i), f.expect(&i, #","i":""#) else { return nil }
        let idStart = i
        guard f.plainString(&i) else { return nil }
        // As the general decoder: the id when it is an integer, else 0 (Bybit sends UUID-like ids).
        let id = JSONScanner.parseInteger(UnsafeRawBufferPointer(frame), JSONScanner.Span(start: idStart, end: i &- 1)) ?? 0
        guard f.expect(&i, #","BT":"#), f.bool(&i), f.expect(&i, #","RPI":"#), f.bool(&i), f.expect(&i, #","seq":"#),
              f.int(&i) != nil, f.expect(&i, "}]}"), i == f.n else { return nil }
        return TradeTick(slot: slot, price: Price(units: price, scale: sc.price), qty: Qty(units: qty, scale: sc.qty),
                         takerSide: side, tradeTimeMs: time, tradeId: id)
    }
}
