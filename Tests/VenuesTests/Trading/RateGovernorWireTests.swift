import AsyncHTTPClient
import Logging
import PropCore
import Testing
@testable import Venues

/// The governor inside `TradingHTTP.send`, against a real loopback server that timestamps every request.
@Suite struct RateGovernorWireTests {
    @Test func aBurstThroughTheTransportNeverExceedsTheLimitInAnyWindow() async throws {
        let server = try LoopbackCountingServer()
        defer { server.stop() }
        // A venue allowing 20 requests per second; we use at most half: a bucket of 5 refilled with 5 per second.
        let limits = VenueRateLimits(venue: .okx, rules: [
            RateLimitRule(name: "test.endpoint.1s", limit: 20, windowMs: 1_000, counts: .requests, scope: .perEndpoint),
        ], safety: 0.5, burstShare: 0.5, cancelReserve: 0, maxWaitMs: 120_000)
        let governor = RateGovernor(limits: limits)
        let http = TradingHTTP(venue: .okx, baseURL: server.baseURL, http: HTTPClient.shared, timeoutMs: 30_000,
                               logger: Logger(label: "test", factory: { SwiftLogNoOpLogHandler($0) }), governor: governor)
        let burst = 25
        try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<burst {
                group.addTask {
                    try await http.send(method: .POST, pathAndQuery: "/api/v5/trade/order", body: Array("{\"n\":\(i)}".utf8),
                                        cost: RequestCost(priority: .place, orders: 1, endpoint: "/api/v5/trade/order")).status
                }
            }
            for try await status in group { #expect(status == 200) }
        }
        let arrivals = server.requests.map(\.arrivalNs).sorted()
        #expect(arrivals.count == burst)
        // Every sliding one-second window at the server holds at most the venue's 20 (we aimed for 10;
        // the difference absorbs scheduling jitter on a loaded machine).
        var worst = 0
        for (i, start) in arrivals.enumerated() {
            worst = max(worst, arrivals[i...].prefix { $0 < start + 1_000_000_000 }.count)
        }
        #expect(worst <= 20, "\(worst) requests within one second")
        // And the burst was really spread out: 25 requests at 5 per second cannot all land within one second.
        #expect(worst < burst)
    }
}
