import Foundation
import Logging
import PropCore
import VenueSim
import Venues

/// A real simulator on loopback plus a real `OKXTradingClient` with the simulator's keys.
struct OKXRig: BookReadingRig {
    let sim: VenueSimulator
    let endpoints: SimVenueEndpoints
    let client: OKXTradingClient
    static let btc = InstrumentId(venue: .okx, base: "BTC", quote: "USDT")
    static let eth = InstrumentId(venue: .okx, base: "ETH", quote: "USDT")
    /// One contract (0.01 BTC on BTC-USDT-SWAP).
    static let one = Qty(units: 100, scale: 2)
    static let defaultQty = one

    static let quiet = Logger(label: "okx-conformance", factory: { SwiftLogNoOpLogHandler($0) })

    /// Runs `body` against a fresh simulator and always stops it.
    static func with(seed: UInt64 = 31, _ body: (OKXRig) async throws -> Void) async throws {
        try await withSimulator(seed: seed, logger: quiet) { sim, eps in
            try await body(OKXRig(sim: sim, endpoints: eps.okx, client: makeClient(eps.okx)))
        }
    }

    /// A client for the simulator; `key`/`secret`/`passphrase` override the account's to test refusals.
    static func makeClient(_ e: SimVenueEndpoints, key: String = SimCredentials.defaultApiKey,
                           secret: String = SimCredentials.defaultApiSecret, passphrase: String = SimCredentials.defaultPassphrase,
                           clock: ServerClock = ServerClock()) -> OKXTradingClient {
        OKXTradingClient(baseURL: e.rest, apiKey: key, secret: secret, passphrase: passphrase, timeoutMs: 20_000, clock: clock, logger: quiet)
    }

    /// A fresh private stream for the simulator (not running yet).
    func makeStream(secret: String = SimCredentials.defaultApiSecret) -> OKXPrivateStream {
        let settings = FeedSettings(staleMs: 3_000, reconnectInitialMs: 50, reconnectMaxMs: 500, reconnectJitter: 0.2,
                                    pingIntervalMs: 500, restTimeoutMs: 5_000, seed: 7)
        return OKXPrivateStream(wsBaseURL: endpoints.ws, apiKey: SimCredentials.defaultApiKey, secret: secret,
                                passphrase: SimCredentials.defaultPassphrase, clock: ServerClock(), settings: settings, logger: Self.quiet)
    }
}
