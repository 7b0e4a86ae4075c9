import Atomics
public import AsyncHTTPClient
public import CoreMetrics
public import Logging
import MarketData
public import PropCore

/// Live public market data of one venue: loads the instrument rules over REST, keeps one WebSocket
/// session up, and keeps one continuity-checked `BookSync` per instrument, resyncing any book that
/// loses continuity (REST snapshot on Binance, resubscribe on OKX/Bybit) without touching the others.
///
/// Readers call `books()` from any thread: it reads lock-free published tops (see `PublishedTop`).
/// Book invalidations, resyncs and reconnects arrive on `events`.
public final class MarketDataFeed<P: VenuePublicProtocol>: Sendable {
    /// The venue's stream specifics.
    public let proto: P
    /// Timings and depths.
    public let settings: FeedSettings
    /// Instruments requested (canonical ids of this venue).
    public let instruments: [InstrumentId]
    /// Feed events, newest kept when the reader falls behind (bounded at 1024).
    public let events: AsyncStream<FeedEvent>
    /// The venue's public REST client (also usable for one-off queries).
    public let rest: P.REST
    private let eventSink: AsyncStream<FeedEvent>.Continuation
    private let wsBaseURL: String
    private let metricsFactory: any MetricsFactory
    private let time: any TimeSource
    private let logger: Logger
    let registry = ManagedAtomicLazyReference<BookRegistry>()
    private let sessionRef = ManagedAtomicLazyReference<WebSocketSession>()
    private let recorder: FrameRecorder?

    /// A feed for `instruments` on `proto`'s venue. `http` is owned by the caller (default: the process-wide shared client); metrics go to `metrics`
    /// (never to the global system). With a `recorder` (of this venue), every WebSocket frame and REST body
    /// received is also recorded; `nil` changes nothing.
    public init(proto: P, instruments: [InstrumentId], restBaseURL: String, wsBaseURL: String, http: HTTPClient = .shared,
                settings: FeedSettings, metrics: any MetricsFactory, time: any TimeSource = SystemTimeSource(),
                logger: Logger, recorder: FrameRecorder? = nil) {
        self.recorder = recorder
        self.proto = proto
        self.settings = settings
        self.instruments = instruments.filter { $0.venue == P.Codec.venue }
        self.wsBaseURL = wsBaseURL
        self.metricsFactory = metrics
        self.time = time
        self.logger = logger
        self.rest = proto.makeREST(transport: VenueRESTTransport(venue: P.Codec.venue, baseURL: restBaseURL, http: http,
                                                                  settings: settings, logger: logger, recorder: recorder))
        (events, eventSink) = AsyncStream.makeStream(of: FeedEvent.self, bufferingPolicy: .bufferingNewest(1024))
    }

    /// The venue.
    public var venue: Venue { P.Codec.venue }

    /// Reconnects of the socket so far (0 before and during the first connection).
    public var reconnects: Int { sessionRef.load()?.reconnects ?? 0 }

    /// Top of every book, in the order instruments were requested; empty until the instrument list loaded.
    public func books() -> [BookView] {
        guard let reg = registry.load() else { return [] }
        let now = time.monotonicNanos()
        return reg.slots.map { slot in
            let t = slot.top.read()
            let age: Int64? = t.updatedNanos == 0 ? nil : Int64((now &- t.updatedNanos) / 1_000_000)
            return BookView(
                instrument: slot.instrument, venue: venue, symbol: slot.symbol,
                bid: t.hasBid ? Price(units: t.bidPrice, scale: slot.priceScale).description : nil,
                bidQty: t.hasBid ? Qty(units: t.bidQty, scale: slot.qtyScale).description : nil,
                ask: t.hasAsk ? Price(units: t.askPrice, scale: slot.priceScale).description : nil,
                askQty: t.hasAsk ? Qty(units: t.askQty, scale: slot.qtyScale).description : nil,
                valid: t.valid, stale: age.map { $0 > settings.staleMs } ?? true, ageMs: age, seq: t.seq)
        }
    }

    /// The view of one instrument, if it is part of this feed.
    public func book(_ instrument: InstrumentId) -> BookView? { books().first { $0.instrument == instrument } }

