public import PropCore

/// Read-only top of one book as the API and UI show it: prices and sizes as exact decimal strings.
public struct BookView: Sendable, Codable, Hashable {
    /// Canonical instrument id.
    public var instrument: InstrumentId
    /// Venue of the book.
    public var venue: Venue
    /// The venue's own symbol.
    public var symbol: String
    /// Best bid price, `nil` when that side is empty or the book was never synced.
    public var bid: String?
    /// Size at the best bid, in the venue's quantity unit (contracts on OKX).
    public var bidQty: String?
    /// Best ask price.
    public var ask: String?
    /// Size at the best ask.
    public var askQty: String?
    /// The book is synced and continuous (no gap, checksum failure or disconnect since the last snapshot).
    public var valid: Bool
    /// No update for longer than the feed's `staleMs` (or never updated).
    public var stale: Bool
    /// Milliseconds since the last applied update, `nil` before the first.
    public var ageMs: Int64?
    /// Venue sequence of the last applied update (`u`/`seqId`).
    public var seq: Int64

    /// A view with every field given.
    public init(instrument: InstrumentId, venue: Venue, symbol: String, bid: String?, bidQty: String?,
                ask: String?, askQty: String?, valid: Bool, stale: Bool, ageMs: Int64?, seq: Int64) {
        self.instrument = instrument; self.venue = venue; self.symbol = symbol; self.bid = bid; self.bidQty = bidQty
        self.ask = ask; self.askQty = askQty; self.valid = valid; self.stale = stale; self.ageMs = ageMs; self.seq = seq
    }

    enum CodingKeys: String, CodingKey {
        case instrument, venue, symbol, bid, ask, valid, stale, seq
        case bidQty = "bid_qty", askQty = "ask_qty", ageMs = "age_ms"
    }

    /// Every key is always present (`null` for an empty side), so API clients see one fixed shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(instrument, forKey: .instrument)
        try c.encode(venue, forKey: .venue)
        try c.encode(symbol, forKey: .symbol)
        try c.encode(bid, forKey: .bid)
        try c.encode(bidQty, forKey: .bidQty)
        try c.encode(ask, forKey: .ask)
        try c.encode(askQty, forKey: .askQty)
        try c.encode(valid, forKey: .valid)
        try c.encode(stale, forKey: .stale)
        try c.encode(ageMs, forKey: .ageMs)
        try c.encode(seq, forKey: .seq)
    }
}
