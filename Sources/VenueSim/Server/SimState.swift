public import PropCore
import Logging

/// The simulator's single owner of mutable state: the synthetic market, the faults and the connected
/// WebSocket clients. Front-ends call into it; the ticker calls `tick()`. Being an actor keeps the book,
/// the sequence numbers and what each client was sent in one consistent order.
public actor SimState {
    let config: SimulatorConfig
    let time: any TimeSource
    let logger: Logger
    /// The market; REST snapshots are cut from it.
    public private(set) var market: SyntheticMarket
    /// Faults in force.
    public internal(set) var faults = FaultBoard()
    /// Request counters for the venues' rate limits (private endpoints).
    var rateLimiter = SimRateLimiter()
    var connections: [Int: SimConnection] = [:]
    private var nextConnection = 1
    /// Set by `shutDown()`: sockets that finish their upgrade afterwards are closed at once, so no session
    /// outlives the servers (a client connecting while the simulator stops would otherwise wait forever).
    private var isShutDown = false
    private var connRng: SimRandom
    private var lastMarkMs: Int64 = 0
    private var lastFundingMs: Int64 = 0
    /// Last OKX `books` message time per instrument index (for heartbeats).
    var okxLastBookSendMs: [Int: Int64] = [:]
    /// The simulated accounts, orders and trading timers (see `SimState+Trading`).
    var exchange: SimExchange

    /// State for `config`, market built at the current time.
    public init(config: SimulatorConfig, logger: Logger) {
        self.config = config
        self.time = config.timeSource
        self.logger = logger
        market = SyntheticMarket(seed: config.seed, nowMs: config.timeSource.wallMillis(), parameters: config.market)
        connRng = SimRandom(seed: config.seed ^ 0xC0FF_EE00)
        exchange = SimExchange(balanceE8: SimExchange.balanceE8(config.credentials.balanceUSDT),
                               nowMs: config.timeSource.wallMillis(), fundingPeriodMs: config.fundingPeriodMillis)
    }

    var nowMs: Int64 { time.wallMillis() }

    // MARK: market

    /// Whether this tick sends a book diff that some client would see: a `drop_diff` fault is spent only
    /// on such a tick, so every injected drop shows up as a gap (a change deep in a view nobody reads
    /// would otherwise swallow it silently, and so would a tick while the client is reconnecting).
    func hasPublishedDiff(_ t: SimInstrumentTick, state s: SimInstrumentState) -> Bool {
        guard let top = t.views.first else { return false }
        switch s.spec.id.venue {
        case .binance:
            return !top.isEmpty && Self.binanceDepthTopics(s.spec.nativeSymbol.lowercased()).contains { hasSubscribers(.binance, $0) }
        case .okx:
            return !top.isEmpty && hasSubscribers(.okx, Self.okxBooksTopic(s.spec.nativeSymbol))
        case .bybit:
            return t.views.contains { !$0.isEmpty && $0.depth > 1 && hasSubscribers(.bybit, Self.bybitBookTopic(depth: $0.depth, s.spec.nativeSymbol)) }
        }
    }

    /// Advances the market one step and publishes every venue's streams.
    public func tick() {
        let now = nowMs
        faults.expire(nowMs: now)
        let frozen = faults.frozen(in: market.instruments.map(\.spec.id), nowMs: now)
        let ticks = market.step(nowMs: now, frozen: frozen)
        for t in ticks {
            let state = market.instruments[t.index]
            // The pending-fault check first: the subscriber scan would otherwise run on every tick of every instrument.
            let drop = faults.isPending(.dropDiff, venue: state.spec.id.venue, instrument: state.spec.id)
                && hasPublishedDiff(t, state: state) && faults.consume(.dropDiff, venue: state.spec.id.venue, instrument: state.spec.id)
            switch state.spec.id.venue {
            case .binance: publishBinance(t, state: state, dropDiff: drop, nowMs: now)
            case .okx: publishOKX(t, state: state, dropDiff: drop, nowMs: now)
            case .bybit: publishBybit(t, state: state, dropDiff: drop, nowMs: now)
            }
        }
        if now - lastMarkMs >= 1_000 {
            lastMarkMs = now
            publishMarkPrices(nowMs: now)
        }
        if now - lastFundingMs >= 10_000 {
            lastFundingMs = now
            publishOKXFunding(nowMs: now)
        }
        advanceTrading(nowMs: now, frozen: frozen)
    }

    /// The current state of an instrument by venue and native symbol.
    public func instrument(venue: Venue, symbol: String) -> SimInstrumentState? {
        market.index(venue: venue, nativeSymbol: symbol).map { market.instruments[$0] }
    }

    /// All instruments of a venue.
    public func instruments(of venue: Venue) -> [SimInstrumentState] {
        market.instruments.filter { $0.spec.id.venue == venue }
    }

    // MARK: faults

    /// Applies a fault now.
    public func inject(_ fault: SimFault) {
        logger.info("sim fault injected", metadata: ["venue": "\(fault.venue)", "kind": "\(fault.kind.rawValue)"])
        if fault.kind == .closeSocket {
            closeConnections(venue: fault.venue)
            return
        }
        faults.add(fault, nowMs: nowMs)
    }

    /// Closes every WebSocket client of a venue (the `close_socket` fault, and shutdown).
    func closeConnections(venue: Venue) {
        for (id, c) in connections where c.venue == venue {
            c.continuation.yield(.close)
            c.continuation.finish()
            connections[id] = nil
            privateConnectionClosed(id)
        }
    }

    /// Removes every fault.
    public func clearFaults() { faults.clear() }

    /// Faults in force after expiring old ones.
    public func activeFaults() -> [FaultBoard.Entry] {
        faults.expire(nowMs: nowMs)
        return faults.entries
    }

    /// What a REST request of the venue must suffer: added delay and, possibly, an error status.
    public func restGate(venue: Venue, path: String) -> (delayMillis: Int, errorStatus: Int?) {
        faults.expire(nowMs: nowMs)
        return (faults.latencyMillis(venue: venue), faults.consumeRestError(venue: venue, path: path))
    }

    // MARK: connections

    /// Registers a WebSocket client and returns its id and frame stream.
    func register(venue: Venue, combined: Bool, topics: Set<String>) -> (Int, AsyncStream<SimOutbound>) {
        let (stream, cont) = AsyncStream<SimOutbound>.makeStream(bufferingPolicy: .bufferingNewest(100_000))
        let id = nextConnection
        nextConnection += 1
        let connId: String
        switch venue {
        case .okx: connId = String(connRng.next() & 0xFFFF_FFFF, radix: 16)
        default: connId = "sim" + String(connRng.next(), radix: 36) + "-\(id)"
        }
        if isShutDown {
            cont.yield(.close)
            cont.finish()
            return (id, stream)
        }
        connections[id] = SimConnection(id: id, venue: venue, combined: combined, connId: connId, topics: topics,
                                        continuation: cont)
        return (id, stream)
    }

    /// Accepts clients again (simulator start after a stop).
    func reopen() { isShutDown = false }

    /// Closes every client and refuses new ones (simulator stop).
    func shutDown() {
        isShutDown = true
        for venue in Venue.allCases { closeConnections(venue: venue) }
    }

    /// Forgets a client (its socket closed).
    func unregister(_ id: Int) {
        connections[id]?.continuation.finish()
        connections[id] = nil
        privateConnectionClosed(id)
    }

    /// Number of open WebSocket clients of a venue.
    public func connectionCount(venue: Venue) -> Int { connections.values.filter { $0.venue == venue }.count }

    /// Queues a frame to one client, honouring `stall` (dropped) and `latency` (delayed).
    func send(_ id: Int, _ text: String) {
        guard let c = connections[id] else { return }
        let now = nowMs
        if faults.isActive(.stall, venue: c.venue, nowMs: now) { return }
        let delay = faults.latencyMillis(venue: c.venue)
        let due = delay > 0 ? time.monotonicNanos() + UInt64(delay) * 1_000_000 : 0
        c.continuation.yield(.text(text, notBeforeNanos: due))
    }

    /// Sends a data frame of `instrument` to every client of `venue` subscribed to one of `topics`; `render`
    /// builds the frame for the matching topic and connection. A pending `malformed` fault (venue-wide or
    /// scoped to this instrument) replaces it with truncated garbage.
    func publish(venue: Venue, instrument: InstrumentId, topics: [String], render: (String, SimConnection) -> String) {
        var targets: [(Int, String)] = []
        for c in connections.values where c.venue == venue {
            for t in topics where c.topics.contains(t) { targets.append((c.id, render(t, c))) }
        }
        guard !targets.isEmpty else { return }
        let garbage = faults.consume(.malformed, venue: venue, instrument: instrument)
        for (id, text) in targets {
            send(id, garbage ? String(text.prefix(max(1, text.utf8.count / 2))) : text)
        }
    }

    /// Whether some client of `venue` is subscribed to `topic`.
    func hasSubscribers(_ venue: Venue, _ topic: String) -> Bool {
        connections.values.contains { $0.venue == venue && $0.topics.contains(topic) }
    }

    /// Updates a client's topic set.
    func updateTopics(_ id: Int, add: [String] = [], remove: [String] = []) {
        guard var c = connections[id] else { return }
        c.topics.formUnion(add)
        c.topics.subtract(remove)
        connections[id] = c
    }

    /// A client's connection record.
    func connection(_ id: Int) -> SimConnection? { connections[id] }

    private func publishMarkPrices(nowMs: Int64) {
        publishBinanceMarkPrices(nowMs: nowMs)
        publishOKXMarkPrices(nowMs: nowMs)
        publishBybitMarks(nowMs: nowMs)
    }

    /// Routes a client text frame to its venue's protocol handler.
    func handleInbound(_ id: Int, _ text: String) {
        guard let c = connections[id] else { return }
        switch c.venue {
        case .binance: binanceInbound(id, text)
        case .okx: okxInbound(id, text)
        case .bybit: bybitInbound(id, text)
        }
    }

    /// Called once a client's socket is up (nothing to send yet on any venue's public socket).
    func connected(_ id: Int) {}
}

extension SimState {
    /// Wall-clock ms from the simulator's time source (for front-ends outside the actor).
    public func nowMsPublic() -> Int64 { nowMs }
}
