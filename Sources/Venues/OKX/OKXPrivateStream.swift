import Atomics
public import Logging
public import PropCore

/// OKX v5 private socket `/ws/v5/private`: `login` (Unix-seconds timestamp, signed `ts+GET+/users/self/verify`),
/// then `orders` (SWAP), `positions` (SWAP) and `account`; decoded into `PrivateStreamEvent`s on `events`.
///
/// Runs on `WebSocketSession` (text `ping` when idle, dead-socket watchdog, jittered reconnect). After every
/// reconnect it logs in and subscribes again and emits `.disconnected` then `.connected`, so the order manager
/// knows to query what it missed (OKX does not replay). Frames that cannot be decoded are counted and skipped.
public final class OKXPrivateStream: Sendable {
    /// Decoded events, in arrival order.
    public let events: AsyncStream<PrivateStreamEvent>
    private let continuation: AsyncStream<PrivateStreamEvent>.Continuation
    private let session: WebSocketSession
    private let credentials: Credentials
    private let clock: ServerClock
    private let logger: Logger
    private let malformedCounter = ManagedAtomic<Int>(0)
    private let loginFailureCounter = ManagedAtomic<Int>(0)

    /// Key material kept out of descriptions and reflection.
    struct Credentials: Sendable, CustomStringConvertible, CustomReflectable {
        let apiKey: String
        let passphrase: String
        let signer: OKXSigner
        var description: String { "<redacted>" }
        var customMirror: Mirror { Mirror(self, children: [:]) }
    }

    /// A stream for the venue at `wsBaseURL` (`wss://ws.okx.com:8443` or the simulator's `ws://…`).
    /// With a `recorder`, received frames are recorded as `ws_private` (the sent login never is; key and
    /// passphrase are redacted should the venue echo them).
    public init(wsBaseURL: String, apiKey: String, secret: String, passphrase: String, clock: ServerClock,
                settings: FeedSettings, logger: Logger, recorder: FrameRecorder? = nil) {
        var base = wsBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        let url = base.hasSuffix("/ws/v5/private") ? base : base + "/ws/v5/private"
        recorder?.redact(apiKey)
        recorder?.redact(passphrase)
        session = WebSocketSession(venue: .okx, url: url, heartbeat: .textWhenIdle("ping"), settings: settings, logger: logger,
                                   recorder: recorder, recordAs: .wsPrivate)
        credentials = Credentials(apiKey: apiKey, passphrase: passphrase, signer: OKXSigner(secret: secret))
        self.clock = clock
        self.logger = logger
        (events, continuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
    }

    /// Frames that could not be decoded (skipped).
    public var malformedFrames: Int { malformedCounter.load(ordering: .relaxed) }
    /// Login attempts the venue refused.
    public var loginFailures: Int { loginFailureCounter.load(ordering: .relaxed) }
    /// Successful socket connects so far.
    public var connects: Int { session.connects }

    /// Connects, keeps the stream up and reconnects until the calling task is cancelled; then finishes `events`.
    public func run() async {
        let handler = OKXPrivateStreamHandler(stream: self)
        await session.run(handler: handler)
        continuation.finish()
    }

    func emit(_ event: PrivateStreamEvent) { continuation.yield(event) }
    func countMalformed() { malformedCounter.wrappingIncrement(ordering: .relaxed) }
    func countLoginFailure() { loginFailureCounter.wrappingIncrement(ordering: .relaxed) }

    /// The login frame for now (OKX: timestamp in Unix seconds, valid 30 s).
    func loginFrame() -> String {
        let ts = clock.nowMs / 1000
        let sign = credentials.signer.loginSignature(timestampSeconds: ts)
        return #"{"op":"login","args":[{"apiKey":\#(JSONLiteral.string(credentials.apiKey)),"passphrase":\#(JSONLiteral.string(credentials.passphrase)),"timestamp":"\#(ts)","sign":"\#(sign)"}]}"#
    }

    func log(_ message: Logger.Message, _ metadata: Logger.Metadata) { logger.warning(message, metadata: metadata) }
}

/// Per-connection protocol state of `OKXPrivateStream`; driven by `WebSocketSession` one call at a time.
final class OKXPrivateStreamHandler: WebSocketSessionHandler {
    static let channels: Set<String> = ["orders", "positions", "account"]
    static let subscribeFrame = #"{"id":"priv1","op":"subscribe","args":[{"channel":"orders","instType":"SWAP"},{"channel":"positions","instType":"SWAP"},{"channel":"account","ccy":"USDT"}]}"#

    private let stream: OKXPrivateStream
    private var subscribed: Set<String> = []
    private var live = false

    init(stream: OKXPrivateStream) { self.stream = stream }

    func sessionConnected(connectCount: Int) -> [String] {
        subscribed = []
        live = false
        return [stream.loginFrame()]
    }

    func sessionFrame(_ bytes: UnsafeRawBufferPointer, receivedNanos: UInt64, outbox: inout [String]) {
        if bytes.count == 4, String(decoding: bytes, as: UTF8.self) == "pong" { return }
        guard let frame = JSONTree.parse(Array(bytes)) else { stream.countMalformed(); return }
        if let event = frame.literal("event") {
            handleControl(event, frame, outbox: &outbox)
            return
        }
        guard let channel = frame["arg"]?.literal("channel"), case .array(let data)? = frame["data"] else {
            stream.countMalformed(); return
        }
        for item in data {
            do {
                for e in try OKXPrivateStreamDecoder.events(channel: channel, item) { stream.emit(e) }
            } catch {
                stream.countMalformed()
                stream.log("okx private push skipped", ["channel": "\(channel)", "reason": "\(error)"])
            }
        }
    }

    private func handleControl(_ event: String, _ frame: JSONTree, outbox: inout [String]) {
        switch event {
        case "login":
            if frame.literal("code") == "0" { outbox.append(Self.subscribeFrame) } else { loginFailed(frame) }
        case "subscribe":
            if let ch = frame["arg"]?.literal("channel") { subscribed.insert(ch) }
            if !live, subscribed.isSuperset(of: Self.channels) {
                live = true
                stream.emit(.connected(venue: .okx))
            }
        case "error":
            if !live { loginFailed(frame) } else {
                stream.log("okx private stream error", ["code": "\(frame.literal("code") ?? "")", "msg": "\(frame.literal("msg") ?? "")"])
            }
        default:
            break  // `notice`, `channel-conn-count`: informational.
        }
    }

    private func loginFailed(_ frame: JSONTree) {
        stream.countLoginFailure()
        stream.log("okx private login refused", ["code": "\(frame.literal("code") ?? "")", "msg": "\(frame.literal("msg") ?? "")"])
    }

    func sessionDisconnected(reason: String) {
        if live { stream.emit(.disconnected(venue: .okx, reason: reason)) }
        live = false
        subscribed = []
    }
}

/// One private push item → events. `orders` items carry the fill inline (emitted before the order state).
public enum OKXPrivateStreamDecoder {
    public static func events(channel: String, _ item: JSONTree) throws(OKXPrivateCodec.DecodeError) -> [PrivateStreamEvent] {
        switch channel {
        case "orders":
            let order = try OKXPrivateCodec.order(item)
            if let fill = try OKXPrivateCodec.embeddedFill(item) { return [.fill(fill), .order(order)] }
            return [.order(order)]
        case "positions":
            return [.position(try OKXPrivateCodec.position(item))]
        case "account":
            return try OKXPrivateCodec.balance(item).map { [.balance($0)] } ?? []
        default:
            return []
        }
    }
}
