import PropCore

/// Reusable buffers for `OKXBookChecksum.compute(_:depth:scratch:)`, so a checksum per message allocates nothing
/// once warm, plus the text of every level of the previous checksum: a message changes a few of the top levels,
/// and formatting numbers was most of the checksum's cost, so a level whose price (and size) is unchanged is
/// copied instead (`OKXChecksumTextCache`). Owned by whoever checks (one per `BookSync`).
///
/// The cache is keyed by the exact mantissas and scales, never by message order: whatever happened to the book in
/// between, a cached text is the text of its (price, qty).
public struct OKXChecksumScratch: Sendable {
    /// The top levels of the current check, bids then asks.
    var levels: [BookLevel] = []
    /// Per side (bids, asks) and generation (0, 1): `capacity` prices, then sizes, then packed text lengths
    /// (`priceLength << 8 | levelLength`) of the cached levels.
    var cached: [Int64] = []
    /// Per side and generation, `capacity` slots of `slotBytes` holding `px:sz`; then the checksum text.
    var bytes: [UInt8] = []
    /// Levels per side the buffers are laid out for.
    var capacity = 0
    /// Generation holding the previous check's levels.
    var generation = 0
    /// Levels per side cached in `generation`.
    var cachedCount: (bids: Int, asks: Int) = (0, 0)
    /// Scales the cached texts were written at.
    var cachedScales: (price: Int, qty: Int) = (-1, -1)

    /// Empty buffers; they grow on first use.
    public init() {}

    /// Bytes per cached level: both numbers and the `:` between them, with room for fixed-size copies.
    static let slotBytes = 64

    /// Where the checksum text starts in `bytes`.
    var textStart: Int { 4 * capacity * Self.slotBytes }

    /// Makes room for `depth` levels per side (a new layout drops the cached texts), and forgets texts written at
    /// other scales.
    mutating func reserve(depth: Int, priceScale: Int, qtyScale: Int) {
        if capacity < depth {
            capacity = depth
            levels = Array(repeating: BookLevel(price: 0, qty: 0), count: 2 * depth)
            cached = Array(repeating: 0, count: 4 * 3 * depth)
            // Each level's text is copied as a whole slot, so the text gets one slot of slack at its end.
            let text = 2 * depth * (2 * OKXChecksumText.maxNumberBytes + 1) + Self.slotBytes
            bytes = Array(repeating: 0, count: textStart + text)
            cachedCount = (0, 0)
        }
        if cachedScales != (priceScale, qtyScale) {
            cachedScales = (priceScale, qtyScale)
            cachedCount = (0, 0)
        }
    }
}
