public import PropCore

/// `GET /live-readiness`: may this instance trade right now, and if not, why and what to do. Fails closed:
/// any active HOLD, SLO breach, red P0 component, missing quorum or lost leadership makes it not ready.
public struct LiveReadiness: Sendable, Hashable, Encodable {
    public var ready: Bool
    public var reasons: [ReadinessReason]
    /// What to do, in Russian; empty when ready.
    public var adviceRu: String
    public var leader: Bool
    public var fencingToken: UInt64?
    /// Per venue: whether trading there is halted.
    public var venueHalt: [String: Bool]
    public var dataQuorum: DataQuorum
    /// The SLO block (§10.1) plus `clock_skew_ms`.
    public var metrics: SLOValues
    public var clockSkewMs: Double?
    public var state: ControlState
    public var ts: String

    enum CodingKeys: String, CodingKey {
        case ready, ok, reasons
        case adviceRu = "advice_ru"
        case leader
        case fencingToken = "fencing_token"
        case venueHalt = "venue_halt"
        case dataQuorum = "data_quorum"
        case metrics
        case clockSkewMs = "clock_skew_ms"
        case state, ts
    }

    /// Writes `ok` beside `ready` (the spec uses both names) and nulls explicitly.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ready, forKey: .ready)
        try c.encode(ready, forKey: .ok)
        try c.encode(reasons, forKey: .reasons)
        try c.encode(adviceRu, forKey: .adviceRu)
        try c.encode(leader, forKey: .leader)
        try c.encode(fencingToken, forKey: .fencingToken)
        try c.encode(venueHalt, forKey: .venueHalt)
        try c.encode(dataQuorum, forKey: .dataQuorum)
        try c.encode(metrics, forKey: .metrics)
        try c.encode(clockSkewMs, forKey: .clockSkewMs)
        try c.encode(state, forKey: .state)
        try c.encode(ts, forKey: .ts)
    }
}
