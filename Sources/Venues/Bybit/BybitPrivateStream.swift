import Atomics
public import Logging
public import PropCore

/// Bybit v5 private WebSocket `/v5/private`: authenticates (`op:auth` with `HMAC(secret, "GET/realtime"+expires)`),
/// subscribes `order`, `execution`, `position`, `wallet` (and `dcp.future`, which keeps the disconnect-cancel-all
/// switch armed), pings with `{"op":"ping"}`, and decodes pushes into `PrivateStreamEvent`s on `events`.
///
/// After every reconnect it re-authenticates and resubscribes; `.disconnected` is emitted when a live
/// connection drops and `.connected` once the next one is subscribed, so the order manager knows to query
/// what it missed (Bybit does not replay). Malformed frames are counted and skipped.
public final class BybitPrivateStream: Sendable {
    /// Decoded events, in wire order. Finishes when `run()` returns.
    public let events: AsyncStream<PrivateStreamEvent>
    private let continuation: AsyncStream<PrivateStreamEvent>.Continuation
    private let session: WebSocketSession
    private let apiKey: String
    private let signer: BybitSigner
    private let clock: ServerClock
    private let subscribeDCP: Bool
    private let logger: Logger
    private let malformed = ManagedAtomic<Int>(0)
    private let authFailures = ManagedAtomic<Int>(0)

    /// A stream for the venue's (or the simulator's) WebSocket base URL, e.g. `wss://stream.bybit.com`.
    /// With a `recorder`, received frames are recorded as `ws_private` (the sent auth never is; the key is
    /// redacted should the venue echo it).
    public init(wsBaseURL: String, apiKey: String, apiSecret: String, settings: FeedSettings = .init(),
                clock: ServerClock = ServerClock(), subscribeDCP: Bool = true,
                logger: Logger = Logger(label: "propbot.bybit.private"), recorder: FrameRecorder? = nil) {
        var base = wsBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        let (stream, continuation) = AsyncStream<PrivateStreamEvent>.makeStream(bufferingPolicy: .bufferingNewest(100_000))
        events = stream
        self.continuation = continuation
        recorder?.redact(apiKey)
        session = WebSocketSession(venue: .bybit, url: base + "/v5/private",
                                   heartbeat: .textPeriodic(#"{"req_id":"ping","op":"ping"}"#), settings: settings, logger: logger,
                                   recorder: recorder, recordAs: .wsPrivate)
        self.apiKey = apiKey
        signer = BybitSigner(secret: apiSecret)
        self.clock = clock
        self.subscribeDCP = subscribeDCP
        self.logger = logger
    }

    /// Frames that could not be decoded (skipped).
    public var malformedFrames: Int { malformed.load(ordering: .relaxed) }
    /// Authentication answers with `success:false`.
    public var authenticationFailures: Int { authFailures.load(ordering: .relaxed) }
    /// Connections opened so far (1 = the first).
    public var connects: Int { session.connects }
    /// Connections after the first.
    public var reconnects: Int { session.reconnects }

    /// Connects, keeps the socket up and reconnects until the calling task is cancelled; then finishes `events`.
    public func run() async {
        let handler = BybitPrivateHandler(stream: self)
        await session.run(handler: handler)
        continuation.finish()
    }

    // MARK: used by the handler

    func emit(_ event: PrivateStreamEvent) { continuation.yield(event) }
    func countMalformed() { malformed.wrappingIncrement(ordering: .relaxed) }

    func authFrame() -> String {
        // `expires` a little in the future: the venue rejects an auth whose expiry has passed.
        let expires = clock.nowMs + 10_000
        return #"{"req_id":"auth","op":"auth","args":[\#(JSONLiteral.string(apiKey)),\#(expires),"\#(signer.wsAuthSignature(expiresMs: expires))"]}"#
    }

    func subscribeFrames() -> [String] {
        var frames = [#"{"req_id":"sub","op":"subscribe","args":["order","execution","position","wallet"]}"#]
        // Separate request: accounts without DCP may refuse this topic, which must not block the others.
        if subscribeDCP { frames.append(#"{"req_id":"dcp","op":"subscribe","args":["dcp.future"]}"#) }
        return frames
    }

    func authFailed(_ message: String) {
        authFailures.wrappingIncrement(ordering: .relaxed)
        logger.warning("bybit private auth refused", metadata: ["ret_msg": "\(message)"])
    }

    func subscribeFailed(_ reqId: String, _ message: String) {
        logger.warning("bybit private subscribe refused", metadata: ["req_id": "\(reqId)", "ret_msg": "\(message)"])
    }
}

/// Per-connection protocol state of `BybitPrivateStream`; driven by `WebSocketSession` one call at a time.
final class BybitPrivateHandler: WebSocketSessionHandler {
    private let stream: BybitPrivateStream
    /// `.connected` was emitted for the current connection.
    private var live = false

    init(stream: BybitPrivateStream) { self.stream = stream }

    func sessionConnected(connectCount: Int) -> [String] {
        live = false
        return [stream.authFrame()]
    }

    func sessionFrame(_ bytes: UnsafeRawBufferPointer, receivedNanos: UInt64, outbox: inout [String]) {
        guard let json = JSONTree.parse(bytes) else { stream.countMalformed(); return }
        if let op = json["op"]?.text {
            let ok = json["success"]?.bool ?? true
            let message = json["ret_msg"]?.text ?? ""
            switch op {
            case "auth":
                if ok { outbox += stream.subscribeFrames() } else { stream.authFailed(message) }
            case "subscribe":
                let reqId = json["req_id"]?.text ?? ""
                if !ok { stream.subscribeFailed(reqId, message); return }
                if reqId == "sub", !live {
                    live = true
                    stream.emit(.connected(venue: .bybit))
                }
            default:
                break // pong
            }
            return
        }
        guard let topic = json["topic"]?.text, let data = json["data"]?.array else { stream.countMalformed(); return }
        do throws(VenueCodecError) {
            let events = try Self.decode(topic: topic, data: data)
            for e in events { stream.emit(e) }
        } catch {
            stream.countMalformed()
        }
    }

    func sessionDisconnected(reason: String) {
        if live { stream.emit(.disconnected(venue: .bybit, reason: reason)) }
        live = false
    }

    /// The events of one push; a bad item rejects the whole frame (counted as malformed).
    static func decode(topic: String, data: [JSONTree]) throws(VenueCodecError) -> [PrivateStreamEvent] {
        let kind = topic.split(separator: ".").first.map(String.init) ?? topic
        var out: [PrivateStreamEvent] = []
        for (i, item) in data.enumerated() {
            let field = "data[\(i)]"
            switch kind {
            case "order":
                out.append(.order(try BybitPrivateCodec.order(item, field: field).report))
            case "execution":
                switch try BybitPrivateCodec.execution(item, field: field) {
                case .fill(let f): out.append(.fill(f))
                case .funding(let instrument, let amount, let ts): out.append(.funding(instrument: instrument, amount: amount, tsMs: ts))
                case .other: break
                }
            case "position":
                out.append(.position(try BybitPrivateCodec.position(item, field: field)))
            case "wallet":
                if let b = try BybitPrivateCodec.usdtBalance(item, field: field) { out.append(.balance(b)) }
            default:
                break // dcp.* status and topics we did not ask for
            }
        }
        return out
    }
}
