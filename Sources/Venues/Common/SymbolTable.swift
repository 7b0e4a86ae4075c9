/// A venue-native symbol with the scales its prices and quantities are parsed at.
public struct SymbolSpec: Sendable, Hashable {
    /// The venue's own symbol, exactly as it appears in frames (`BTCUSDT`, `BTC-USDT-SWAP`).
    public var nativeSymbol: String
    /// Decimals of book prices (mantissa scale), from the instrument's tick size.
    public var priceScale: Int
    /// Decimals of book quantities (mantissa scale), from the instrument's step size.
    public var qtyScale: Int

    public init(nativeSymbol: String, priceScale: Int, qtyScale: Int) {
        self.nativeSymbol = nativeSymbol; self.priceScale = priceScale; self.qtyScale = qtyScale
    }
}

/// Maps native symbols to dense slot indices (the position in the `specs` array) and back.
/// `slot(bytes:)` looks a symbol up straight from the frame bytes through an open-addressing hash
/// over one flat byte buffer, so the hot path neither allocates nor builds a `String`.
public struct SymbolTable: Sendable {
    private var specs: [SymbolSpec]
    /// All symbols' UTF-8 bytes back to back; `offsets[i]..<offsets[i+1]` is slot `i`.
    private var bytes: [UInt8]
    private var offsets: [Int]
    /// Hash buckets holding `slot + 1` (0 = empty); power-of-two size at most half full.
    private var buckets: [Int32]
    private var mask: Int
    /// `(priceScale, qtyScale)` per slot, kept apart from `specs` so the hot path reads two Ints
    /// without touching (and retaining) the symbol string.
    private var scaleTable: [(price: Int, qty: Int)]

    /// Builds the table; slot `i` is `specs[i]`. A repeated symbol keeps its first slot.
    public init(_ specs: [SymbolSpec]) {
        self.specs = specs
        self.scaleTable = specs.map { ($0.priceScale, $0.qtyScale) }
        var bytes: [UInt8] = []
        var offsets = [0]
        for s in specs { bytes.append(contentsOf: s.nativeSymbol.utf8); offsets.append(bytes.count) }
        var size = 8
        while size < specs.count * 2 { size <<= 1 }
        self.bytes = bytes; self.offsets = offsets
        self.buckets = [Int32](repeating: 0, count: size)
        self.mask = size - 1
        for i in specs.indices {
            let h = bytes.withUnsafeBytes { Self.hash(UnsafeRawBufferPointer(rebasing: $0[offsets[i]..<offsets[i + 1]])) }
            var b = h & mask
            var duplicate = false
            while buckets[b] != 0 {
                if specs[Int(buckets[b]) - 1].nativeSymbol == specs[i].nativeSymbol { duplicate = true; break }
                b = (b + 1) & mask
            }
            if !duplicate { buckets[b] = Int32(i + 1) }
        }
    }

    /// Number of symbols.
    public var count: Int { specs.count }

    /// The spec at `slot` (must be in `0..<count`).
    public subscript(slot: Int) -> SymbolSpec { specs[slot] }

    /// Price and quantity scales of `slot` (must be in `0..<count`); the hot-path accessor.
    @inline(__always)
    public func scales(_ slot: Int) -> (price: Int, qty: Int) { scaleTable[slot] }

    /// All specs in slot order.
    public var allSpecs: [SymbolSpec] { specs }

    /// Slot of a symbol given as a `String` (not for the hot path).
    public func slot(of nativeSymbol: String) -> Int? {
        var utf8 = Array(nativeSymbol.utf8)
        return utf8.withUnsafeMutableBytes { slot(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Slot of a symbol given as raw UTF-8 bytes from a frame; allocation-free.
    public func slot(bytes symbol: UnsafeRawBufferPointer) -> Int? {
        if symbol.count == 0 || symbol.count > 64 { return nil }
        var b = Self.hash(symbol) & mask
        return buckets.withUnsafeBufferPointer { bk in
            offsets.withUnsafeBufferPointer { off in
                bytes.withUnsafeBytes { all in
                    while true {
                        let entry = Int(bk[b])
                        if entry == 0 { return nil }
                        let i = entry - 1
                        let start = off[i], len = off[i + 1] - start
                        if len == symbol.count, memcmpEqual(all.baseAddress! + start, symbol.baseAddress!, len) {
                            return i
                        }
                        b = (b + 1) & mask
                    }
                }
            }
        }
    }

    /// FNV-1a: tiny symbols, so a simple byte loop is as fast as anything fancier.
    static func hash(_ p: UnsafeRawBufferPointer) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in p { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}

@inline(__always)
private func memcmpEqual(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ n: Int) -> Bool {
    var i = 0
    while i < n {
        if a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
        i += 1
    }
    return true
}
