import Foundation
import Logging
import PropCore
import VenueSim
import Venues

/// A real simulator on loopback plus a real `BybitTradingClient` with the simulator's keys.
struct BybitRig: Sendable {
    let sim: VenueSimulator
    let endpoints: SimVenueEndpoints
    let client: BybitTradingClient
    static let btc = InstrumentId(venue: .bybit, base: "BTC", quote: "USDT")
    static let eth = InstrumentId(venue: .bybit, base: "ETH", quote: "USDT")

    static let quiet = Logger(label: "bybit-conformance", factory: { SwiftLogNoOpLogHandler($0) })

    /// Runs `body` against a fresh simulator and always stops it.
    static func with(seed: UInt64 = 21, _ body: (BybitRig) async throws -> Void) async throws {
        let sim = VenueSimulator(config: SimulatorConfig(seed: seed, basePort: 0, tickMillis: 50), logger: quiet)
        let eps = try await sim.start()
        let rig = BybitRig(sim: sim, endpoints: eps.bybit, client: makeClient(eps.bybit))
        do { try await body(rig) } catch { await sim.stop(); throw error }
        await sim.stop()
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

    /// Best bid and ask of `id` now, as prices on the instrument's grid, and the tick.
    func top(_ id: InstrumentId = btc) async throws -> (bid: Price, ask: Price, tick: Price) {
        for _ in 0..<200 {
            if let s = await sim.instrumentState(id), let b = s.book.bestBid, let a = s.book.bestAsk {
                return (Price(units: b, scale: s.spec.priceScale), Price(units: a, scale: s.spec.priceScale), s.spec.tickSize)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw RigError.noBook
    }

    /// Ask-side quantity at prices ≤ `limit`.
    func askQty(upTo limit: Price, _ id: InstrumentId = btc) async -> Qty {
        guard let s = await sim.instrumentState(id) else { return .zero }
        let units = s.book.top(.sell, 1000).filter { $0.price <= limit.rescaled(to: s.spec.priceScale)!.units }.reduce(Int64(0)) { $0 + $1.qty }
        return Qty(units: units, scale: s.spec.qtyScale)
    }

    /// `price` moved by `ticks` ticks.
    static func shift(_ price: Price, _ tick: Price, _ ticks: Int64) -> Price {
        price + Price(units: tick.units * ticks, scale: tick.scale)
    }

    /// A price 5 % away from `price` (below for negative `ticks`, above for positive) plus `ticks` ticks, on the
    /// tick grid: far enough that the synthetic market cannot reach a resting order during a test.
    static func away(_ price: Price, _ tick: Price, _ ticks: Int64) -> Price {
        let step = price.units / 20 / tick.units * tick.units
        return Price(units: price.units + (ticks < 0 ? -step : step) + tick.units * ticks, scale: price.scale)
    }

    /// An order on BTC with a unique client id.
    static func order(_ id: String, _ side: OrderSide, _ type: OrderType = .limit, tif: TimeInForce = .gtc, price: Price? = nil,
                      qty: Qty = Qty(units: 1, scale: 3), reduceOnly: Bool = false, instrument: InstrumentId = btc) -> OrderRequest {
        OrderRequest(clientOrderId: id, instrument: instrument, side: side, type: type, timeInForce: tif, price: price, qty: qty,
                     reduceOnly: reduceOnly)
    }

    /// Polls `condition` every 50 ms until it holds or `seconds` pass.
    static func eventually(_ seconds: Double = 30, _ condition: () async -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return await condition()
    }

    enum RigError: Error { case noBook }
}

/// Collects private-stream events on a background task.
final class BybitEventLog: @unchecked Sendable {
    // Safety: `items` is only touched under `lock`.
    private let lock = NSLock()
    private var items: [PrivateStreamEvent] = []
    func append(_ e: PrivateStreamEvent) { lock.lock(); items.append(e); lock.unlock() }
    var all: [PrivateStreamEvent] { lock.lock(); defer { lock.unlock() }; return items }
    func count(_ match: (PrivateStreamEvent) -> Bool) -> Int { all.filter(match).count }
}

/// A wall clock running `skewMs` off the machine's (to provoke recv-window refusals).
struct SkewedTime: TimeSource {
    var skewMs: Int64
    func monotonicNanos() -> UInt64 { SystemTimeSource().monotonicNanos() }
    func wallMillis() -> Int64 { SystemTimeSource().wallMillis() + skewMs }
}
