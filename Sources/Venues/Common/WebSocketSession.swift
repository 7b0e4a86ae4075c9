import Atomics
import HummingbirdWSClient
public import Logging
import NIOCore
public import PropCore

/// One venue WebSocket connection that stays up: connect, subscribe, keep the venue's heartbeat,
/// declare the socket dead after `staleMs` without any frame, reconnect with jittered exponential
/// backoff and subscribe again — until the surrounding task is cancelled.
///
/// Frames go straight from the receive loop to the handler's synchronous `sessionFrame`, with no
/// queue, actor hop or copy in between (multi-frame messages are reassembled into one reused buffer).
public final class WebSocketSession: Sendable {
    /// Venue this socket belongs to (for logs and error text).
    public let venue: Venue
    /// Full `ws://` or `wss://` URL including path and query.
    public let url: String
    private let heartbeat: HeartbeatPolicy
    private let settings: FeedSettings
    private let time: any TimeSource
    private let logger: Logger
    private let connectCounter = ManagedAtomic<Int>(0)
    private let reconnectCounter = ManagedAtomic<Int>(0)
    private let lastFrameNanos = ManagedAtomic<UInt64>(0)
    private let recorder: FrameRecorder?
    private let recordChannel: RecordedChannel

    /// A session for `url`; nothing happens until `run(handler:)`. With a `recorder`, every frame received
    /// (never one sent) is also recorded as `recordAs`, before the handler sees it.
    public init(venue: Venue, url: String, heartbeat: HeartbeatPolicy, settings: FeedSettings,
                time: any TimeSource = SystemTimeSource(), logger: Logger,
                recorder: FrameRecorder? = nil, recordAs: RecordedChannel = .wsPublic) {
        self.venue = venue; self.url = url; self.heartbeat = heartbeat; self.settings = settings
        self.time = time; self.logger = logger; self.recorder = recorder; self.recordChannel = recordAs
    }

    /// Successful connects so far.
    public var connects: Int { connectCounter.load(ordering: .relaxed) }
    /// Connects after the first one.
    public var reconnects: Int { reconnectCounter.load(ordering: .relaxed) }
    /// Monotonic time of the last frame of any kind seen (0 before the first).
    public var lastFrameAtNanos: UInt64 { lastFrameNanos.load(ordering: .relaxed) }

    /// Runs connect → serve → backoff → reconnect until the calling task is cancelled.
    /// `handler` is used only from this call's tasks, one call at a time.
    public func run(handler: some WebSocketSessionHandler) async {
        var backoff = settings.makeBackoff(salt: UInt64(venue.rawValue.utf8.count) &* 0x9E37)
        let box = HandlerBox(handler)
        while !Task.isCancelled {
            let progress = ManagedAtomic<Bool>(false)
            var reason = "closed by server"
            do {
                let config = WebSocketClientConfiguration(
                    maxFrameSize: 1 << 24, closeTimeout: .milliseconds(min(1000, max(100, settings.staleMs))),
                    autoPing: .disabled)
                try await WebSocketClient.connect(url: url, configuration: config, logger: logger) { inbound, outbound, _ in
                    try await self.serve(inbound: inbound, outbound: outbound, box: box, progress: progress)
                }
            } catch is CancellationError {
                reason = "cancelled"
            } catch {
                reason = String(describing: error)
            }
            if progress.load(ordering: .relaxed) {
                box.handler.sessionDisconnected(reason: reason)
                backoff.reset()
            }
            if Task.isCancelled { break }
            let delay = backoff.nextDelayMs()
            logger.info("ws disconnected", metadata: ["venue": "\(venue)", "reason": "\(reason)", "retry_ms": "\(delay)"])
            try? await Task.sleep(for: .milliseconds(delay))
        }
    }

