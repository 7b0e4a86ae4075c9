import Foundation
import Logging
import PropCore
import VenueSim
import Venues

/// A real simulator on loopback plus a real `OKXTradingClient` with the simulator's keys.
struct OKXRig: Sendable {
    let sim: VenueSimulator
    let endpoints: SimVenueEndpoints
    let client: OKXTradingClient
    static let btc = InstrumentId(venue: .okx, base: "BTC", quote: "USDT")
    static let eth = InstrumentId(venue: .okx, base: "ETH", quote: "USDT")
    /// One contract (0.01 BTC on BTC-USDT-SWAP).
    static let one = Qty(units: 100, scale: 2)

    static let quiet = Logger(label: "okx-conformance", factory: { SwiftLogNoOpLogHandler($0) })

    /// Runs `body` against a fresh simulator and always stops it.
    static func with(seed: UInt64 = 31, _ body: (OKXRig) async throws -> Void) async throws {
        let sim = VenueSimulator(config: SimulatorConfig(seed: seed, basePort: 0, tickMillis: 50), logger: quiet)
        let eps = try await sim.start()
        let rig = OKXRig(sim: sim, endpoints: eps.okx, client: makeClient(eps.okx))
        do { try await body(rig) } catch { await sim.stop(); throw error }
        await sim.stop()
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

    /// Best bid and ask of `id` now, and the tick.
    func top(_ id: InstrumentId = btc) async throws -> (bid: Price, ask: Price, tick: Price) {
        for _ in 0..<200 {
            if let s = await sim.instrumentState(id), let b = s.book.bestBid, let a = s.book.bestAsk {
                return (Price(units: b, scale: s.spec.priceScale), Price(units: a, scale: s.spec.priceScale), s.spec.tickSize)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw RigError.noBook
    }

    /// Ask-side contracts at prices ≤ `limit`.
    func askQty(upTo limit: Price, _ id: InstrumentId = btc) async -> Qty {
        guard let s = await sim.instrumentState(id), let l = limit.rescaled(to: s.spec.priceScale) else { return .zero }
        let units = s.book.top(.sell, 1000).filter { $0.price <= l.units }.reduce(Int64(0)) { $0 + $1.qty }
        return Qty(units: units, scale: s.spec.qtyScale)
    }

    /// `price` moved by `ticks` ticks.
    static func shift(_ price: Price, _ tick: Price, _ ticks: Int64) -> Price {
        price + Price(units: tick.units * ticks, scale: tick.scale)
    }

    /// An order with a unique client id (OKX: letters and digits only).
    static func order(_ id: String, _ side: OrderSide, _ type: OrderType = .limit, tif: TimeInForce = .gtc, price: Price? = nil,
                      qty: Qty = one, reduceOnly: Bool = false, instrument: InstrumentId = btc) -> OrderRequest {
        OrderRequest(clientOrderId: id, instrument: instrument, side: side, type: type, timeInForce: tif, price: price, qty: qty,
                     reduceOnly: reduceOnly)
    }

    /// Polls `condition` every 100 ms until it holds or `seconds` pass.
    static func eventually(_ seconds: Double = 30, _ condition: () async -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return await condition()
    }

    /// The error a call threw, or nil when it succeeded.
    static func failure<T>(_ body: () async throws -> T) async -> VenueOrderError? {
        do { _ = try await body(); return nil } catch let e as VenueOrderError { return e } catch {
            return .unresolved(venue: .okx, path: "test", detail: "\(error)")
        }
    }

    enum RigError: Error { case noBook }
}

/// Collects private-stream events on a background task.
final class OKXEventLog: @unchecked Sendable {
    // Safety: `items` is only touched under `lock`.
    private let lock = NSLock()
    private var items: [PrivateStreamEvent] = []
    func append(_ e: PrivateStreamEvent) { lock.lock(); items.append(e); lock.unlock() }
    var all: [PrivateStreamEvent] { lock.lock(); defer { lock.unlock() }; return items }
    func count(_ match: (PrivateStreamEvent) -> Bool) -> Int { all.filter(match).count }
}

/// A wall clock running `skewMs` off the machine's (to provoke timestamp-window refusals).
struct OKXSkewedTime: TimeSource {
    var skewMs: Int64
    func monotonicNanos() -> UInt64 { SystemTimeSource().monotonicNanos() }
    func wallMillis() -> Int64 { SystemTimeSource().wallMillis() + skewMs }
}
