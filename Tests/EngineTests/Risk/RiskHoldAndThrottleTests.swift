import Engine
import PropCore
import Testing

/// Stateful parts of the gate: sticky HOLD, rate throttles, the runaway breaker and denial counters.
@Suite struct RiskHoldAndThrottleTests {
    static let sec = RiskFx.sec

    @Test func dailyLossEdge() {
        func c(_ pnl: String) -> RiskFx.Case { var c = RiskFx.Case(); c.snapshot.pnlToday = RiskFx.q(pnl); return c }
        RiskFx.expectEdge("risk_daily_loss_cap", field: "daily_loss_cap", below: c("-1000"), above: c("-1000.01"))
    }

    @Test func drawdownEdge() {
        func c(_ equity: String) -> RiskFx.Case {
            var c = RiskFx.Case(); c.snapshot.peakEquityToday = RiskFx.q("12000"); c.snapshot.equity = RiskFx.q(equity); return c
        }
        RiskFx.expectEdge("risk_drawdown_cap", field: "max_intraday_drawdown", below: c("10000"), above: c("9999.99"))
    }

    @Test func holdIsStickyUntilExplicitResetAndReductionsStillPass() {
        var gate = RiskGate(limits: RiskFx.limits)
        var losing = RiskFx.snapshot(positions: [RiskFx.btc: RiskFx.q("1000")])
        losing.pnlToday = RiskFx.q("-1500")
        #expect(gate.check(RiskFx.order(), snapshot: losing, nowNs: 1 * Self.sec).denial?.code == "risk_daily_loss_cap")
        #expect(gate.isHeld)
        // PnL recovers: still HOLD.
        var recovered = losing
        recovered.pnlToday = .zero
        let held = gate.check(RiskFx.order(id: "c2"), snapshot: recovered, nowNs: 2 * Self.sec)
        #expect(held.denial?.code == "risk_daily_loss_cap")
        #expect(held.denial?.messageRu.contains("HOLD") == true)
        // Closing the position is allowed during HOLD.
        #expect(gate.check(RiskFx.order(.sell, reduceOnly: true, id: "c3"), snapshot: recovered, nowNs: 3 * Self.sec) == .allow)
        // Only the explicit reset clears it.
        gate.resetHold()
        #expect(gate.check(RiskFx.order(id: "c4"), snapshot: recovered, nowNs: 4 * Self.sec) == .allow)
        #expect(gate.denialsByCode["risk_daily_loss_cap"] == 2)
    }

    @Test func externalHoldNamesItsReason() {
        var gate = RiskGate(limits: RiskFx.limits)
        gate.hold("нарушен инвариант PnL")
        let d = gate.check(RiskFx.order(), snapshot: RiskFx.snapshot(), nowNs: Self.sec)
        #expect(d.denial?.code == "risk_hold")
        #expect(d.denial?.messageRu.contains("инвариант PnL") == true)
    }

    @Test func ordersPerSecond() {
        var gate = RiskGate(limits: RiskFx.limits)
        let s = RiskFx.snapshot()
        for i in 0..<5 {
            #expect(gate.check(RiskFx.order(id: "o\(i)"), snapshot: s, nowNs: 10 * Self.sec + UInt64(i) * 1_000_000) == .allow)
        }
        let sixth = gate.check(RiskFx.order(id: "o5"), snapshot: s, nowNs: 10 * Self.sec + 5_000_000)
        #expect(sixth.denial?.code == "risk_orders_per_second")
        #expect(sixth.denial?.messageRu.contains("max_orders_per_second") == true)
        // One second after the first, the window has room again.
        #expect(gate.check(RiskFx.order(id: "o6"), snapshot: s, nowNs: 11 * Self.sec + 500_000) == .allow)
    }

    @Test func ordersPerMinute() {
        var limits = RiskFx.limits
        limits.maxOrdersPerMinute = 7
        var gate = RiskGate(limits: limits)
        let s = RiskFx.snapshot()
        for i in 0..<7 { #expect(gate.check(RiskFx.order(id: "o\(i)"), snapshot: s, nowNs: UInt64(i + 1) * Self.sec) == .allow) }
        let eighth = gate.check(RiskFx.order(id: "o7"), snapshot: s, nowNs: 8 * Self.sec)
        #expect(eighth.denial?.code == "risk_orders_per_minute")
        #expect(eighth.denial?.messageRu.contains("max_orders_per_minute") == true)
        #expect(gate.check(RiskFx.order(id: "o8"), snapshot: s, nowNs: 62 * Self.sec) == .allow)
    }

    @Test func runawayBreakerStopsTheRouteUntilReset() {
        var limits = RiskFx.limits
        limits.runawayActionsPerMinute = 3
        var gate = RiskGate(limits: limits)
        let s = RiskFx.snapshot()
        #expect(gate.check(RiskFx.order(id: "a"), snapshot: s, nowNs: 1 * Self.sec) == .allow)
        gate.recordCancel(on: RiskFx.btc, nowNs: 2 * Self.sec)
        #expect(gate.check(RiskFx.order(id: "b"), snapshot: s, nowNs: 3 * Self.sec) == .allow)
        let fourth = gate.check(RiskFx.order(id: "c"), snapshot: s, nowNs: 4 * Self.sec)
        #expect(fourth.denial?.code == "risk_runaway_breaker")
        #expect(fourth.denial?.messageRu.contains("runaway_actions_per_minute") == true)
        #expect(gate.stoppedRoutes.contains(RiskFx.btc))
        // Long after the burst the route is still stopped, even for reductions.
        var long = s
        long.positions[RiskFx.btc] = RiskFx.q("100")
        #expect(gate.check(RiskFx.order(.sell, qty: "0.001", reduceOnly: true, id: "d"), snapshot: long, nowNs: 600 * Self.sec)
            .denial?.code == "risk_route_stopped")
        gate.resetRoute(RiskFx.btc)
        #expect(gate.check(RiskFx.order(id: "e"), snapshot: s, nowNs: 601 * Self.sec) == .allow)
        #expect(gate.denialsByCode == ["risk_runaway_breaker": 1, "risk_route_stopped": 1])
    }

    @Test func cancelsAloneTripTheBreaker() {
        var limits = RiskFx.limits
        limits.runawayActionsPerMinute = 2
        var gate = RiskGate(limits: limits)
        for i in 0..<3 { gate.recordCancel(on: RiskFx.btc, nowNs: UInt64(i + 1) * Self.sec) }
        #expect(gate.stoppedRoutes == [RiskFx.btc])
        #expect(gate.check(RiskFx.order(), snapshot: RiskFx.snapshot(), nowNs: 5 * Self.sec).denial?.code == "risk_route_stopped")
    }
}
