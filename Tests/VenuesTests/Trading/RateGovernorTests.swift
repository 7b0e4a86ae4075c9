import Testing
import PropCore
@testable import Venues

/// The governor under a manual clock: every wait, refill and backoff is decided by the test, not by timing.
@Suite struct RateGovernorTests {
    /// 10 requests / s, 80 % of it usable: bucket of 4, refilled with 4 more over each second (one per 250 ms).
    private func tenPerSecond(reserve: Double = 0, maxWaitMs: Int64 = 60_000) -> VenueRateLimits {
        VenueRateLimits(venue: .bybit, rules: [
            RateLimitRule(name: "test.1s", limit: 10, windowMs: 1_000, counts: .requests),
        ], safety: 0.8, burstShare: 0.5, cancelReserve: reserve, maxWaitMs: maxWaitMs, backoffBaseMs: 500, backoffMaxMs: 8_000)
    }

    /// Token balances are doubles: compare with a tolerance far below one token.
    private func near(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) < 1e-6
    }

    private func cost(_ priority: RequestCost.Priority, _ endpoint: String = "/v5/order/create") -> RequestCost {
        RequestCost(priority: priority, weight: 1, orders: priority == .place ? 1 : 0, endpoint: endpoint)
    }

    @Test func burstUpToTheBucketThenOneRequestPerRefilledToken() async throws {
        let clock = ManualTimeSource()
        let governor = RateGovernor(limits: tenPerSecond(), clock: clock)
        for _ in 0..<4 { try await governor.acquire(cost(.place)) }
        #expect(near(await governor.tokens("test.1s"), 0))
        let served = EventRecorder<Int>()
        let waiting = Task { try await governor.acquire(cost(.place)); await served.append(5) }
        #expect(await eventually { await governor.waitingCount == 1 })
        clock.advance(ms: 200)  // 0.8 of a token: not yet
        await governor.pump()
        #expect(await governor.waitingCount == 1)
        #expect(await served.count == 0)
        clock.advance(ms: 50)
        await governor.pump()
        try await waiting.value
        #expect(await served.items == [5])
        // A full second later the bucket is full again (4), never more.
        clock.advance(ms: 5_000)
        #expect(near(await governor.tokens("test.1s"), 4))
    }

    @Test func waitingRequestsAreServedCancelThenAmendThenPlaceThenQuery() async throws {
        let clock = ManualTimeSource()
        let governor = RateGovernor(limits: tenPerSecond(), clock: clock)
        for _ in 0..<4 { try await governor.acquire(cost(.query)) }
        let served = EventRecorder<RequestCost.Priority>()
        var tasks: [Task<Void, any Error>] = []
        // Arrival order is the reverse of urgency: the place and the query came first.
        for (n, priority) in [RequestCost.Priority.query, .place, .amend, .cancel].enumerated() {
            tasks.append(Task { try await governor.acquire(cost(priority)); await served.append(priority) })
            #expect(await eventually { await governor.waitingCount == n + 1 })
        }
        for n in 1...4 {
            clock.advance(ms: 250)  // exactly one token
            await governor.pump()
            #expect(await eventually { await served.count == n })
            #expect(await governor.waitingCount == 4 - n)
        }
        for task in tasks { try await task.value }
        #expect(await served.items == [.cancel, .amend, .place, .query])
    }

    @Test func aNewCancelGoesAheadOfAWaitingPlaceButAPlaceNeverOvertakesAWaitingCancel() async throws {
        let clock = ManualTimeSource()
        let governor = RateGovernor(limits: tenPerSecond(), clock: clock)
        for _ in 0..<4 { try await governor.acquire(cost(.cancel)) }
        let served = EventRecorder<String>()
        let cancel = Task { try await governor.acquire(cost(.cancel)); await served.append("cancel") }
        #expect(await eventually { await governor.waitingCount == 1 })
        clock.advance(ms: 250)
        // A place arriving when a token exists must still queue behind the waiting cancel.
        let place = Task { try await governor.acquire(cost(.place)); await served.append("place") }
        // The governor's own wake-up may already have served the cancel with that token; either way the place waits.
        #expect(await eventually { await governor.waitingCount + served.count == 2 })
        #expect(await served.items != ["place"])
        await governor.pump()
        #expect(await eventually { await served.count == 1 })
        clock.advance(ms: 250)
        await governor.pump()
        try await cancel.value
        try await place.value
        #expect(await served.items == ["cancel", "place"])
    }

    @Test func placesLeaveTheCancelReserveSoACancelAlwaysGoesOut() async throws {
        // Reserve 25 % of a 4-token bucket: places stop at 1 token left, cancels may use it.
        let governor = RateGovernor(limits: tenPerSecond(reserve: 0.25, maxWaitMs: 0), clock: ManualTimeSource())
        for _ in 0..<3 { try await governor.acquire(cost(.place)) }
        await #expect(throws: VenueOrderError.throttled(venue: .bybit, path: "/v5/order/create", waitMs: 250)) {
            try await governor.acquire(cost(.place))
        }
        try await governor.acquire(cost(.cancel))
        #expect(near(await governor.tokens("test.1s"), 0))
    }

    @Test func aWaitLongerThanTheMaximumIsThrottledAtOnceAndNothingIsSpent() async throws {
        let governor = RateGovernor(limits: tenPerSecond(maxWaitMs: 200), clock: ManualTimeSource())
        for _ in 0..<4 { try await governor.acquire(cost(.place)) }
        do {
            try await governor.acquire(cost(.place))
            Issue.record("a 250 ms wait must be refused when at most 200 ms is allowed")
        } catch {
            #expect(error == .throttled(venue: .bybit, path: "/v5/order/create", waitMs: 250))
            #expect(error.outcome == .denied)
            #expect(error.messageRu.contains("/v5/order/create"))
        }
        #expect(near(await governor.tokens("test.1s"), 0))
        #expect(await governor.waitingCount == 0)
    }

    @Test func aWaiterStillQueuedAtItsDeadlineIsThrottled() async throws {
        let clock = ManualTimeSource()
        let governor = RateGovernor(limits: tenPerSecond(maxWaitMs: 600), clock: clock)
        for _ in 0..<4 { try await governor.acquire(cost(.place)) }
        let place = Task { await Self.outcome { () async throws(VenueOrderError) in try await governor.acquire(cost(.place)) } }
        #expect(await eventually { await governor.waitingCount == 1 })
        // Two cancels jump the queue and take every token until the place's deadline.
        let cancels = (0..<2).map { _ in Task { await Self.outcome { () async throws(VenueOrderError) in try await governor.acquire(cost(.cancel)) } } }
        #expect(await eventually { await governor.waitingCount == 3 })
        // 600 ms bring 2.4 tokens: both cancels go, the place is left short when its deadline comes.
        clock.advance(ms: 600)
        await governor.pump()
        #expect(await place.value == .failure(.throttled(venue: .bybit, path: "/v5/order/create", waitMs: 600)))
        for cancel in cancels { #expect(await cancel.value == .success(true)) }
    }

    /// Runs `body`, returning its typed error as a value (typed-throwing task closures crash Swift 6.3's SIL passes).
    private static func outcome(_ body: () async throws(VenueOrderError) -> Void) async -> Result<Bool, VenueOrderError> {
        do {
            try await body()
            return .success(true)
        } catch {
            return .failure(error)
        }
    }

    @Test func binanceUsedWeightHeaderLowersTheBucketToWhatIsLeftInTheMinute() async throws {
        // The clock starts exactly at a minute boundary: the venue's window has 60 s to go.
        let clock = ManualTimeSource(wallMs: 1_700_000_040_000)
        let governor = RateGovernor(limits: .binance, clock: clock)
        let query = RequestCost(priority: .query, weight: 5, endpoint: "/fapi/v1/openOrders")
        try await governor.acquire(query)
        #expect(near(await governor.tokens("binance.weight.1m"), 955))  // 0.5 × 0.8 × 2400 − 5
        // Someone else on our IP used 1000 of 2400: budget 1920 − 1000 − the 960 refill still to come = −40.
        await governor.observe(status: 200, headers: ["x-mbx-used-weight-1m": "1000"], cost: query)
        #expect(near(await governor.tokens("binance.weight.1m"), -40))
        await #expect(throws: VenueOrderError.self) {
            try await governor.acquire(RequestCost(priority: .query, weight: 40, endpoint: "/fapi/v1/openOrders"))
        }
        // Order-count headers feed the order buckets the same way; a low count changes nothing.
        await governor.observe(status: 200, headers: ["x-mbx-order-count-10s": "1", "x-mbx-order-count-1m": "1"], cost: query)
        #expect(near(await governor.tokens("binance.orders.10s"), 119))  // 240 − 1 − the 120 refill to come
        await governor.observe(status: 200, headers: ["x-mbx-order-count-10s": "200"], cost: query)
        #expect(near(await governor.tokens("binance.orders.10s"), 240 - 200 - 120))
    }

    @Test func bybitLimitStatusHeaderLowersOnlyThatEndpointsBucket() async throws {
        let clock = ManualTimeSource()
        let governor = RateGovernor(limits: .bybit, clock: clock)
        let create = RequestCost(priority: .place, orders: 1, endpoint: "/v5/order/create")
        let cancel = RequestCost(priority: .cancel, endpoint: "/v5/order/cancel")
        try await governor.acquire(create)
        try await governor.acquire(cancel)
        await governor.observe(status: 200, headers: ["x-bapi-limit-status": "2", "x-bapi-limit": "10",
                                                      "x-bapi-limit-reset-timestamp": "\(clock.wallMillis() + 500)"], cost: create)
        // 8 of 10 used with 500 ms to go: budget 8 − 8 − 2 refilled by then = −2.
        #expect(near(await governor.tokens("bybit.endpoint.1s|/v5/order/create"), -2))
        #expect(near(await governor.tokens("bybit.endpoint.1s|/v5/order/cancel"), 3))
        try await governor.acquire(cancel)
    }

    @Test func rateLimitAnswersPauseEverythingWithDoublingJitteredBackoff() async throws {
        let clock = ManualTimeSource()
        let governor = RateGovernor(limits: tenPerSecond(), clock: clock, jitter: { 0 })
        let c = cost(.cancel)
        await governor.observe(status: 429, headers: [:], cost: c)
        #expect(await governor.lastBackoffMs == 250)  // half of the 500 ms step: jitter 0
        await governor.observe(status: 200, headers: ["x-bapi-limit-status": "5"], cost: c, venueCode: "10006")
        #expect(await governor.lastBackoffMs == 500)
        await governor.observe(status: 200, headers: [:], cost: c, venueCode: "50011")
        #expect(await governor.lastBackoffMs == 1_000)
        #expect(near(await governor.tokens("test.1s"), 0))
        // Even a cancel waits out the pause: sending during it is what turns a 429 into a ban.
        let served = EventRecorder<Int>()
        let task = Task { try await governor.acquire(c); await served.append(1) }
        #expect(await eventually { await governor.waitingCount == 1 })
        clock.advance(ms: 900)
        await governor.pump()
        #expect(await served.count == 0)
        #expect(await governor.waitingCount == 1)
        clock.advance(ms: 100)
        await governor.pump()
        try await task.value
        // A normal answer resets the exponent; the ceiling bounds it.
        await governor.observe(status: 200, headers: [:], cost: c)
        await governor.observe(status: 429, headers: [:], cost: c)
        #expect(await governor.lastBackoffMs == 250)
        for _ in 0..<10 { await governor.observe(status: 429, headers: [:], cost: c) }
        #expect(await governor.lastBackoffMs == 4_000)
    }

    @Test func retryAfterIsHonouredAndA418BanPausesForItsWholeLength() async throws {
        let clock = ManualTimeSource()
        let governor = RateGovernor(limits: .binance, clock: clock, jitter: { 0.99 })
        let place = RequestCost(priority: .place, weight: 1, orders: 1, endpoint: "/fapi/v1/order")
        await governor.observe(status: 429, headers: ["retry-after": "7"], cost: place, venueCode: "-1003")
        #expect(await governor.lastBackoffMs == 7_000)
        #expect(await governor.pausedForMs == 7_000)
        await governor.observe(status: 418, headers: ["retry-after": "120"], cost: place)
        #expect(await governor.pausedForMs == 120_000)
        // With a 2 s maximum wait, nothing is even queued while banned.
        await #expect(throws: VenueOrderError.self) { try await governor.acquire(place) }
        #expect(await governor.waitingCount == 0)
    }

    @Test func rateLimitCodesAreFoundInAnswerBodies() {
        let bodies: [(String, String?)] = [
            (#"{"retCode":10006,"retMsg":"Too many visits!","result":{}}"#, "10006"),
            (#"{"code":"50011","msg":"Rate limit reached","data":[]}"#, "50011"),
            (#"{"code":"1","data":[{"sCode":"50011","sMsg":"x"}]}"#, "50011"),
            (#"{"code": -1003, "msg":"Too many requests"}"#, "-1003"),
            (#"{"code":-1015,"msg":"Too many new orders"}"#, "-1015"),
            (#"{"retCode":0,"retMsg":"OK","result":{"orderId":"10006"}}"#, nil),
            (#"{"code":"0","data":[{"sCode":"0","ordId":"50011"}]}"#, nil),
        ]
        for (body, code) in bodies {
            #expect(RateGovernor.rateLimitCode(inBody: Array(body.utf8)) == code, "\(body)")
        }
    }

    @Test func publishedLimitsMatchTheVenueDocs() {
        let binance = VenueRateLimits.published(for: .binance).rules.map { "\($0.name)=\($0.limit)/\($0.windowMs)" }
        #expect(binance == ["binance.weight.1m=2400/60000", "binance.orders.10s=300/10000", "binance.orders.1m=1200/60000"])
        let okx = VenueRateLimits.published(for: .okx).rules.map { "\($0.name)=\($0.limit)/\($0.windowMs)" }
        #expect(okx.contains("okx.endpoint.2s=60/2000") && okx.contains("okx.batch.orders.2s=300/2000"))
        let bybit = VenueRateLimits.published(for: .bybit).rules.map { "\($0.name)=\($0.limit)/\($0.windowMs)" }
        #expect(bybit.contains("bybit.endpoint.1s=10/1000"))
        for venue in Venue.allCases { #expect(VenueRateLimits.published(for: venue).safety == 0.8) }
    }
}
