/// Result of replaying recorded market data: counters over all books and the final top of each book.
/// Encodes to `{"venue","messages","gaps","resyncs","checksum_failures","malformed","books":{SYM:{…}}}`.
public struct ReplayReport: Sendable, Encodable, Equatable {
    /// Final top of one book.
    public struct BookTop: Sendable, Encodable, Equatable {
        public var bid: String?
        public var bidQty: String?
        public var ask: String?
        public var askQty: String?
        public var valid: Bool

        enum CodingKeys: String, CodingKey {
            case bid, ask, valid
            case bidQty = "bid_qty"
            case askQty = "ask_qty"
        }

        public init(bid: String?, bidQty: String?, ask: String?, askQty: String?, valid: Bool) {
            self.bid = bid; self.bidQty = bidQty; self.ask = ask; self.askQty = askQty; self.valid = valid
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(bid, forKey: .bid)
            try c.encode(bidQty, forKey: .bidQty)
            try c.encode(ask, forKey: .ask)
            try c.encode(askQty, forKey: .askQty)
            try c.encode(valid, forKey: .valid)
        }
    }

    public var venue: String
    /// WS frames received plus REST depth snapshots fed to the books.
    public var messages: Int
    public var gaps: Int
    public var resyncs: Int
    public var checksumFailures: Int
    /// Frames the codec rejected plus depth messages the book sync rejected as malformed.
    public var malformed: Int
    /// Keyed by native symbol; only instruments that received depth data.
    public var books: [String: BookTop]

    enum CodingKeys: String, CodingKey {
        case venue, messages, gaps, resyncs, malformed, books
        case checksumFailures = "checksum_failures"
    }

    public init(venue: String, messages: Int, gaps: Int, resyncs: Int, checksumFailures: Int, malformed: Int, books: [String: BookTop]) {
        self.venue = venue; self.messages = messages; self.gaps = gaps; self.resyncs = resyncs
        self.checksumFailures = checksumFailures; self.malformed = malformed; self.books = books
    }
}
