public import PropCore

/// One order in the simulated account: the report the venue would show plus the integer mantissas the
/// matcher works with (price at the instrument's `priceScale`, quantities at its `qtyScale`).
struct SimOrder: Sendable {
    /// What queries and stream events show.
    var report: OrderReport
    /// Index of the instrument in `SyntheticMarket.instruments`.
    let instrumentIndex: Int
    /// Limit price mantissa; nil for market orders.
    var priceUnits: Int64?
    /// Original quantity mantissa.
    var qtyUnits: Int64
    /// Filled quantity mantissa.
    var filledUnits: Int64 = 0
    /// Σ price mantissa × qty mantissa of the fills, for the average price.
    var sumPriceQty: Int64 = 0
    /// Time priority among resting orders (placement sequence).
    let sequence: Int64
    /// Venue time the order was accepted, Unix ms.
    let createdMs: Int64

    /// Quantity still open.
    var remainingUnits: Int64 { qtyUnits - filledUnits }
    var side: OrderSide { report.side }
    var isOpen: Bool { !report.status.isFinal }
}

/// One net position (one-way mode): signed size and its cost basis.
struct SimPosition: Sendable {
    /// Signed size mantissa at the instrument's `qtyScale` (positive long).
    var qtyUnits: Int64 = 0
    /// Entry value of the open size in USDT at scale 8 (always ≥ 0).
    var costE8: Int64 = 0
}

/// A booked funding payment.
public struct SimFundingPayment: Sendable, Hashable {
    /// Instrument the position was in.
    public var instrument: InstrumentId
    /// USDT received (negative = paid).
    public var amount: Qty
    /// Funding time, Unix ms.
    public var tsMs: Int64
}

/// The account ledger totals of one venue, for tests and the admin view: every USDT movement since start.
public struct SimLedger: Sendable, Hashable {
    /// Starting wallet balance.
    public var startE8: Int64
    /// Current wallet balance.
    public var walletE8: Int64
    /// Σ realised PnL.
    public var realisedE8: Int64
    /// Σ fees paid.
    public var feesE8: Int64
    /// Σ funding received (negative = paid).
    public var fundingE8: Int64
}
