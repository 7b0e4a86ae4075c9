import Atomics
public import Logging
public import PropCore

/// Binance USD-M user-data stream: gets a listen key (`POST /fapi/v1/listenKey`), connects `/ws/<listenKey>`,
/// keeps the key alive with `PUT` every `keepAliveMs`, and decodes `ORDER_TRADE_UPDATE` / `ACCOUNT_UPDATE`
/// into `events`. After any drop or `listenKeyExpired` it emits `.disconnected`, takes a key again (the
/// venue's re-authentication), reconnects with backoff and emits `.connected`, so the order manager knows to
/// query what it missed. Malformed frames are counted and skipped.
public final class BinancePrivateStream: Sendable {
    /// Decoded events; finishes when `run()` returns.
    public let events: AsyncStream<PrivateStreamEvent>
    private let continuation: AsyncStream<PrivateStreamEvent>.Continuation
    private let client: BinanceTradingClient
    private let wsBaseURL: String
    private let settings: FeedSettings
    private let keepAliveMs: Int64
    private let logger: Logger
    private let malformed = ManagedAtomic<Int>(0)
    private let sessions = ManagedAtomic<Int>(0)
    private let recorder: FrameRecorder?

    /// Text sent when the socket is idle, so a dead connection is noticed within `settings.staleMs`
    /// (the venue answers `{"result":[…],"id":1}`; its own pings are invisible to the client).
    static let idleProbe = #"{"method":"LIST_SUBSCRIPTIONS","id":1}"#

    /// A stream for the account of `client`; `wsBaseURL` is e.g. `wss://fstream.binance.com` or the simulator's.
    /// With a `recorder`, received frames are recorded as `ws_private` (each listen key redacted).
    public init(client: BinanceTradingClient, wsBaseURL: String, settings: FeedSettings = FeedSettings(staleMs: 60_000),
                keepAliveMs: Int64 = 30 * 60_000, logger: Logger, recorder: FrameRecorder? = nil) {
        self.recorder = recorder
        var base = wsBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.client = client; self.wsBaseURL = base; self.settings = settings
        self.keepAliveMs = max(1_000, keepAliveMs); self.logger = logger
        (events, continuation) = AsyncStream<PrivateStreamEvent>.makeStream(bufferingPolicy: .bufferingNewest(100_000))
    }

    /// Frames that could not be decoded (skipped).
    public var malformedFrames: Int { malformed.load(ordering: .relaxed) }
    /// Connections opened with a fresh listen key so far.
    public var sessionCount: Int { sessions.load(ordering: .relaxed) }

    /// Runs until the calling task is cancelled, then finishes `events`.
    public func run() async {
        var backoff = settings.makeBackoff(salt: 0xB1A5)
        while !Task.isCancelled {
            let key: String
            do throws(VenueOrderError) {
                key = try await client.createListenKey()
            } catch {
                logger.warning("binance listen key failed", metadata: ["code": "\(error.code)", "reason": "\(error.messageRu)"])
                try? await Task.sleep(for: .milliseconds(backoff.nextDelayMs()))
                continue
            }
            sessions.wrappingIncrement(ordering: .relaxed)
            let connected = await runSession(key: key)
            if Task.isCancelled { break }
            if connected { backoff.reset() }
            try? await Task.sleep(for: .milliseconds(backoff.nextDelayMs()))
        }
        continuation.finish()
    }

    /// One listen key's life: socket plus keepalive until the handler or the keepalive asks for a new key.
    /// Returns whether the socket ever connected.
    private func runSession(key: String) async -> Bool {
        // The listen key is in the URL (never recorded) and in `listenKeyExpired` frames (redacted).
        recorder?.redact(key)
        let session = WebSocketSession(venue: .binance, url: wsBaseURL + "/ws/" + key,
                                       heartbeat: .textWhenIdle(Self.idleProbe), settings: settings, logger: logger,
                                       recorder: recorder, recordAs: .wsPrivate)
        let (restart, restartSink) = AsyncStream<String>.makeStream()
        let events = continuation, malformed = self.malformed, client = self.client
        let keepAliveMs = self.keepAliveMs, logger = self.logger
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                let handler = BinancePrivateStreamHandler(events: events, restart: restartSink, malformed: malformed)
                await session.run(handler: handler)
            }
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(keepAliveMs))
                    if Task.isCancelled { return }
                    do throws(VenueOrderError) { try await client.keepAliveListenKey() } catch {
                        logger.warning("binance listen key keepalive failed", metadata: ["code": "\(error.code)"])
                        if error.outcome == .rejected {
                            restartSink.yield("listen key keepalive refused: \(error.code)")
                            return
                        }
                    }
                }
            }
            group.addTask {
                for await _ in restart { return }
            }
            await group.next()
            group.cancelAll()
        }
        return session.connects > 0
    }
}

/// Decodes user-data frames on the session's receive task and signals when the key must be renewed.
/// Used by one `WebSocketSession` at a time, so its state needs no lock.
final class BinancePrivateStreamHandler: WebSocketSessionHandler {
    private let events: AsyncStream<PrivateStreamEvent>.Continuation
    private let restart: AsyncStream<String>.Continuation
    private let malformed: ManagedAtomic<Int>
    /// Set once this key's connection is over; later callbacks emit nothing.
    private var ended = false

    init(events: AsyncStream<PrivateStreamEvent>.Continuation, restart: AsyncStream<String>.Continuation,
         malformed: ManagedAtomic<Int>) {
        self.events = events; self.restart = restart; self.malformed = malformed
    }

    func sessionConnected(connectCount: Int) -> [String] {
        // A reconnect inside the same key is not used: every drop goes back for a key (re-authentication).
        if ended || connectCount > 1 { finish("reconnect needs a fresh listen key"); return [] }
        events.yield(.connected(venue: .binance))
        return []
    }

    func sessionFrame(_ bytes: UnsafeRawBufferPointer, receivedNanos: UInt64, outbox: inout [String]) {
        if ended { return }
        do throws(VenueCodecError) {
            switch try BinancePrivateCodec.streamMessage(Array(bytes)) {
            case .events(let list): for e in list { events.yield(e) }
            case .listenKeyExpired: finish("listenKeyExpired")
            }
        } catch {
            malformed.wrappingIncrement(ordering: .relaxed)
        }
    }

    func sessionDisconnected(reason: String) { finish(reason) }

    private func finish(_ reason: String) {
        guard !ended else { return }
        ended = true
        events.yield(.disconnected(venue: .binance, reason: reason))
        restart.yield(reason)
    }
}