    /// Runs the feed until the calling task is cancelled: instrument load (retried with backoff), then
    /// the socket, the Binance snapshot fetcher and the freshness gauge updater.
    public func run() async {
        guard let (table, slots) = await loadInstruments() else { return }
        let reg = registry.storeIfNilThenLoad(BookRegistry(slots: slots))
        let mailbox = SnapshotMailbox(count: slots.count)
        let (requests, requestSink) = AsyncStream.makeStream(of: FeedConnection<P>.SnapshotRequest.self,
                                                             bufferingPolicy: .unbounded)
        let connection = FeedConnection(proto: proto, settings: settings, table: table, slots: reg.slots, mailbox: mailbox,
                                        requests: requestSink, events: eventSink, logger: logger)
        let url = proto.webSocketURL(base: wsBaseURL, symbols: slots.map(\.symbol), settings: settings)
        let session = sessionRef.storeIfNilThenLoad(
            WebSocketSession(venue: venue, url: url, heartbeat: proto.heartbeat, settings: settings, time: time, logger: logger,
                             recorder: recorder, recordAs: .wsPublic))
        let box = HandlerBox(connection)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await session.run(handler: box.handler) }
            group.addTask { await self.fetchSnapshots(requests, table: table, slots: reg.slots, mailbox: mailbox) }
            group.addTask { await self.updateFreshness(reg) }
            // Every child runs until cancellation (the fetcher idles when snapshots come on the socket).
            await group.waitForAll()
        }
        requestSink.finish()
    }

    /// Loads the rules and builds the symbol table in request order; retries until it works or is cancelled.
    private func loadInstruments() async -> (SymbolTable, [BookSlot])? {
        var backoff = settings.makeBackoff(salt: 0xA11)
        while !Task.isCancelled {
            do {
                let rules = try await rest.instruments()
                var bySymbol: [String: InstrumentRules] = [:]
                for r in rules { bySymbol[r.nativeSymbol] = r }
                var specs: [SymbolSpec] = []
                var slots: [BookSlot] = []
                for id in instruments {
                    let native = NativeSymbol.symbol(for: id)
                    guard let r = bySymbol[native] else {
                        logger.warning("instrument not listed by venue", metadata: ["instrument": "\(id)"])
                        eventSink.yield(.instrumentNotListed(instrument: id, symbol: native))
                        continue
                    }
                    specs.append(SymbolSpec(nativeSymbol: native, priceScale: r.priceScale, qtyScale: r.qtyScale))
                    slots.append(BookSlot(instrument: id, symbol: native, priceScale: r.priceScale, qtyScale: r.qtyScale,
                                          metrics: BookMetrics(venue: venue, symbol: native, factory: metricsFactory)))
                }
                return (SymbolTable(specs), slots)
            } catch {
                eventSink.yield(.restFailed(venue: venue, code: error.code, messageRu: error.messageRu))
                try? await Task.sleep(for: .milliseconds(backoff.nextDelayMs()))
            }
        }
        return nil
    }

    /// Binance: fetches each requested REST snapshot (retrying until success) and drops it in the mailbox.
    private func fetchSnapshots(_ requests: AsyncStream<FeedConnection<P>.SnapshotRequest>, table: SymbolTable,
                                slots: [BookSlot], mailbox: SnapshotMailbox) async {
        guard proto.snapshotsOverREST else {
            // Nothing to fetch; stay in the group until the feed is cancelled.
            for await _ in requests {}
            return
        }
        var update = DepthUpdate()
        var backoff = settings.makeBackoff(salt: 0x5A9)
        for await request in requests {
            if request.attempt > 0 {
                // A snapshot that did not connect to the diff stream is retried, but not in a tight loop.
                try? await Task.sleep(for: .milliseconds(min(settings.reconnectMaxMs, settings.reconnectInitialMs * Int64(min(request.attempt, 8)))))
            }
            while !Task.isCancelled {
                do {
                    try await rest.depthSnapshot(symbol: slots[request.slot].symbol, limit: settings.snapshotLimit,
                                                 symbols: table, into: &update)
                    mailbox.deliver(slot: request.slot, .init(update: update, generation: request.generation))
                    backoff.reset()
                    break
                } catch {
                    eventSink.yield(.restFailed(venue: venue, code: error.code, messageRu: error.messageRu))
                    logger.warning("snapshot failed", metadata: ["symbol": "\(slots[request.slot].symbol)", "code": "\(error.code)"])
                    try? await Task.sleep(for: .milliseconds(backoff.nextDelayMs()))
                }
            }
            if Task.isCancelled { return }
        }
    }

    /// About once a second (off the hot path): sets `book_freshness_ms` and `ws_gap_ms` for every book,
    /// and reports a book that went stale (no update for `staleMs`) or came back.
    private func updateFreshness(_ reg: BookRegistry) async {
        var stale = [Bool](repeating: false, count: reg.slots.count)
        while !Task.isCancelled {
            let now = time.monotonicNanos()
            for (i, slot) in reg.slots.enumerated() {
                let t = slot.top.read()
                let ageMs = t.updatedNanos == 0 ? nil : Int64((now &- t.updatedNanos) / 1_000_000)
                if let ageMs { slot.metrics.freshnessMs.record(ageMs) }
                slot.metrics.publishGap()
                let isStale = ageMs.map { $0 > settings.staleMs } ?? false
                if isStale != stale[i] {
                    stale[i] = isStale
                    eventSink.yield(isStale ? .bookStale(instrument: slot.instrument, ageMs: ageMs ?? 0)
                                            : .bookFresh(instrument: slot.instrument))
                }
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }
}
