public import PropCore

/// The latest evaluation of every route (pair × buy venue × sell venue × style), with the reason it is not
/// traded, for `GET /api/opportunities`; plus counters for `opps_per_sec` and the edge histogram.
public struct OpportunityBoard: Sendable {
    /// One route's latest evaluation.
    public struct Entry: Sendable, Equatable {
        public var opportunity: Opportunity
        /// Book ages of the buy and sell venues at evaluation, ms.
        public var buyBookAgeMs: UInt64?
        public var sellBookAgeMs: UInt64?
        /// The engine's or the risk gate's verdict on a route the calculator passed (`traded`, `risk_*`, …).
        var annotation: Annotation?
        /// Why it is not traded: the engine's annotation, else the calculator's reason; "traded" when it opened.
        public var reasonCode: String? { annotation?.code ?? opportunity.rejection?.code }
        /// The same in Russian, formatted only when someone reads it (never on the hot path).
        public var reasonRu: String? { annotation?.ru ?? opportunity.reasonRu }

        public static func == (a: Entry, b: Entry) -> Bool {
            a.opportunity == b.opportunity && a.buyBookAgeMs == b.buyBookAgeMs && a.sellBookAgeMs == b.sellBookAgeMs
                && a.annotation?.code == b.annotation?.code && a.annotation?.ru == b.annotation?.ru
                && a.walked == b.walked && a.evaluatedNs == b.evaluatedNs && a.wallMs == b.wallMs
        }
        /// Whether the figures come from the full book walk (false: a top-of-book bound, which is enough to
        /// say the route is below the threshold).
        public var walked: Bool
        public var evaluatedNs: UInt64
        public var wallMs: Int64
    }

    struct RouteKey: Hashable {
        var buy: Int, sell: Int, style: ExecutionStyle
    }

    /// Entries in a flat table (no hashing on the hot path): route `(buy, sell)` of one pair starts at
    /// `routeBase[buy × slots + sell] × 3`, then one entry per style in raw-value order; −1 across pairs.
    /// Bases grow with (buy, sell), so table order is (buy, sell, style) order.
    var entries: [Entry?] = []
    var routeBase: [Int32] = []
    var slotCount = 0
    /// Opportunities evaluated since start (bound checks and full walks).
    public internal(set) var evaluations: UInt64 = 0
    /// Full book walks since start.
    public internal(set) var walks: UInt64 = 0
    /// Net edges (bps) of full walks not yet taken by `drainEdges()`, bounded.
    var pendingEdges: [Double] = []

    /// A board for the routes between slots of the same pair (`pairOfSlot[slot]`).
    init(pairOfSlot: [Int] = []) {
        slotCount = pairOfSlot.count
        routeBase = Array(repeating: -1, count: slotCount * slotCount)
        var next: Int32 = 0
        for buy in 0..<slotCount {
            for sell in 0..<slotCount where sell != buy && pairOfSlot[sell] == pairOfSlot[buy] {
                routeBase[buy * slotCount + sell] = next
                next += 1
            }
        }
        entries = Array(repeating: nil, count: Int(next) * 3)
        pendingEdges.reserveCapacity(256)
    }

    /// Every route's latest entry, best net edge first (ties in route order).
    public var all: [Entry] {
        entries.compactMap { $0 }.sorted { $0.opportunity.netEdgeBps > $1.opportunity.netEdgeBps }
    }

    /// Where a route's entry lives; nil for a route across pairs.
    func index(_ key: RouteKey) -> Int? {
        guard key.buy < slotCount, key.sell < slotCount else { return nil }
        let base = routeBase[key.buy * slotCount + key.sell]
        guard base >= 0 else { return nil }
        let rank = switch key.style { case .makerBuy: 0; case .makerSell: 1; case .takerTaker: 2 }
        return Int(base) * 3 + rank
    }

    /// A route's latest entry.
    func entry(_ key: RouteKey) -> Entry? { index(key).flatMap { entries[$0] } }

    mutating func record(_ key: RouteKey, _ entry: Entry) {
        guard let i = index(key) else { return }
        entries[i] = entry
        if entry.walked {
            walks &+= 1
            if pendingEdges.count < 10_000 { pendingEdges.append(entry.opportunity.netEdgeBps) }
        }
    }

    /// Marks the latest entry of a route with the engine's verdict.
    mutating func annotate(_ key: RouteKey, _ annotation: Annotation) {
        if let i = index(key) { entries[i]?.annotation = annotation }
    }

    /// The engine's verdict on a route, its text formatted only when read.
    enum Annotation: Sendable {
        case text(code: String, ru: String)
        case block(PairBlock)
        case traded(arbitrageId: String)

        var code: String {
            switch self {
            case .text(let code, _): code
            case .block(let b): b.code
            case .traded: "traded"
            }
        }

        var ru: String {
            switch self {
            case .text(_, let ru): ru
            case .block(let b): b.ru
            case .traded(let id): "Открыт арбитраж \(id)"
            }
        }
    }

    /// Net edges of the walks since the last call (the metrics exporter's histogram input).
    public mutating func drainEdges() -> [Double] {
        defer { pendingEdges.removeAll(keepingCapacity: true) }
        return pendingEdges
    }
}
