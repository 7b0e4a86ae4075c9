/// One price level as integer mantissas at the instrument's price and qty scales.
/// `qty == 0` in a delta deletes the level.
public struct BookLevel: Sendable, Hashable {
    public var price: Int64
    public var qty: Int64
    @inlinable public init(price: Int64, qty: Int64) { self.price = price; self.qty = qty }
}

/// Whether a depth message replaces the book or changes it.
public enum DepthKind: Sendable, Hashable {
    case snapshot
    case delta
}

/// A decoded order-book message (REST snapshot, WS snapshot or WS delta) for one instrument.
///
/// The codec fills one reusable value per stream (`reset()` keeps the arrays' capacity), so decoding
/// a frame allocates nothing. Sequence fields keep each venue's own meaning:
/// - Binance: `firstUpdateId`=`U`, `lastUpdateId`=`u`, `prevUpdateId`=`pu`; REST snapshot: all = `lastUpdateId`.
/// - OKX: `lastUpdateId`=`seqId`, `prevUpdateId`=`prevSeqId` (-1 on snapshots), `firstUpdateId`=`seqId`.
/// - Bybit: `firstUpdateId`=`lastUpdateId`=`u`, `prevUpdateId`=`u-1`; `crossSequence`=`seq`.
public struct DepthUpdate: Sendable {
    public var kind: DepthKind = .delta
    /// Index of the instrument in the codec's symbol table.
    public var slot: Int = -1
    public var firstUpdateId: Int64 = 0
    public var lastUpdateId: Int64 = 0
    public var prevUpdateId: Int64 = 0
    /// Venue-wide cross sequence where the venue has one (Bybit `seq`), else 0.
    public var crossSequence: Int64 = 0
    /// OKX CRC32 checksum as a signed int32; `nil` when absent, 0 means "not provided" on OKX.
    public var checksum: Int32? = nil
    /// Venue event time in ms since the epoch (0 if the message has none).
    public var eventTimeMs: Int64 = 0
    public var bids: [BookLevel] = []
    public var asks: [BookLevel] = []

    public init() {
        bids.reserveCapacity(1024)
        asks.reserveCapacity(1024)
    }

    /// Clears the message for reuse without releasing the level buffers.
    @inlinable
    public mutating func reset() {
        kind = .delta; slot = -1; firstUpdateId = 0; lastUpdateId = 0; prevUpdateId = 0
        crossSequence = 0; checksum = nil; eventTimeMs = 0
        bids.removeAll(keepingCapacity: true)
        asks.removeAll(keepingCapacity: true)
    }
}

/// Order side.
public enum Side: String, Sendable, Hashable, Codable {
    case buy, sell
}
