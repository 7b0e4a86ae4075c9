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

    struct RouteKey: Hashable, Comparable {
        var buy: Int, sell: Int, style: ExecutionStyle
        static func < (a: RouteKey, b: RouteKey) -> Bool {
            (a.buy, a.sell, a.style.rawValue) < (b.buy, b.sell, b.style.rawValue)
        }
    }

    var entries: [RouteKey: Entry] = [:]
    /// Opportunities evaluated since start (bound checks and full walks).
    public internal(set) var evaluations: UInt64 = 0
    /// Full book walks since start.
    public internal(set) var walks: UInt64 = 0
    /// Net edges (bps) of full walks not yet taken by `drainEdges()`, bounded.
    var pendingEdges: [Double] = []

    /// Every route's latest entry, best net edge first.
    public var all: [Entry] {
        entries.sorted { $0.key < $1.key }.map(\.value)
            .sorted { $0.opportunity.netEdgeBps > $1.opportunity.netEdgeBps }
    }


    mutating func record(_ key: RouteKey, _ entry: Entry) {
        entries[key] = entry
        if entry.walked {
            walks &+= 1
            if pendingEdges.count < 10_000 { pendingEdges.append(entry.opportunity.netEdgeBps) }
        }
    }

    /// Marks the latest entry of a route with the engine's verdict.
    mutating func annotate(_ key: RouteKey, _ annotation: Annotation) {
        entries[key]?.annotation = annotation
    }

    /// The engine's verdict on a route, its text formatted only when read.
    enum Annotation: Sendable {
        case text(code: String, ru: String)
        case block(PairBlock)

        var code: String {
            switch self {
            case .text(let code, _): code
            case .block(let b): b.code
            }
        }

        var ru: String {
            switch self {
            case .text(_, let ru): ru
            case .block(let b): b.ru
            }
        }
    }

    /// Net edges of the walks since the last call (the metrics exporter's histogram input).
    public mutating func drainEdges() -> [Double] {
        defer { pendingEdges.removeAll(keepingCapacity: true) }
        return pendingEdges
    }
}
