import PropCore

/// Decoder for the combined-stream `aggTrade` frame as Binance sends it — compact, keys in the order
/// `{"stream":"…","data":{"e":"aggTrade","E":N,"a":N,"s":"…","p":"…","q":"…","f":N,"l":N,"T":N,"m":true|false}}`.
///
/// Why: trades are a quarter of a Binance stream, and the general key-by-key decoder spends most of its time finding
/// out what the frame looks like. On any deviation (other keys or order, whitespace, escapes, long or negative
/// numbers, non-positive price, unknown symbol) `decode` returns `nil` and `BinanceCodec.decodeGeneral` runs, which
/// stays the reference and reports errors. It accepts nothing the general path rejects and yields the same tick
/// (checked by `TradeFastPathTests`). Bounds safety comes from `FastFrame`.
struct BinanceAggTradeFastPath: Sendable {
    /// Last symbol seen and its slot.
    private var cachedSymbol = FastSymbolCache()

    init() {}

    /// The trade of `frame` when it has the canonical layout; `nil` means "not handled".
    @inline(__always)
    mutating func decode(_ frame: UnsafeRawBufferPointer, symbols: SymbolTable) -> TradeTick? {
        guard let base = frame.baseAddress, frame.count >= 8 else { return nil }
        let f = FastFrame(p: base, n: frame.count)
        var i = 0
        guard f.expect(&i, #"{"stream":""#), f.plainString(&i) else { return nil }
        guard f.expect(&i, #","data":{"e":"aggTrade","E":"#), let eventTime = f.int(&i) else { return nil }
        guard f.expect(&i, #","a":"#), let id = f.int(&i), f.expect(&i, #","s":""#) else { return nil }
        guard let slot = cachedSymbol.slot(f, &i, symbols) else { return nil }
        let sc = symbols.scales(slot)
        guard sc.price >= 0, sc.price <= 18, sc.qty >= 0, sc.qty <= 18, f.expect(&i, #","p":""#) else { return nil }
        let price = f.decimal(&i, scale: sc.price)
        guard price > 0, f.expect(&i, #","q":""#) else { return nil }
        let qty = f.decimal(&i, scale: sc.qty)
        guard qty >= 0, f.expect(&i, #","f":"#), f.int(&i) != nil, f.expect(&i, #","l":"#), f.int(&i) != nil,
              f.expect(&i, #","T":"#), let tradeTime = f.int(&i), f.expect(&i, #","m":"#) else { return nil }
        let maker: Bool
        if f.expect(&i, "true") { maker = true } else if f.expect(&i, "false") { maker = false } else { return nil }
        guard f.expect(&i, "}}"), i == f.n else { return nil }
        // `m` = the buyer was the maker, so the taker sold.
        return TradeTick(slot: slot, price: Price(units: price, scale: sc.price), qty: Qty(units: qty, scale: sc.qty),
                         takerSide: maker ? .sell : .buy, tradeTimeMs: tradeTime != 0 ? tradeTime : eventTime, tradeId: id)
    }
}
