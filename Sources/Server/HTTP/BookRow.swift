import Hummingbird

/// One element of `GET /api/md/books`: the top of one venue's book for one instrument.
public struct BookRow: ResponseEncodable, Equatable, Sendable {
    public var instrument: String
    public var venue: String
    public var symbol: String
    public var bid: String?
    public var bidQty: String?
    public var ask: String?
    public var askQty: String?
    /// False while the book is syncing or after a gap, checksum failure, crossed book or malformed frame.
    public var valid: Bool
    /// True when no update arrived within `stale_ms`.
    public var stale: Bool
    /// Milliseconds since the last update, `nil` before the first one.
    public var ageMs: Int64?
    /// Last applied venue sequence number.
    public var seq: Int64

    public init(instrument: String, venue: String, symbol: String, bid: String?, bidQty: String?, ask: String?,
                askQty: String?, valid: Bool, stale: Bool, ageMs: Int64?, seq: Int64) {
        self.instrument = instrument; self.venue = venue; self.symbol = symbol; self.bid = bid; self.bidQty = bidQty
        self.ask = ask; self.askQty = askQty; self.valid = valid; self.stale = stale; self.ageMs = ageMs; self.seq = seq
    }

    enum CodingKeys: String, CodingKey {
        case instrument, venue, symbol, bid, ask, valid, stale, seq
        case bidQty = "bid_qty", askQty = "ask_qty", ageMs = "age_ms"
    }

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
