import PropCore

/// What the caller knows about one instrument's market at decision time.
public struct RiskMarket: Sendable, Hashable {
    public var bestBid: Price?
    public var bestAsk: Price?
    /// Milliseconds since the book was last updated (the caller's clock).
    public var bookAgeMs: UInt64?
    public var mark: Price?
    public var index: Price?
    /// Funding rate per interval, as a fraction (`0.0001` = 1 bp).
    public var funding: FundingRate?

    public init(bestBid: Price? = nil, bestAsk: Price? = nil, bookAgeMs: UInt64? = nil, mark: Price? = nil,
                index: Price? = nil, funding: FundingRate? = nil) {
        self.bestBid = bestBid; self.bestAsk = bestAsk; self.bookAgeMs = bookAgeMs
        self.mark = mark; self.index = index; self.funding = funding
    }

    /// (bid + ask) / 2 when both sides exist, truncated to one more decimal than the wider input.
    public var mid: Price? {
        guard let b = bestBid, let a = bestAsk else { return nil }
        let s = Swift.min(Swift.max(b.scale, a.scale) + 1, fixedPointMaxScale)
        guard let b2 = b.rescaled(to: s), let a2 = a.rescaled(to: s) else { return nil }
        let (sum, o) = b2.units.addingReportingOverflow(a2.units)
        return o ? nil : Price(units: sum / 2, scale: s)
    }
}

/// The exposure and market state a risk decision is taken against; filled by the caller, no I/O here.
public struct RiskSnapshot: Sendable, Hashable {
    /// Signed position notional in USDT per instrument (long > 0, short < 0).
    public var positions: [InstrumentId: Qty]
    public var openArbitrages: Int
    public var inFlightOrders: Int
    /// Account equity in USDT.
    public var equity: Qty
    /// Realised + unrealised PnL since the start of the trading day, USDT (loss < 0).
    public var pnlToday: Qty
    /// Highest equity seen today, USDT (the drawdown reference).
    public var peakEquityToday: Qty
    public var markets: [InstrumentId: RiskMarket]

    public init(positions: [InstrumentId: Qty] = [:], openArbitrages: Int = 0, inFlightOrders: Int = 0,
                equity: Qty, pnlToday: Qty = .zero, peakEquityToday: Qty? = nil,
                markets: [InstrumentId: RiskMarket] = [:]) {
        self.positions = positions; self.openArbitrages = openArbitrages; self.inFlightOrders = inFlightOrders
        self.equity = equity; self.pnlToday = pnlToday; self.peakEquityToday = peakEquityToday ?? equity
        self.markets = markets
    }

    /// Signed position on one instrument (zero if none); `Int64.min` units (no magnitude) read as `-Int64.max`.
    public func position(_ id: InstrumentId) -> Qty { Self.sane(positions[id] ?? .zero) }

    static func sane(_ q: Qty) -> Qty { q.units == Int64.min ? Qty(units: -Int64.max, scale: q.scale) : q }

    /// Σ|position| on one venue (saturating: absurd inputs fail the caps instead of trapping).
    public func venueGross(_ venue: Venue) -> Qty {
        positions.reduce(Qty.zero) { $1.key.venue == venue ? .sat($0, Self.sane($1.value).magnitude) : $0 }
    }

    /// Σ|position| over all venues.
    public var globalGross: Qty { positions.values.reduce(Qty.zero) { .sat($0, Self.sane($1).magnitude) } }

    /// Σ position per base asset over all venues.
    public func net(base: String) -> Qty {
        positions.reduce(Qty.zero) { $1.key.base == base ? .sat($0, Self.sane($1.value)) : $0 }
    }
}
