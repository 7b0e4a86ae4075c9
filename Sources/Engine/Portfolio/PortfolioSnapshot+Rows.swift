extension PortfolioSnapshot {
    /// One instrument's position and PnL.
    public struct PositionRow: Sendable, Hashable, Codable {
        /// Canonical id, e.g. `BINANCE:PERP:BTC-USDT`.
        public var instrument: String
        public var venue: String
        public var base: String
        /// Signed base quantity.
        public var qty: String
        /// |basis| / |qty| at 8 decimals, display only; `nil` when flat.
        public var avgEntryPrice: String?
        /// Signed cost basis, USDT.
        public var costBasis: String
        public var mark: String?
        /// Signed qty × mark, USDT; `nil` without a mark.
        public var markValue: String?
        /// `false` while no mark has arrived: then the position is carried at cost and unrealized PnL is 0.
        public var marked: Bool
        public var pnl: Amounts

        /// Row from its parts.
        public init(instrument: String, venue: String, base: String, qty: String, avgEntryPrice: String?,
                    costBasis: String, mark: String?, markValue: String?, marked: Bool, pnl: Amounts) {
            self.instrument = instrument; self.venue = venue; self.base = base; self.qty = qty
            self.avgEntryPrice = avgEntryPrice; self.costBasis = costBasis; self.mark = mark
            self.markValue = markValue; self.marked = marked; self.pnl = pnl
        }

        enum CodingKeys: String, CodingKey {
            case instrument, venue, base, qty, mark, marked, pnl
            case avgEntryPrice = "avg_entry_price", costBasis = "cost_basis", markValue = "mark_value"
        }
    }

    /// One venue's PnL, cash and equity.
    public struct VenueRow: Sendable, Hashable, Codable {
        public var venue: String
        public var pnl: Amounts

        /// Row from its parts.
        public init(venue: String, pnl: Amounts) { self.venue = venue; self.pnl = pnl }
    }

    /// One invariant violation for the operator.
    public struct ViolationRow: Sendable, Hashable, Codable {
        public var code: String
        public var instrument: String?
        public var venue: String?
        public var expected: String
        public var actual: String
        public var messageRu: String

        /// The row for one violation.
        public init(_ v: PortfolioViolation) {
            code = v.code; instrument = v.instrument?.description; venue = v.venue?.rawValue
            expected = v.expected; actual = v.actual; messageRu = v.messageRu
        }

        enum CodingKeys: String, CodingKey {
            case code, instrument, venue, expected, actual
            case messageRu = "message_ru"
        }
    }
}
