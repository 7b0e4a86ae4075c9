public import PropCore

/// A broken portfolio invariant or an input the portfolio could not book exactly. The caller HOLDs on any of
/// them; the portfolio never adjusts its numbers to make one go away. `expected` and `actual` are exact decimals.
public struct PortfolioViolation: PropError, Hashable, Codable {
    /// What disagreed; the raw value is the stable code.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Position state ≠ Σ signed fill quantities.
        case positionVsFills = "portfolio_position_vs_fills"
        /// Σ fills ≠ the position the order manager or the venue reports.
        case positionVsExpected = "portfolio_position_vs_expected"
        /// Cash ledger ≠ cash derived from realized PnL, basis, fees and funding.
        case cashMismatch = "portfolio_cash_mismatch"
        /// realized + unrealized − fees + funding ≠ equity − starting cash.
        case equityMismatch = "portfolio_equity_mismatch"
        /// A fill that could not be booked exactly (bad size or price, amounts out of range).
        case fillRefused = "portfolio_fill_refused"
        /// A funding payment that could not be booked exactly.
        case fundingRefused = "portfolio_funding_refused"
        /// Starting cash that could not be represented exactly.
        case startingCashRefused = "portfolio_starting_cash_refused"
    }

    public let kind: Kind
    public let instrument: InstrumentId?
    public let venue: Venue?
    /// The reference value (the independent book, or what the caller expected).
    public let expected: String
    /// The value the portfolio actually holds.
    public let actual: String
    /// Extra identification: the trade key or funding id of a refused input.
    public let detail: String?

    /// A violation; `venue` defaults to the instrument's venue.
    public init(_ kind: Kind, instrument: InstrumentId? = nil, venue: Venue? = nil, expected: String, actual: String,
                detail: String? = nil) {
        self.kind = kind; self.instrument = instrument; self.venue = venue ?? instrument?.venue
        self.expected = expected; self.actual = actual; self.detail = detail
    }

    public var code: String { kind.rawValue }

    /// Russian text with both numbers, the HOLD consequence and what to check.
    public var messageRu: String { "\(problemRu): торговля остановлена (HOLD); \(hintRu)" }

    private var whereRu: String { instrument?.description ?? venue?.canonicalName ?? "всего" }

    private var problemRu: String {
        switch kind {
        case .positionVsFills: "Позиция \(whereRu) по учёту портфеля \(actual), по сумме сделок \(expected)"
        case .positionVsExpected: "Позиция \(whereRu) по журналу \(expected), по сделкам \(actual)"
        case .cashMismatch:
            "Деньги \(whereRu) по движению средств \(expected) USDT, по PnL и себестоимости позиций \(actual) USDT"
        case .equityMismatch:
            "Капитал \(whereRu) минус стартовый \(expected) USDT, а реализованный + нереализованный PnL − комиссии + фандинг \(actual) USDT"
        case .fillRefused: "Сделка \(detail ?? "") на \(expected) по \(whereRu) не учтена (учтено \(actual)): неверные данные или сумма вне точного диапазона"
        case .fundingRefused: "Фандинг \(detail ?? "") на \(expected) USDT по \(whereRu) не учтён (учтено \(actual)): сумма вне точного диапазона"
        case .startingCashRefused: "Стартовый баланс \(whereRu) \(expected) USDT не принят (учтено \(actual)): сумма вне точного диапазона"
        }
    }

    public var hintRu: String {
        switch kind {
        case .positionVsFills, .positionVsExpected: "сверьте сделки на бирже"
        case .cashMismatch, .equityMismatch: "сверьте сделки, комиссии и фандинг с выпиской биржи"
        case .fillRefused, .fundingRefused: "проверьте эту запись на бирже и в журнале"
        case .startingCashRefused: "проверьте стартовый баланс в профиле"
        }
    }
}
