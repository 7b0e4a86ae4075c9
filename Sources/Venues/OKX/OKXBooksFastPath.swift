import PropCore

/// Decoder for the layouts OKX actually sends on the `books` channel — compact, keys in the order
/// `{"arg":{"channel":"books","instId":"…"},"action":"snapshot|update","data":[{"asks":[…],"bids":[…],
/// "ts":"…","checksum":N,"prevSeqId":N,"seqId":N}]}` with 4-element levels `["px","sz","0","n"]`; the
/// `prevSeqId`/`seqId` pair may be absent (frames recorded before 2023 end right after `checksum`).
///
/// Why: as on Binance, the general key-by-key decoder spends most of its time finding out what the frame
/// looks like, and real frames always look the same. On any deviation (other channel or key order,
/// whitespace, escapes, several `data` elements, long numbers, unknown instrument, anything invalid)
/// `decode` returns `false` and `OKXCodec.decodeGeneral` runs, which stays the reference and reports
/// errors. It accepts nothing the general path rejects and yields the same `DepthUpdate` (checked by
/// `OKXBooksFastPathTests`). Bounds safety comes from `FastFrame`.
struct OKXBooksFastPath: Sendable {
    /// Last instrument seen and its slot.
    private var cachedSymbol = FastSymbolCache()

    init() {}

    /// Decodes `frame` into `update` when it has the canonical `books` layout; `false` means "not handled"
    /// (`update` may then hold partial data and must be reset by the general path).
    @inline(__always)
    mutating func decode(_ frame: UnsafeRawBufferPointer, symbols: SymbolTable, into update: inout DepthUpdate) -> Bool {
        guard let base = frame.baseAddress, frame.count >= 8 else { return false }
        let f = FastFrame(p: base, n: frame.count)
        var i = 0
        guard f.matches(i, #"{"arg":{"channel":"books","instId":""#) else { return false }
        i &+= 36
        guard let slot = cachedSymbol.slot(f, &i, symbols) else { return false }
        guard f.matches(i, #"},"action":""#) else { return false }
        i &+= 12
        let kind: DepthKind
        if f.matches(i, #"update","data":[{"asks":"#) {
            kind = .delta
            i &+= 24
        } else if f.matches(i, #"snapshot","data":[{"asks":"#) {
            kind = .snapshot
            i &+= 26
        } else {
            return false
        }
        let sc = symbols.scales(slot)
        guard sc.price >= 0, sc.price <= 18, sc.qty >= 0, sc.qty <= 18 else { return false }
        guard f.levels(&i, priceScale: sc.price, qtyScale: sc.qty, extras: 2, into: &update.asks),
              f.matches(i, #","bids":"#) else { return false }
        i &+= 8
        guard f.levels(&i, priceScale: sc.price, qtyScale: sc.qty, extras: 2, into: &update.bids),
              f.matches(i, #","ts":""#) else { return false }
        i &+= 7
        guard let ts = f.int(&i), f.matches(i, #"","checksum":"#) else { return false }
        i &+= 13
        guard let checksum = f.signedInt(&i), let c32 = Int32(exactly: checksum) else { return false }
        var seq: Int64 = 0, prevSeq: Int64 = 0
        if f.matches(i, #","prevSeqId":"#) {
            i &+= 13
            guard let p = f.signedInt(&i), f.matches(i, #","seqId":"#) else { return false }
            i &+= 9
            guard let s = f.signedInt(&i) else { return false }
            prevSeq = p
            seq = s
        }
        guard i &+ 3 == f.n, f.matches(i, "}]}") else { return false }
        update.kind = kind
        update.slot = slot
        update.firstUpdateId = seq
        update.lastUpdateId = seq
        update.prevUpdateId = prevSeq
        update.crossSequence = 0
        update.checksum = c32
        update.eventTimeMs = ts
        return true
    }
}
