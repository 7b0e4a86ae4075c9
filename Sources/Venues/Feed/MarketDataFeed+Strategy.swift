public import MarketData
public import PropCore

/// The top of one book as the strategy reads it: typed prices, validity, update time and sequence.
public struct BookTop: Sendable, Hashable {
    public var instrument: InstrumentId
    public var bid: Price?
    public var ask: Price?
    public var valid: Bool
    /// Monotonic time of the last applied update (0 = never).
    public var updatedNanos: UInt64
    public var seq: Int64
}

/// The best levels of one book at its own scales (quantities in the venue's unit, contracts on OKX).
public struct BookDepth: Sendable, Hashable {
    public var bids: [BookLevel]
    public var asks: [BookLevel]
    public var priceScale: Int
    public var qtyScale: Int
    public var seq: Int64
}

/// The latest mark, index and funding of one instrument and how many updates it has seen.
public struct BookMark: Sendable, Hashable {
    public var instrument: InstrumentId
    public var tick: MarkPriceTick
    /// Grows with every update (0 = none yet): the reader acts only on a change.
    public var version: UInt64
}

extension MarketDataFeed {
    /// Every instrument's latest mark / index / funding.
    public func marks() -> [BookMark] {
        guard let reg = registry.load() else { return [] }
        return reg.slots.map { slot in
            let m = slot.mark.read()
            return BookMark(instrument: slot.instrument, tick: m.tick, version: m.version)
        }
    }

    /// Every book's top, lock-free (the strategy polls this to see which books changed).
    public func tops() -> [BookTop] {
        guard let reg = registry.load() else { return [] }
        return reg.slots.map { slot in
            let t = slot.top.read()
            return BookTop(instrument: slot.instrument,
                           bid: t.hasBid ? Price(units: t.bidPrice, scale: slot.priceScale) : nil,
                           ask: t.hasAsk ? Price(units: t.askPrice, scale: slot.priceScale) : nil,
                           valid: t.valid, updatedNanos: t.updatedNanos, seq: t.seq)
        }
    }

    /// Up to `levels` (≤ 20) best levels per side of one book; nil before the instrument list loaded.
    public func depth(_ instrument: InstrumentId, levels: Int) -> BookDepth? {
        guard let slot = registry.load()?.slots.first(where: { $0.instrument == instrument }) else { return nil }
        let d = slot.depth.read(depth: levels)
        return BookDepth(bids: d.bids, asks: d.asks, priceScale: slot.priceScale, qtyScale: slot.qtyScale, seq: d.seq)
    }
}
