import PropCore

/// The shared, read-side face of one book: identity, lock-free published top, and metric handles.
/// Created once per instrument when the feed starts.
final class BookSlot: Sendable {
    let instrument: InstrumentId
    let symbol: String
    let priceScale: Int
    let qtyScale: Int
    let top = PublishedTop()
    let depth = PublishedDepth()
    let mark = PublishedMark()
    let metrics: BookMetrics

    init(instrument: InstrumentId, symbol: String, priceScale: Int, qtyScale: Int, metrics: BookMetrics) {
        self.instrument = instrument; self.symbol = symbol; self.priceScale = priceScale; self.qtyScale = qtyScale
        self.metrics = metrics
    }
}

/// All slots of a feed, published once after the instrument list is loaded.
final class BookRegistry: Sendable {
    let slots: [BookSlot]
    init(slots: [BookSlot]) { self.slots = slots }
}
