import Foundation
import Logging
import PropCore
import Testing
import VenueSim
import Venues

/// What every venue conformance rig shares: a simulator on loopback that the tests trade on.
protocol ConformanceRig: Sendable {
    var sim: VenueSimulator { get }
    /// The instrument most tests trade.
    static var btc: InstrumentId { get }
}

extension ConformanceRig {
    /// Starts a simulator, runs `body` and always stops it.
    static func withSimulator(seed: UInt64, logger: Logger,
                              _ body: (VenueSimulator, SimEndpoints) async throws -> Void) async throws {
        let sim = VenueSimulator(config: SimulatorConfig(seed: seed, basePort: 0, tickMillis: 50), logger: logger)
        let endpoints = try await sim.start()
        do { try await body(sim, endpoints) } catch { await sim.stop(); throw error }
        await sim.stop()
    }

    /// Polls `condition` every 50 ms until it holds or `seconds` pass (a condition may call the venue, so no busy loop).
    static func eventually(_ seconds: Double = 30, _ condition: () async -> Bool) async -> Bool {
        await VenuesTests.eventually(seconds, pollMs: 50, condition)
    }

    /// The error `body` threw, or nil when it succeeded (any other error type is recorded as a test issue).
    static func failure<T>(_ body: () async throws -> T) async -> VenueOrderError? {
        do { _ = try await body(); return nil } catch let e as VenueOrderError { return e } catch {
            Issue.record("not a VenueOrderError: \(error)")
            return nil
        }
    }

    /// Stops the synthetic market's walk on `id` for 30 s (orders still trade against the book): on a loaded test
    /// machine seconds can pass between reading the touch and placing, and a post-only "at the ask" or a limit
    /// "through the book" would otherwise meet a market that has moved away.
    func freeze(_ id: InstrumentId) async {
        await sim.inject(.freezeBook(id.venue, millis: 30_000, instrument: id))
    }

    /// `price` moved by `ticks` ticks.
    static func shift(_ price: Price, _ tick: Price, _ ticks: Int64) -> Price {
        price + Price(units: tick.units * ticks, scale: tick.scale)
    }
}

/// A rig whose tests read the simulator's book as prices on the instrument's grid.
protocol BookReadingRig: ConformanceRig {
    /// Quantity of an order when a test does not say.
    static var defaultQty: Qty { get }
}

extension BookReadingRig {
    /// Best bid and ask of `id` now, and the tick (waits up to 4 s for the first book). The book is frozen first
    /// (see `freeze`), so the prices a test derives from the touch still mean what it intended when it places.
    func top(_ id: InstrumentId = Self.btc) async throws -> (bid: Price, ask: Price, tick: Price) {
        await freeze(id)
        for _ in 0..<200 {
            if let s = await sim.instrumentState(id), let b = s.book.bestBid, let a = s.book.bestAsk {
                return (Price(units: b, scale: s.spec.priceScale), Price(units: a, scale: s.spec.priceScale), s.spec.tickSize)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw RigError.noBook
    }

    /// Ask-side quantity at prices ≤ `limit`.
    func askQty(upTo limit: Price, _ id: InstrumentId = Self.btc) async -> Qty {
        guard let s = await sim.instrumentState(id), let l = limit.rescaled(to: s.spec.priceScale) else { return .zero }
        let units = s.book.top(.sell, 1000).filter { $0.price <= l.units }.reduce(Int64(0)) { $0 + $1.qty }
        return Qty(units: units, scale: s.spec.qtyScale)
    }

    /// An order with the given client id (on BTC unless `instrument` says otherwise).
    static func order(_ id: String, _ side: OrderSide, _ type: OrderType = .limit, tif: TimeInForce = .gtc, price: Price? = nil,
                      qty: Qty = Self.defaultQty, reduceOnly: Bool = false, instrument: InstrumentId = Self.btc) -> OrderRequest {
        OrderRequest(clientOrderId: id, instrument: instrument, side: side, type: type, timeInForce: tif, price: price, qty: qty,
                     reduceOnly: reduceOnly)
    }
}

/// Why a rig could not set a test up.
enum RigError: Error { case noBook }

/// Collects private-stream events on a background task.
final class PrivateEventLog: @unchecked Sendable {
    // Safety: `items` is only touched under `lock`.
    private let lock = NSLock()
    private var items: [PrivateStreamEvent] = []
    func append(_ e: PrivateStreamEvent) { lock.lock(); items.append(e); lock.unlock() }
    var all: [PrivateStreamEvent] { lock.lock(); defer { lock.unlock() }; return items }
    func count(_ match: (PrivateStreamEvent) -> Bool) -> Int { all.filter(match).count }
}

/// A wall clock running `skewMs` off the machine's (to provoke receive-window refusals).
struct SkewedTime: TimeSource {
    var skewMs: Int64
    func monotonicNanos() -> UInt64 { SystemTimeSource().monotonicNanos() }
    func wallMillis() -> Int64 { SystemTimeSource().wallMillis() + skewMs }
}