    /// One connection: subscribe, then read frames while a watchdog keeps the heartbeat and detects death.
    private func serve(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, box: HandlerBox,
                       progress: ManagedAtomic<Bool>) async throws {
        let count = connectCounter.wrappingIncrementThenLoad(ordering: .relaxed)
        if count > 1 { reconnectCounter.wrappingIncrement(ordering: .relaxed) }
        lastFrameNanos.store(time.monotonicNanos(), ordering: .relaxed)
        progress.store(true, ordering: .relaxed)
        for text in box.handler.sessionConnected(connectCount: count) {
            try await outbound.writeTextMessage(text)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.watchdog(outbound: outbound) }
            group.addTask { try await self.receive(inbound: inbound, outbound: outbound, box: box) }
            // Whichever ends first (socket closed, or watchdog declared it dead) ends the connection.
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    /// The hot loop: every message is handed to the handler synchronously on this task.
    private func receive(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, box: HandlerBox) async throws {
        let handler = box.handler
        let recorder = self.recorder, channel = recordChannel
        var outbox: [String] = []
        outbox.reserveCapacity(8)
        var assembly = ByteBuffer()
        var iterator = inbound.makeAsyncIterator()
        while let frame = try await iterator.next() {
            let now = time.monotonicNanos()
            lastFrameNanos.store(now, ordering: .relaxed)
            if frame.fin && assembly.readableBytes == 0 {
                frame.data.withUnsafeReadableBytes { bytes in
                    recorder?.record(bytes, channel: channel, receivedNanos: now)
                    handler.sessionFrame(bytes, receivedNanos: now, outbox: &outbox)
                }
            } else {
                var data = frame.data
                assembly.writeBuffer(&data)
                guard frame.fin else { continue }
                assembly.withUnsafeReadableBytes { bytes in
                    recorder?.record(bytes, channel: channel, receivedNanos: now)
                    handler.sessionFrame(bytes, receivedNanos: now, outbox: &outbox)
                }
                assembly.clear()
            }
            if !outbox.isEmpty {
                for text in outbox { try await outbound.writeTextMessage(text) }
                outbox.removeAll(keepingCapacity: true)
            }
        }
    }

    /// Sends the venue's client heartbeat and throws `StaleConnection` once nothing arrived for `staleMs`.
    private func watchdog(outbound: WebSocketOutboundWriter) async throws {
        let staleNanos = UInt64(max(1, settings.staleMs)) * 1_000_000
        // Ping at least twice per stale window, so a quiet but healthy socket always has a pong arriving
        // before it would be declared dead.
        let pingNanos = UInt64(max(1, min(settings.pingIntervalMs, settings.staleMs / 2))) * 1_000_000
        let tick = max(10, Int64(pingNanos / 1_000_000) / 4)
        var lastPing = time.monotonicNanos()
        while true {
            try await Task.sleep(for: .milliseconds(tick))
            let now = time.monotonicNanos()
            let last = lastFrameNanos.load(ordering: .relaxed)
            let idle = now > last ? now - last : 0
            if idle >= staleNanos { throw StaleConnection(idleMs: Int64(idle / 1_000_000)) }
            switch heartbeat {
            case .serverPings:
                break
            case .textWhenIdle(let text):
                if idle >= pingNanos && now - lastPing >= pingNanos {
                    try await outbound.writeTextMessage(text); lastPing = now
                }
            case .textPeriodic(let text):
                if now - lastPing >= pingNanos {
                    try await outbound.writeTextMessage(text); lastPing = now
                }
            }
        }
    }
}

/// Thrown by the watchdog when the socket went silent; ends the connection so it is re-made.
struct StaleConnection: Error, CustomStringConvertible {
    var idleMs: Int64
    var description: String { "no frame for \(idleMs) ms" }
}

/// Carries the non-Sendable handler into the WebSocket client's `@Sendable` closure.
///
/// Safety: `WebSocketSession.run` makes one connection at a time and awaits its end (the client's
/// `connect` returns only after our closure and its task group finished) before calling the handler
/// again or opening the next one. Inside a connection only the `receive` task and `serve` (before
/// the group starts) call the handler; the watchdog never touches it. So accesses are sequential,
/// each ordered before the next by task completion.
final class HandlerBox: @unchecked Sendable {
    let handler: any WebSocketSessionHandler
    init(_ handler: any WebSocketSessionHandler) { self.handler = handler }
}
