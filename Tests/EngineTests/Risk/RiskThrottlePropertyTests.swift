import Engine
import PropCore
import PropertyBased
import Testing

/// Random bursts of places and cancels over two routes: the allowed places in any rolling second and minute never
/// exceed the throttles, and no route ever sees more places + cancels per rolling minute than the runaway limit
/// (a route stopped stays stopped).
@Suite struct RiskThrottlePropertyTests {
    @Test func throttlesAndBreakerHoldOverRandomBursts() async {
        await propertyCheck(count: 300, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var rng = Xoshiro(seed: (seed, seed ^ 0x9E37_79B9_7F4A_7C15, 0xD1B5_4A32_D192_ED03, 11))
            for _ in 0..<4 { _ = rng.next() }
            var limits = RiskFx.limits
            limits.maxOrdersPerSecond = Int.random(in: 1...6, using: &rng)
            limits.maxOrdersPerMinute = Int.random(in: 1...40, using: &rng)
            limits.runawayActionsPerMinute = Int.random(in: 1...30, using: &rng)
            limits.maxInFlightOrders = 1_000
            var gate = RiskGate(limits: limits)
            var snapshot = RiskFx.snapshot()
            snapshot.markets[RiskFx.okxBtc] = RiskFx.market
            let routes = [RiskFx.btc, RiskFx.okxBtc]
            var now: UInt64 = RiskFx.sec
            var places: [UInt64] = []
            var actions: [InstrumentId: [UInt64]] = [:]
            var stoppedAt: [InstrumentId: Int] = [:]
            for step in 0..<Int.random(in: 50...300, using: &rng) {
                now += UInt64.random(in: 0...400, using: &rng) * 1_000_000
                let route = routes.randomElement(using: &rng)!
                if Int.random(in: 0..<4, using: &rng) == 0 {
                    gate.recordCancel(on: route, nowNs: now)
                    actions[route, default: []].append(now)
                } else {
                    var order = RiskFx.order(id: "s\(step)")
                    order.request.instrument = route
                    if gate.check(order, snapshot: snapshot, nowNs: now) == .allow {
                        #expect(stoppedAt[route] == nil, "route \(route) placed after being stopped, seed \(seed)")
                        places.append(now)
                        actions[route, default: []].append(now)
                    }
                }
                if gate.stoppedRoutes.contains(route), stoppedAt[route] == nil { stoppedAt[route] = step }
                let inSecond = places.filter { $0 + RiskFx.sec > now }.count
                let inMinute = places.filter { $0 + 60 * RiskFx.sec > now }.count
                #expect(inSecond <= limits.maxOrdersPerSecond, "seed \(seed)")
                #expect(inMinute <= limits.maxOrdersPerMinute, "seed \(seed)")
                // More places + cancels on a route within a rolling minute than the runaway limit ⇒ route stopped.
                let routeActions = (actions[route] ?? []).filter { $0 + 60 * RiskFx.sec > now }.count
                if routeActions > limits.runawayActionsPerMinute {
                    #expect(gate.stoppedRoutes.contains(route), "seed \(seed): \(routeActions) actions, route open")
                }
            }
        }
    }
}
