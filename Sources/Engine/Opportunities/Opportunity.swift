public import PropCore

/// One evaluated buy-on-A / sell-on-B opportunity for one size and execution style. Money fields are quote
/// currency (USDT) at 8 decimals, exact; the `…Bps` fields are for display only (relative to the buy notional).
public struct Opportunity: Sendable, Equatable {
    /// The asset pair (`BTC-USDT`).
    public var pair: String
    /// Venue we buy on (go long).
    public var buyVenue: Venue
    /// Venue we sell on (go short).
    public var sellVenue: Venue
    /// How the legs execute.
    public var style: ExecutionStyle
    /// Size in base coin, on both venues' lot grids (zero when it could not be sized).
    public var sizeBase: Qty
    /// The buy leg, when the book allowed computing it.
    public var buyLeg: LegQuote?
    /// The sell leg, when the book allowed computing it.
    public var sellLeg: LegQuote?
    /// Sell proceeds − buy cost, at the walked VWAPs (maker leg at its own price).
    public var grossEdge: Qty = .zero
    /// Both legs' fees.
    public var fees: Qty = .zero
    /// Both legs' cost of walking past the top of book (already inside `grossEdge`; shown for slippage reports).
    public var expectedSlippage: Qty = .zero
    /// The slippage buffer charged on taker legs.
    public var slippageBuffer: Qty = .zero
    /// Expected funding over the holding time: short leg received − long leg paid (can be negative).
    public var funding: Qty = .zero
    /// grossEdge − fees − slippageBuffer + funding.
    public var netEdge: Qty = .zero
    /// Why it is not tradeable; `nil` when it is.
    public var rejection: OpportunityRejection?

    public init(pair: String, buyVenue: Venue, sellVenue: Venue, style: ExecutionStyle, sizeBase: Qty) {
        self.pair = pair; self.buyVenue = buyVenue; self.sellVenue = sellVenue; self.style = style; self.sizeBase = sizeBase
    }

    /// Whether it passed every check and the threshold.
    public var isTradeable: Bool { rejection == nil }
    /// The reason in Russian when not tradeable.
    public var reasonRu: String? { rejection?.messageRu }

    /// Buy leg notional, the denominator of every bps figure.
    public var buyNotional: Qty { buyLeg?.notional ?? .zero }
    /// `grossEdge` in bps of the buy notional.
    public var grossEdgeBps: Double { bps(grossEdge) }
    /// `fees` in bps.
    public var feesBps: Double { bps(fees) }
    /// `expectedSlippage` in bps.
    public var expectedSlippageBps: Double { bps(expectedSlippage) }
    /// `slippageBuffer` in bps.
    public var slippageBufferBps: Double { bps(slippageBuffer) }
    /// `funding` in bps.
    public var fundingBps: Double { bps(funding) }
    /// `netEdge` in bps.
    public var netEdgeBps: Double { bps(netEdge) }

    func bps(_ amount: Qty) -> Double {
        let d = buyNotional.doubleValue
        return d > 0 ? amount.doubleValue / d * 10_000 : 0
    }
}
