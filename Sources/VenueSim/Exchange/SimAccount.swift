import PropCore

/// One venue's simulated account: wallet, orders (open and recent final ones), every client id ever
/// used, positions, fills and funding payments. A value type owned by the `SimState` actor.
struct SimAccount: Sendable {
    /// Final orders kept for queries; older ones are forgotten (their client ids stay reserved).
    static let finalOrdersKept = 10_000
    /// Fills kept for `fills(since:)` queries.
    static let fillsKept = 50_000

    let venue: Venue
    let startE8: Int64
    var walletE8: Int64
    var realisedE8: Int64 = 0
    var feesE8: Int64 = 0
    var fundingE8: Int64 = 0
    /// Open orders by venue order id.
    var open: [String: SimOrder] = [:]
    /// Final orders by venue order id, and their ids oldest first (for the bound).
    var final: [String: SimOrder] = [:]
    private var finalIds: [String] = []
    private var finalIdsHead = 0
    /// Every client id ever accepted → its venue order id.
    var clientIds: [String: String] = [:]
    /// Positions by instrument index.
    var positions: [Int: SimPosition] = [:]
    var fills: [FillReport] = []
    /// Fills of each known order (open or kept final), by venue order id, for per-order lookups.
    var fillsByOrder: [String: [FillReport]] = [:]
    var funding: [SimFundingPayment] = []
    private var nextOrderId: Int64
    private var nextTradeId: Int64
    private var nextSequence: Int64 = 0

    init(venue: Venue, startE8: Int64) {
        self.venue = venue
        self.startE8 = startE8
        walletE8 = startE8
        // Id ranges that look like each venue's own (Binance ~10 digits, OKX ~19 digits, Bybit numeric here).
        switch venue {
        case .binance: nextOrderId = 8_389_765_000_000; nextTradeId = 5_000_000_000
        case .okx: nextOrderId = 700_000_000_000_000_000; nextTradeId = 300_000_000
        case .bybit: nextOrderId = 1_900_000_000_000; nextTradeId = 9_000_000_000
        }
    }

    /// A fresh venue order id and time-priority sequence.
    mutating func newOrderId() -> (id: String, sequence: Int64) {
        nextOrderId += 1; nextSequence += 1
        return (String(nextOrderId), nextSequence)
    }

    /// A fresh trade id, unique per venue.
    mutating func newTradeId() -> String {
        nextTradeId += 1
        return String(nextTradeId)
    }

    /// The order with this venue id or client id, open or final.
    func order(clientOrderId: String?, venueOrderId: String?) -> SimOrder? {
        guard let id = venueOrderId ?? clientOrderId.flatMap({ clientIds[$0] }) else { return nil }
        if let o = open[id] ?? final[id] {
            if let c = clientOrderId, o.report.clientOrderId != c { return nil }
            return o
        }
        return nil
    }

    /// Stores an order where its status says it belongs (open or final).
    mutating func store(_ order: SimOrder) {
        let id = order.report.venueOrderId
        if order.isOpen {
            open[id] = order
            return
        }
        open[id] = nil
        if final.updateValue(order, forKey: id) == nil { finalIds.append(id) }
        if finalIds.count - finalIdsHead > Self.finalOrdersKept {
            final[finalIds[finalIdsHead]] = nil
            fillsByOrder[finalIds[finalIdsHead]] = nil
            finalIdsHead += 1
            if finalIdsHead > 4_096 { finalIds.removeFirst(finalIdsHead); finalIdsHead = 0 }
        }
    }

    /// Records a fill, keeping the bound.
    mutating func record(_ fill: FillReport) {
        fills.append(fill)
        fillsByOrder[fill.venueOrderId, default: []].append(fill)
        if fills.count > Self.fillsKept + 4_096 { fills.removeFirst(4_096) }
    }

    /// Totals of the ledger.
    var ledger: SimLedger {
        SimLedger(startE8: startE8, walletE8: walletE8, realisedE8: realisedE8, feesE8: feesE8, fundingE8: fundingE8)
    }
}
