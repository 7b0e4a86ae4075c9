import Foundation
import Logging
import PropCore
import Testing
import VenueSim
@testable import Venues

/// A real simulator on loopback and a real `BinanceTradingClient` with the simulator's keys, torn down after the body.
struct BinanceRig: ConformanceRig {
    let sim: VenueSimulator
    let endpoints: SimEndpoints
    let client: BinanceTradingClient
    let logger: Logger

    static let btc = InstrumentId(venue: .binance, base: "BTC", quote: "USDT")
    static let eth = InstrumentId(venue: .binance, base: "ETH", quote: "USDT")

    static func quietLogger() -> Logger {
        Logger(label: "binance-conformance", factory: { SwiftLogNoOpLogHandler($0) })
    }

    static func with(seed: UInt64 = 21, _ body: (BinanceRig) async throws -> Void) async throws {
        let logger = quietLogger()
        try await withSimulator(seed: seed, logger: logger) { sim, endpoints in
            let creds = sim.config.credentials
            // A 30 s receive window (the venue's maximum is 60 s) so a loaded test machine never makes a request stale;
            // the timestamp test builds its own client with the default 5 s window.
            let client = BinanceTradingClient(baseURL: endpoints.binance.rest, apiKey: creds.apiKey, apiSecret: creds.apiSecret,
                                              timeoutMs: 10_000, recvWindowMs: 30_000, logger: logger)
            try await body(BinanceRig(sim: sim, endpoints: endpoints, client: client, logger: logger))
        }
    }

    /// A client with other credentials or clock (auth and timestamp tests).
    func client(apiKey: String? = nil, apiSecret: String? = nil, clock: ServerClock = ServerClock()) -> BinanceTradingClient {
        let creds = sim.config.credentials
        return BinanceTradingClient(baseURL: endpoints.binance.rest, apiKey: apiKey ?? creds.apiKey,
                                    apiSecret: apiSecret ?? creds.apiSecret, timeoutMs: 10_000, clock: clock, logger: logger)
    }

    /// Best bid and ask of `id` right now, as prices at the instrument's scale, on a frozen book (see `freeze`).
    func top(_ id: InstrumentId = btc) async -> (bid: Price, ask: Price, askQty: Qty, spec: SimInstrumentSpec) {
        await freeze(id)
        let s = await sim.instrumentState(id)!
        let bid = s.book.top(.buy, 1).first!, ask = s.book.top(.sell, 1).first!
        return (Price(units: bid.price, scale: s.spec.priceScale), Price(units: ask.price, scale: s.spec.priceScale),
                Qty(units: ask.qty, scale: s.spec.qtyScale), s.spec)
    }

    /// A limit price `percent` % away from the touch (below the bid for buys, above the ask for sells), on the tick grid:
    /// far enough that the synthetic market will not trade it during a test.
    func passivePrice(_ side: OrderSide, _ id: InstrumentId = btc, percent: Int64 = 3) async -> Price {
        let t = await top(id)
        let tick = t.spec.tickUnits
        let ref = side == .buy ? t.bid.units * (100 - percent) / 100 : t.ask.units * (100 + percent) / 100
        return Price(units: ref / tick * tick, scale: t.spec.priceScale)
    }
}

extension BinanceRig {
    /// Collects a private stream's events for later inspection.
    actor Events {
        private(set) var items: [PrivateStreamEvent] = []
        func append(_ e: PrivateStreamEvent) { items.append(e) }
        func count(where match: @Sendable (PrivateStreamEvent) -> Bool) -> Int { items.filter(match).count }
    }

    static func isConnected(_ e: PrivateStreamEvent) -> Bool { if case .connected = e { true } else { false } }
    static func isDisconnected(_ e: PrivateStreamEvent) -> Bool { if case .disconnected = e { true } else { false } }
    static func isOrder(_ e: PrivateStreamEvent, _ clientId: String, _ status: VenueOrderStatus? = nil) -> Bool {
        if case .order(let r) = e { return r.clientOrderId == clientId && (status == nil || r.status == status) }
        return false
    }
    static func isFill(_ e: PrivateStreamEvent, _ clientId: String) -> Bool {
        if case .fill(let f) = e { return f.clientOrderId == clientId }
        return false
    }

    /// A fresh client id (per test: each test runs its own simulator).
    static func id(_ tag: String, _ n: Int = 0) -> String { "pb\(tag)\(n)" }
}
