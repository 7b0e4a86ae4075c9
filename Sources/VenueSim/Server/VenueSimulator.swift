public import Logging
import Hummingbird
public import PropCore

/// The built-in exchange simulator: one synthetic market served on three loopback ports in Binance
/// USD-M, OKX v5 and Bybit v5 wire formats, with runtime fault injection. Start it, point connectors
/// (or ccxt) at the returned endpoints, stop it when done.
public actor VenueSimulator {
    /// Configuration it was created with.
    public nonisolated let config: SimulatorConfig
    /// The state actor (market, faults, clients); tests read the true books through it.
    public nonisolated let state: SimState
    private let logger: Logger
    private var servers: [SimHTTPServer] = []
    private var ticker: Task<Void, Never>?
    private var endpoints: SimEndpoints?

    /// A stopped simulator.
    public init(config: SimulatorConfig, logger: Logger) {
        self.config = config
        self.logger = logger
        self.state = SimState(config: config, logger: logger)
    }

    /// The nine canonical instrument ids (BTC, ETH, SOL USDT perps on each venue).
    public nonisolated var instruments: [InstrumentId] { SimInstrumentSpec.all.map(\.id) }

    /// Binds the three venue servers, starts the market ticking and returns the real bound endpoints.
    /// Calling it again returns the same endpoints.
    public func start() async throws -> SimEndpoints {
        if let endpoints { return endpoints }
        await state.reopen()
        var ports: [Venue: Int] = [:]
        do {
            for (offset, venue) in [Venue.binance, .okx, .bybit].enumerated() {
                let router = Router(context: SimHTTP.Context.self)
                router.add(middleware: SimFaultMiddleware(state: state, venue: venue))
                SimAdminRoutes.add(to: router, state: state)
                switch venue {
                case .binance: BinanceSimRoutes.add(to: router, state: state, time: config.timeSource)
                case .okx: OKXSimRoutes.add(to: router, state: state, time: config.timeSource)
                case .bybit: BybitSimRoutes.add(to: router, state: state, time: config.timeSource)
                }
                let port = config.basePort == 0 ? 0 : config.basePort + offset
                // Binance pings clients (every ~3 min); OKX and Bybit expect the client to ping.
                let server = try await SimHTTPServer.start(router: router, host: config.host, port: port,
                                                           autoPingSeconds: venue == .binance ? 180 : nil, logger: logger)
                servers.append(server)
                ports[venue] = server.port
            }
        } catch {
            await withTaskGroup(of: Void.self) { group in
            for s in servers { group.addTask { await s.stop() } }
        }
            servers.removeAll()
            throw error
        }
        let state = self.state
        let period = max(1, config.tickMillis)
        ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(period))
                if Task.isCancelled { break }
                await state.tick()
            }
        }
        let host = config.host
        let e = SimEndpoints(binance: .init(host: host, port: ports[.binance] ?? 0),
                             okx: .init(host: host, port: ports[.okx] ?? 0),
                             bybit: .init(host: host, port: ports[.bybit] ?? 0))
        endpoints = e
        logger.info("venue simulator started", metadata: ["binance": "\(e.binance.rest)", "okx": "\(e.okx.rest)", "bybit": "\(e.bybit.rest)"])
        return e
    }

    /// Stops ticking, closes every client and shuts the three servers down.
    public func stop() async {
        ticker?.cancel()
        await ticker?.value
        ticker = nil
        await state.shutDown()
        await withTaskGroup(of: Void.self) { group in
            for s in servers { group.addTask { await s.stop() } }
        }
        servers.removeAll()
        endpoints = nil
    }

    /// Injects a fault (see `SimFaultKind`).
    public func inject(_ fault: SimFault) async { await state.inject(fault) }

    /// Clears every fault.
    public func clearFaults() async { await state.clearFaults() }

    /// The true book of an instrument right now, with its current stream update ids.
    public func instrumentState(_ id: InstrumentId) async -> SimInstrumentState? {
        await state.instrument(venue: id.venue, symbol: NativeSymbol.symbol(for: id))
    }
}
