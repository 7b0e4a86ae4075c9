import PropCore

/// Decoder for the one-trade `trades` frame as OKX sends it — compact, keys in the order
/// `{"arg":{"channel":"trades","instId":"…"},"data":[{"instId":"…","tradeId":"N","px":"…","sz":"…",
/// "side":"buy|sell","ts":"N","count":"N"}]}`.
///
/// Why: trades are a quarter of an OKX stream, and the general key-by-key decoder spends most of its time finding
/// out what the frame looks like. On any deviation (several trades, other keys or order, whitespace, escapes, long
/// or negative numbers, non-positive price, unknown instrument) `decode` returns `nil` and `OKXCodec.decodeGeneral`
/// runs, which stays the reference and reports errors. It accepts nothing the general path rejects and yields the
/// same tick (checked by `TradeFastPathTests`). Bounds safety comes from `FastFrame`.
struct OKXTradesFastPath: Sendable {
    /// Last instrument seen and its slot.
    private var cachedSymbol = FastSymbolCache()

    init() {}

    /// The trade of `frame` when it has the canonical layout; `nil` means "not handled".
    @inline(__always)
    mutating func decode(_ frame: UnsafeRawBufferPointer, symbols: SymbolTable) -> TradeTick? {
        guard let base = frame.baseAddress, frame.count >= 8 else { return nil }
        let f = FastFrame(p: base, n: frame.count)
        var i = 0
        guard f.expect(&i, #"{"arg":{"channel":"trades","instId":""#), let slot = cachedSymbol.slot(f, &i, symbols) else { return nil }
        // `data[].instId` is skipped by the general decoder (the frame's `arg` names the instrument).
        guard f.expect(&i, #"},"data":[{"instId":""#), f.plainString(&i) else { return nil }
        guard f.expect(&i, #","tradeId":""#), let id = f.int(&i), f.expect(&i, #"","px":""#) else { return nil }
        let sc = symbols.scales(slot)
        guard sc.price >= 0, sc.price <= 18, sc.qty >= 0, sc.qty <= 18 else { return nil }
        let price = f.decimal(&i, scale: sc.price)
        guard price > 0, f.expect(&i, #","sz":""#) else { return nil }
        let qty = f.decimal(&i, scale: sc.qty)
        guard qty >= 0, f.expect(&i, #","side":""#) else { return nil }
        let side: Side
        if f.expect(&i, #"buy""#) { side = .buy } else if f.expect(&i, #"sell""#) { side = .sell } else { return nil }
        guard f.expect(&i, #","ts":""#), let ts = f.int(&i), f.expect(&i, #"","count":""#), f.int(&i) != nil,
              f.expect(&i, #""}]}"#), i == f.n else { return nil }
        return TradeTick(slot: slot, price: Price(units: price, scale: sc.price), qty: Qty(units: qty, scale: sc.qty),
                         takerSide: side, tradeTimeMs: ts, tradeId: id)
    }
}
