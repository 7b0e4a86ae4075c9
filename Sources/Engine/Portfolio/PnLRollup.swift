public import PropCore

/// PnL, fees, funding, cash and equity summed over one instrument, one venue or everything, in USDT at 8 decimals.
/// For an instrument, `cash` is the cash it has moved (realized − basis − fees + funding) and `startingCash` is 0,
/// so `equity − startingCash == netPnl` reads the same at every level.
public struct PnLRollup: Sendable, Hashable {
    public var realized = Qty(units: 0, scale: 8)
    /// Zero for positions without a mark (they are carried at cost).
    public var unrealized = Qty(units: 0, scale: 8)
    public var makerFees = Qty(units: 0, scale: 8)
    public var takerFees = Qty(units: 0, scale: 8)
    /// Rebates received, positive.
    public var rebates = Qty(units: 0, scale: 8)
    public var fundingReceived = Qty(units: 0, scale: 8)
    /// Funding paid, positive.
    public var fundingPaid = Qty(units: 0, scale: 8)
    public var notionalTraded = Qty(units: 0, scale: 8)
    public var startingCash = Qty(units: 0, scale: 8)
    public var cash = Qty(units: 0, scale: 8)
    /// Cash + Σ position value at mark (at cost where unmarked).
    public var equity = Qty(units: 0, scale: 8)
    public var fills = 0

    /// An empty rollup.
    public init() {}

    /// Maker + taker fees − rebates.
    public var netFees: Qty { u(PortfolioMath.satSub(PortfolioMath.sat(makerFees.units, takerFees.units), rebates.units)) }
    /// Funding received − paid.
    public var funding: Qty { u(PortfolioMath.satSub(fundingReceived.units, fundingPaid.units)) }
    /// realized + unrealized − fees + funding.
    public var netPnl: Qty {
        u(PortfolioMath.sat(PortfolioMath.satSub(PortfolioMath.sat(realized.units, unrealized.units), netFees.units),
                            funding.units))
    }

    /// One position's figures.
    init(_ p: PositionState) {
        realized = p.realizedPnl; unrealized = p.unrealizedPnl
        makerFees = p.makerFees; takerFees = p.takerFees; rebates = p.rebates
        fundingReceived = p.fundingReceived; fundingPaid = p.fundingPaid
        notionalTraded = p.notionalTraded; fills = p.fillCount
        cash = u(p.cashFlowUnits)
        equity = u(PortfolioMath.sat(p.cashFlowUnits, p.valueUnits))
    }

    /// Adds another rollup's PnL, fee, funding and turnover figures (not cash, equity or starting cash, which the
    /// venue and total levels take from the cash ledger).
    mutating func addFlows(_ o: PnLRollup) {
        func s(_ a: Qty, _ b: Qty) -> Qty { u(PortfolioMath.sat(a.units, b.units)) }
        realized = s(realized, o.realized); unrealized = s(unrealized, o.unrealized)
        makerFees = s(makerFees, o.makerFees); takerFees = s(takerFees, o.takerFees); rebates = s(rebates, o.rebates)
        fundingReceived = s(fundingReceived, o.fundingReceived); fundingPaid = s(fundingPaid, o.fundingPaid)
        notionalTraded = s(notionalTraded, o.notionalTraded); fills += o.fills
    }

    private func u(_ units: Int64) -> Qty { PortfolioMath.usdt(units) }
}
