public import PropCore

/// One instrument's position with an exact cost basis (average-cost method). The basis is a USDT amount, not a
/// rounded average price: a reduction removes its proportional share of the basis rounded once and leaves the
/// remainder in the basis, so realized PnL plus remaining basis always add up to the cash that moved.
public struct PositionState: Sendable, Hashable {
    public let instrument: InstrumentId
    /// Signed base quantity: long > 0, short < 0.
    public internal(set) var qty: Qty
    /// Latest mark price; `nil` until the first mark arrives.
    public internal(set) var mark: Price?
    /// Fills booked on this instrument.
    public internal(set) var fillCount: Int = 0

    // USDT mantissas at 8 decimals; signed basis has the sign of the position (a short's basis is −proceeds).
    var basisUnits: Int64 = 0
    var realizedUnits: Int64 = 0
    var makerFeeUnits: Int64 = 0
    var takerFeeUnits: Int64 = 0
    var rebateUnits: Int64 = 0
    var fundingInUnits: Int64 = 0
    var fundingOutUnits: Int64 = 0
    var tradedUnits: Int64 = 0

    /// A flat position with nothing booked.
    public init(instrument: InstrumentId) {
        self.instrument = instrument
        self.qty = Qty(units: 0, scale: 0)
    }

    /// Signed cost basis in USDT: what the open long cost (> 0) or minus what the open short took in (< 0).
    public var costBasis: Qty { PortfolioMath.usdt(basisUnits) }
    /// Realized PnL in USDT before fees and funding.
    public var realizedPnl: Qty { PortfolioMath.usdt(realizedUnits) }
    /// Fees paid on maker fills, USDT (rebates are counted separately).
    public var makerFees: Qty { PortfolioMath.usdt(makerFeeUnits) }
    /// Fees paid on taker fills, USDT.
    public var takerFees: Qty { PortfolioMath.usdt(takerFeeUnits) }
    /// Rebates received (negative fees), USDT, as a positive amount.
    public var rebates: Qty { PortfolioMath.usdt(rebateUnits) }
    /// Maker + taker fees − rebates.
    public var netFees: Qty { PortfolioMath.usdt(netFeeUnits) }
    /// Funding received, USDT, positive.
    public var fundingReceived: Qty { PortfolioMath.usdt(fundingInUnits) }
    /// Funding paid, USDT, positive.
    public var fundingPaid: Qty { PortfolioMath.usdt(fundingOutUnits) }
    /// Funding received − paid.
    public var funding: Qty { PortfolioMath.usdt(fundingUnits) }
    /// Σ |price × qty| over fills, USDT.
    public var notionalTraded: Qty { PortfolioMath.usdt(tradedUnits) }
    /// Whether the position is flat.
    public var isFlat: Bool { qty.isZero }

    var netFeeUnits: Int64 { PortfolioMath.satSub(PortfolioMath.sat(makerFeeUnits, takerFeeUnits), rebateUnits) }
    var fundingUnits: Int64 { PortfolioMath.satSub(fundingInUnits, fundingOutUnits) }

    /// Average entry price |basis| / |qty| at 8 decimals, for display only; `nil` when flat.
    public var averageEntryPrice: Price? {
        guard !qty.isZero, PortfolioMath.validScale(qty.scale),
              let p = PortfolioMath.mulDivNearest(basisUnits, FixedMath.pow10[qty.scale], Int64(clamping: qty.units.magnitude))
        else { return nil }
        return Price(units: abs(p), scale: PortfolioMath.scale)
    }

    /// qty × mark in USDT, `nil` while there is no mark.
    public var markValue: Qty? { mark.map { PortfolioMath.usdt(Self.value(qty, mark: $0, basis: basisUnits)) } }

    /// Signed USDT value: qty × mark, or the cost basis while no mark has arrived (so unmarked positions count at cost).
    public var value: Qty { PortfolioMath.usdt(valueUnits) }
    var valueUnits: Int64 { Self.value(qty, mark: mark, basis: basisUnits) }

    /// value − basis. Zero while no mark has arrived: an unmarked position is carried at cost, not guessed.
    public var unrealizedPnl: Qty { PortfolioMath.usdt(unrealizedUnits) }
    var unrealizedUnits: Int64 { PortfolioMath.satSub(valueUnits, basisUnits) }

    /// realized + unrealized − fees + funding.
    public var netPnl: Qty { PortfolioMath.usdt(netPnlUnits) }
    var netPnlUnits: Int64 {
        PortfolioMath.sat(PortfolioMath.satSub(PortfolioMath.sat(realizedUnits, unrealizedUnits), netFeeUnits), fundingUnits)
    }

    /// The cash this instrument has moved: realized − basis − fees + funding (the exact identity of the ledger).
    var cashFlowUnits: Int64 {
        PortfolioMath.sat(PortfolioMath.satSub(PortfolioMath.satSub(realizedUnits, basisUnits), netFeeUnits), fundingUnits)
    }

    /// Signed `qty × mark`, or `basis` without a mark; saturates (and so fails the invariants) if out of range.
    static func value(_ qty: Qty, mark: Price?, basis: Int64) -> Int64 {
        guard let mark else { return basis }
        return PortfolioMath.notional(mark, qty) ?? (qty.isNegative ? -Int64.max : Int64.max)
    }
}
