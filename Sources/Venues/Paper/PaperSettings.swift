public import PropCore

/// Maker and taker fee rates as fractions of notional (0.0002 = 0.02 %).
public struct PaperFees: Sendable, Hashable {
    public var maker: Qty
    public var taker: Qty

    /// Explicit rates.
    public init(maker: Qty, taker: Qty) { self.maker = maker; self.taker = taker }

    /// The venue's base-tier USDT-perpetual rates: Binance 0.02/0.05 %, OKX 0.02/0.05 %, Bybit 0.02/0.055 %.
    public static func standard(for venue: Venue) -> PaperFees {
        switch venue {
        case .binance, .okx: PaperFees(maker: Qty(units: 2, scale: 4), taker: Qty(units: 5, scale: 4))
        case .bybit: PaperFees(maker: Qty(units: 2, scale: 4), taker: Qty(units: 55, scale: 5))
        }
    }
}

/// How one paper venue behaves; see `PaperTradingVenue` for the model these numbers feed.
public struct PaperSettings: Sendable, Hashable {
    /// Which venue is imitated (fees, IOC remainder status, ids).
    public var venue: Venue
    /// Time from submission until an order reaches the (imaginary) matching engine.
    public var latencyMs: Int64
    /// USDT wallet balance at start.
    public var startingBalance: Qty
    /// Leverage used for the margin check (initial margin = notional / leverage).
    public var leverage: Int64
    /// Fee rates.
    public var fees: PaperFees
    /// Seed of the venue order ids and trade ids (two runs with the same seed and events produce the same ids).
    public var seed: UInt64
    /// Base-coin amount of one quantity unit per instrument (OKX contracts); 1 when absent.
    public var contractValues: [InstrumentId: Qty]

    /// Settings with the documented defaults: 5 ms latency, 10 000 USDT, leverage 10, the venue's standard fees.
    public init(venue: Venue, latencyMs: Int64 = 5, startingBalance: Qty = Qty(units: 10_000, scale: 0),
                leverage: Int64 = 10, fees: PaperFees? = nil, seed: UInt64 = 1, contractValues: [InstrumentId: Qty] = [:]) {
        self.venue = venue; self.latencyMs = max(0, latencyMs); self.startingBalance = startingBalance
        self.leverage = max(1, leverage); self.fees = fees ?? .standard(for: venue); self.seed = seed
        self.contractValues = contractValues
    }

    /// Base-coin amount of `qty` venue units of `instrument`.
    func baseQuantity(_ qty: Qty, of instrument: InstrumentId) -> Qty {
        guard let cv = contractValues[instrument] else { return qty }
        return Qty(units: qty.units * cv.units, scale: qty.scale + cv.scale)
    }

    /// Status the venue gives the unfilled rest of an IOC/FOK/market order: Binance `EXPIRED`, OKX and Bybit cancelled.
    var remainderStatus: VenueOrderStatus { venue == .binance ? .expired : .canceled }
}
