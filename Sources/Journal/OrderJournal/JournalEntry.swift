import PropCore

/// One event to append to the order journal (the row without its sequence number and hashes).
public struct JournalEntry: Sendable, Hashable {
    /// Intent or venue event.
    public var kind: JournalEventKind
    /// Machine reason code (why we placed/cancelled, or the venue's reject code).
    public var reason: String?
    /// Venue the order lives on.
    public var venue: Venue
    /// Instrument, if the event names one.
    public var instrument: InstrumentId?
    /// Our deterministic client order id (see `ClientOrderId`).
    public var clientOrderId: String
    /// The venue's own order id, once known.
    public var venueOrderId: String?
    /// Parent (strategy-level) order this child belongs to.
    public var parentId: String?
    /// Limit or fill price.
    public var price: Price?
    /// Order or fill quantity.
    public var qty: Qty?
    /// Wall clock, Unix milliseconds.
    public var wallMs: Int64
    /// Monotonic clock, nanoseconds.
    public var monoNs: UInt64
    /// Fencing epoch of the writer that produced the event.
    public var epoch: UInt32
    /// Venue execution id of a fill (Binance `t`, OKX `tradeId`, Bybit `execId`): the same trade is booked once.
    public var tradeId: String?
    /// Fee of a fill in the fee asset (negative = rebate).
    public var fee: Qty?

    /// An entry with every field given; optional fields default to absent.
    public init(kind: JournalEventKind, reason: String? = nil, venue: Venue, instrument: InstrumentId? = nil,
                clientOrderId: String, venueOrderId: String? = nil, parentId: String? = nil,
                price: Price? = nil, qty: Qty? = nil, wallMs: Int64, monoNs: UInt64, epoch: UInt32,
                tradeId: String? = nil, fee: Qty? = nil) {
        self.kind = kind
        self.reason = reason
        self.venue = venue
        self.instrument = instrument
        self.clientOrderId = clientOrderId
        self.venueOrderId = venueOrderId
        self.parentId = parentId
        self.price = price
        self.qty = qty
        self.wallMs = wallMs
        self.monoNs = monoNs
        self.epoch = epoch
        self.tradeId = tradeId
        self.fee = fee
    }
}
