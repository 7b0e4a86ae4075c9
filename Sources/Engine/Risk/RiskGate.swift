import PropCore

/// The pre-trade risk gate every order passes before the journal. Deterministic: no clock, no I/O; time comes in
/// as `nowNs`, exposure and market state as a `RiskSnapshot`.
///
/// Policy for orders that only reduce exposure (reduce-only, or any order that shrinks the instrument's position
/// without flipping it): they pass the exposure caps, the data guards and HOLD, so positions can always be closed.
/// They still pass the in-flight cap, the rate throttles, the runaway breaker and the price band, which protect
/// against loops and fat fingers rather than against exposure. A reduce-only order that would not reduce is denied.
public struct RiskGate: Sendable {
    /// The profile's hard caps.
    public private(set) var limits: RiskLimits
    /// Current risk level; caps in force are `limits.scaled(to: level)`.
    public var level: RiskLevel
    /// Why the gate is in HOLD, if it is. Sticky: only `resetHold()` clears it.
    public private(set) var holdReason: RiskDenial?
    /// Routes stopped by the runaway breaker; only `resetRoute(_:)` clears them.
    public private(set) var stoppedRoutes: Set<InstrumentId> = []
    /// Denials so far, by code.
    public private(set) var denialsByCode: [String: Int] = [:]
    /// Times of allowed places (rolling minute), oldest first.
    private(set) var placeTimesNs: [UInt64] = []
    /// Times of places and cancels per route (rolling minute).
    private(set) var routeActionsNs: [InstrumentId: [UInt64]] = [:]

    static let secondNs: UInt64 = 1_000_000_000
    static let minuteNs: UInt64 = 60 * secondNs

    public init(limits: RiskLimits, level: RiskLevel = .full) { self.limits = limits; self.level = level }

    /// Whether new risk is blocked until an explicit reset.
    public var isHeld: Bool { holdReason != nil }

    /// Decides one order and records it: an allowed order counts towards the throttles and the runaway breaker,
    /// a denial is counted by code, and a daily-loss or drawdown breach latches HOLD.
    public mutating func check(_ order: RiskOrder, snapshot: RiskSnapshot, nowNs: UInt64) -> RiskDecision {
        prune(nowNs: nowNs)
        observe(snapshot)
        let decision = evaluate(order, snapshot: snapshot, nowNs: nowNs)
        switch decision {
        case .allow:
            recordPlace(on: order.instrument, nowNs: nowNs)
        case .deny(let d):
            denialsByCode[d.code, default: 0] += 1
            if case .runawayBreaker = d { stoppedRoutes.insert(order.instrument) }
        }
        return decision
    }

    /// Counts an allowed place towards the throttles and the runaway breaker (what `check` does on allow), for
    /// orders decided together with `evaluate(_:snapshot:nowNs:alsoPlacing:)` and sent only if all passed.
    public mutating func recordPlace(on route: InstrumentId, nowNs: UInt64) {
        placeTimesNs.append(nowNs)
        routeActionsNs[route, default: []].append(nowNs)
    }

    /// Records a cancel on a route: cancels are never blocked, but they count towards the runaway breaker.
    public mutating func recordCancel(on route: InstrumentId, nowNs: UInt64) {
        prune(nowNs: nowNs)
        routeActionsNs[route, default: []].append(nowNs)
        if routeActionsNs[route, default: []].count > limits.runawayActionsPerMinute { stoppedRoutes.insert(route) }
    }

    /// Latches HOLD if the snapshot breaches the daily loss cap or the intraday drawdown.
    public mutating func observe(_ snapshot: RiskSnapshot) {
        guard holdReason == nil else { return }
        holdReason = Self.lossBreach(snapshot, limits)
    }

    /// Enters HOLD for a reason found elsewhere (leg risk, PnL invariant, operator).
    public mutating func hold(_ reason: String) { if holdReason == nil { holdReason = .hold(reason: reason) } }

    /// The explicit reset that clears HOLD (the control plane decides who may call it).
    public mutating func resetHold() { holdReason = nil }

    /// Re-opens a route stopped by the runaway breaker and forgets its recent actions.
    public mutating func resetRoute(_ route: InstrumentId) {
        stoppedRoutes.remove(route); routeActionsNs[route] = nil
    }

    /// Replaces the hard caps (profile reload).
    public mutating func setLimits(_ newLimits: RiskLimits) { limits = newLimits }

    /// Drops actions older than one minute (in place; the route table is rebuilt only when a route has some).
    public mutating func prune(nowNs: UInt64) {
        let floor = nowNs >= Self.minuteNs ? nowNs - Self.minuteNs : 0
        if let first = placeTimesNs.firstIndex(where: { $0 > floor }) {
            if first > 0 { placeTimesNs.removeFirst(first) }
        } else if !placeTimesNs.isEmpty {
            placeTimesNs.removeAll(keepingCapacity: true)
        }
        guard routeActionsNs.values.contains(where: { $0.contains { $0 <= floor } }) else { return }
        for (route, times) in routeActionsNs {
            let kept = times.filter { $0 > floor }
            routeActionsNs[route] = kept.isEmpty ? nil : kept
        }
    }
}
