public import CoreMetrics
import PropCore

/// The order path's metric handles, created once from the injected factory (no global metrics system).
public final class ExecutionMetrics: Sendable {
    private let factory: any MetricsFactory
    private let orders: [String: Counter]
    private let fills: [Venue: Counter]
    private let orphans: [Venue: Counter]
    private let placeAck: [Venue: CoreMetrics.Timer]
    let unresolved: Gauge
    let hold: Gauge

    static let outcomes = ["accepted", "rejected", "denied", "unresolved"]

    public init(factory: any MetricsFactory) {
        self.factory = factory
        var o: [String: Counter] = [:]
        var f: [Venue: Counter] = [:], orphan: [Venue: Counter] = [:], ack: [Venue: CoreMetrics.Timer] = [:]
        for venue in Venue.allCases {
            for outcome in Self.outcomes {
                o["\(venue.rawValue)|\(outcome)"] = Counter(label: "exec_orders_total",
                                                            dimensions: [("venue", venue.rawValue), ("outcome", outcome)], factory: factory)
            }
            f[venue] = Counter(label: "exec_fills_total", dimensions: [("venue", venue.rawValue)], factory: factory)
            orphan[venue] = Counter(label: "exec_orphans_cancelled_total", dimensions: [("venue", venue.rawValue)], factory: factory)
            ack[venue] = CoreMetrics.Timer(label: "exec_place_ack", dimensions: [("venue", venue.rawValue)], factory: factory)
        }
        orders = o; fills = f; orphans = orphan; placeAck = ack
        unresolved = Gauge(label: "exec_unresolved_orders", factory: factory)
        hold = Gauge(label: "exec_hold", factory: factory)
    }

    func placed(_ venue: Venue, _ result: PlaceResult, nanos: UInt64) {
        let outcome: String
        switch result {
        case .accepted: outcome = "accepted"; placeAck[venue]?.recordNanoseconds(Int64(nanos))
        case .rejected: outcome = "rejected"
        case .denied: outcome = "denied"
        case .unresolved: outcome = "unresolved"
        }
        orders["\(venue.rawValue)|\(outcome)"]?.increment()
    }

    func filled(_ venue: Venue) { fills[venue]?.increment() }
    func orphanCancelled(_ venue: Venue) { orphans[venue]?.increment() }
}
