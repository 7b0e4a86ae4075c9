import Foundation

/// One typed event of the operator stream.
public struct StreamEvent: Sendable, Equatable {
    /// Grows by one per published event (heartbeats carry the latest id and are not kept).
    public var id: UInt64
    /// `control.changed`, `opportunity`, `execution`, `pnl`, `alerts.raised`, `limits.breached`, `heartbeat`, …
    public var type: String
    /// The JSON payload, one line.
    public var data: String

    /// The event as SSE text.
    var sse: String { "id: \(id)\nevent: \(type)\ndata: \(data)\n\n" }
}

/// Fan-out of operator events to stream clients. Publishing never waits on a client: each subscriber has a
/// bounded buffer, and a client whose buffer is full is dropped (its stream ends; it reconnects with
/// `Last-Event-ID` and resumes from the replay ring). The engine never publishes here directly — a publisher
/// task reads its published views — so a slow client cannot slow trading.
public actor EventHub {
    private var nextId: UInt64 = 0
    private var ring: [StreamEvent] = []
    private var subscribers: [UInt64: AsyncStream<StreamEvent>.Continuation] = [:]
    private var nextSubscriber: UInt64 = 0
    /// Clients dropped for not keeping up, since start.
    public private(set) var droppedClients = 0
    let replayLimit: Int
    let clientBuffer: Int

    public init(replayLimit: Int = 2_048, clientBuffer: Int = 512) {
        self.replayLimit = replayLimit; self.clientBuffer = clientBuffer
    }

    /// Publishes one event to every client and the replay ring.
    public func publish(_ type: String, json: String) {
        nextId += 1
        let event = StreamEvent(id: nextId, type: type, data: json)
        ring.append(event)
        if ring.count > replayLimit { ring.removeFirst(ring.count - replayLimit) }
        deliver(event)
    }

    /// A heartbeat to every client (not kept for replay: it carries no state).
    public func heartbeat(json: String) { deliver(StreamEvent(id: nextId, type: "heartbeat", data: json)) }

    private func deliver(_ event: StreamEvent) {
        for (key, continuation) in subscribers {
            if case .dropped = continuation.yield(event) {
                // Full: this client is too slow; end its stream rather than slow or grow anything.
                continuation.finish()
                subscribers[key] = nil
                droppedClients += 1
            }
        }
    }

    /// A new client. With `lastEventId`, the kept events after it are delivered first (resume); `resumeGap` is
    /// true when some events after it were already dropped from the ring (the client should reload its views).
    public func subscribe(lastEventId: UInt64?) -> (stream: AsyncStream<StreamEvent>, resumeGap: Bool) {
        let (stream, continuation) = AsyncStream<StreamEvent>.makeStream(bufferingPolicy: .bufferingOldest(clientBuffer))
        var gap = false
        if let last = lastEventId {
            let missed = ring.filter { $0.id > last }
            gap = (ring.first.map { $0.id > last + 1 } ?? (last < nextId))
            for event in missed.suffix(clientBuffer) { continuation.yield(event) }
        }
        nextSubscriber += 1
        let key = nextSubscriber
        subscribers[key] = continuation
        continuation.onTermination = { [weak self] _ in Task { await self?.remove(key) } }
        return (stream, gap)
    }

    private func remove(_ key: UInt64) { subscribers[key] = nil }

    /// Connected clients.
    public var clientCount: Int { subscribers.count }

    /// The id of the latest event.
    public var latestId: UInt64 { nextId }
}
