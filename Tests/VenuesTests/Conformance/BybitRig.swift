import Foundation
import Logging
import PropCore
import VenueSim
import Venues

/// A real simulator on loopback plus a real `BybitTradingClient` with the simulator's keys.
struct BybitRig: BookReadingRig {
    let sim: VenueSimulator
    let endpoints: SimVenueEndpoints
    let client: BybitTradingClient
    static let btc = InstrumentId(venue: .bybit, base: "BTC", quote: "USDT")
    static let eth = InstrumentId(venue: .bybit, base: "ETH", quote: "USDT")
    static let defaultQty = Qty(units: 1, scale: 3)

    static let quiet = Logger(label: "bybit-conformance", factory: { SwiftLogNoOpLogHandler($0) })

    /// Runs `body` against a fresh simulator and always stops it.
    static func with(seed: UInt64 = 21, _ body: (BybitRig) async throws -> Void) async throws {
        try await withSimulator(seed: seed, logger: quiet) { sim, eps in
            try await body(BybitRig(sim: sim, endpoints: eps.bybit, client: makeClient(eps.bybit)))
        }
    }

    /// A client for the simulator; `secret`/`key` override the account's to test refusals. The receive window is
    /// 30 s (venue default 5 s) so a request delayed by a loaded test machine is not refused as stale.
    static func makeClient(_ e: SimVenueEndpoints, key: String = SimCredentials.defaultApiKey,
                           secret: String = SimCredentials.defaultApiSecret, clock: ServerClock = ServerClock()) -> BybitTradingClient {
        BybitTradingClient(baseURL: e.rest, apiKey: key, apiSecret: secret, timeoutMs: 30_000, recvWindowMs: 30_000, clock: clock,
                           logger: quiet)
    }

    /// A fresh private stream for the simulator (not running yet).
    func makeStream() -> BybitPrivateStream {
        BybitPrivateStream(wsBaseURL: endpoints.ws, apiKey: SimCredentials.defaultApiKey, apiSecret: SimCredentials.defaultApiSecret,
                           settings: .testing, logger: Self.quiet)
    }

    /// A price 5 % away from `price` (below for negative `ticks`, above for positive) plus `ticks` ticks, on the
    /// tick grid: far enough that the synthetic market cannot reach a resting order during a test.
    static func away(_ price: Price, _ tick: Price, _ ticks: Int64) -> Price {
        let step = price.units / 20 / tick.units * tick.units
        return Price(units: price.units + (ticks < 0 ? -step : step) + tick.units * ticks, scale: price.scale)
    }
}
