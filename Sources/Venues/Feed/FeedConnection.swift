import Logging
import MarketData
import PropCore

/// The receiving-task side of a feed: owns the codec, the reusable `DepthUpdate` and every `BookSync`,
/// applies each frame in place, publishes tops, and asks for resyncs. Used only by `WebSocketSession`'s
/// receiving task (see `WebSocketSessionHandler`), so it holds plain mutable state.
final class FeedConnection<P: VenuePublicProtocol>: WebSocketSessionHandler {
    /// A Binance snapshot request for the fetcher task.
    struct SnapshotRequest: Sendable { var slot: Int; var generation: Int; var attempt: Int }

    private let proto: P
    private let settings: FeedSettings
    private let slots: [BookSlot]
    private let symbols: [String]
    private let mailbox: SnapshotMailbox
    private let requests: AsyncStream<SnapshotRequest>.Continuation
    private let events: AsyncStream<FeedEvent>.Continuation
    private let logger: Logger
    private var codec: P.Codec
    private var update = DepthUpdate()
    private var syncs: [BookSync]
    private var lastDepthNanos: [UInt64]
    /// Binance: a snapshot is requested and not yet delivered.
    private var inFlight: [Bool]
    /// Binance: wait for the first buffered diff before asking for the snapshot (official procedure).
    private var wantSnapshot: [Bool]
    private var attempts: [Int]
    /// When each book last started (re)syncing; a book still not valid `staleMs` later is asked again,
    /// because the snapshot or subscription answer can be lost (e.g. sent into a stalled socket).
    private var syncingSince: [UInt64]
    private var generation = 0
    private var venueMalformed = 0

    init(proto: P, settings: FeedSettings, table: SymbolTable, slots: [BookSlot], mailbox: SnapshotMailbox,
         requests: AsyncStream<SnapshotRequest>.Continuation, events: AsyncStream<FeedEvent>.Continuation, logger: Logger) {
        self.proto = proto; self.settings = settings; self.slots = slots; self.mailbox = mailbox
        self.requests = requests; self.events = events; self.logger = logger
        self.codec = P.Codec(symbols: table)
        self.symbols = slots.map(\.symbol)
        self.syncs = slots.map { BookSync(venue: P.Codec.venue, priceScale: $0.priceScale, qtyScale: $0.qtyScale) }
        self.lastDepthNanos = Array(repeating: 0, count: slots.count)
        self.inFlight = Array(repeating: false, count: slots.count)
        self.wantSnapshot = Array(repeating: false, count: slots.count)
        self.attempts = Array(repeating: 0, count: slots.count)
        self.syncingSince = Array(repeating: 0, count: slots.count)
    }

    func sessionConnected(connectCount: Int) -> [String] {
        generation += 1
        if connectCount > 1 { for s in slots { s.metrics.reconnects.increment() } }
        events.yield(.connected(venue: proto.venue, connectCount: connectCount))
        for i in syncs.indices {
            syncs[i].resetForResync()
            slots[i].top.setValid(false)
            wantSnapshot[i] = proto.snapshotsOverREST
            inFlight[i] = false
            attempts[i] = 0
            syncingSince[i] = 0
        }
        return proto.subscribeFrames(symbols: symbols, settings: settings)
    }

    func sessionDisconnected(reason: String) {
        events.yield(.disconnected(venue: proto.venue, reason: reason))
        for i in syncs.indices {
            let wasValid = syncs[i].isValid
            syncs[i].invalidate(.disconnected)
            slots[i].top.setValid(false)
            if wasValid { events.yield(.bookInvalidated(instrument: slots[i].instrument, reason: BookInvalidReason.disconnected.rawValue)) }
        }
    }

    func sessionFrame(_ bytes: UnsafeRawBufferPointer, receivedNanos: UInt64, outbox: inout [String]) {
        if mailbox.hasPending { drainSnapshots(now: receivedNanos, outbox: &outbox) }
        // OKX answers the text heartbeat with a bare `pong`, which is not JSON; it only proves liveness.
        if bytes.count == 4, bytes[0] == 0x70, bytes[1] == 0x6F, bytes[2] == 0x6E, bytes[3] == 0x67 { return }
        update.reset()
        let message: MarketMessage
        do {
            message = try codec.decode(bytes, into: &update)
        } catch {
            malformed(error, now: receivedNanos, outbox: &outbox)
            return
        }
        if case .mark(let tick) = message {
            if slots.indices.contains(tick.slot) { slots[tick.slot].mark.merge(tick) }
            return
        }
        guard case .depth = message else { return }
        let slot = update.slot
        guard slots.indices.contains(slot) else { return }
        let metrics = slots[slot].metrics
        metrics.messages.increment()
        let previous = lastDepthNanos[slot]
        if previous != 0, receivedNanos > previous { metrics.noteGap(receivedNanos - previous) }
        lastDepthNanos[slot] = receivedNanos
        let wasValid = syncs[slot].isValid
        let action = syncs[slot].handle(update)
        react(slot: slot, action: action, wasValid: wasValid, now: receivedNanos, outbox: &outbox)
    }

    /// Publishes the outcome of one depth message and starts a resync when needed.
    private func react(slot: Int, action: SyncAction, wasValid: Bool, now: UInt64, outbox: inout [String]) {
        switch action {
        case .applied:
            publish(slot: slot, now: now)
            attempts[slot] = 0
            if !wasValid { events.yield(.bookResynced(instrument: slots[slot].instrument, seq: syncs[slot].lastUpdateId)) }
        case .ignored:
            // OKX no-change heartbeats (seqId == prevSeqId) keep a valid book fresh.
            if syncs[slot].isValid { slots[slot].top.touch(nanos: now) } else { retryIfStuck(slot: slot, now: now, outbox: &outbox) }
        case .buffered:
            if wantSnapshot[slot] {
                wantSnapshot[slot] = false
                syncingSince[slot] = now
                requestSnapshot(slot: slot)
            } else {
                retryIfStuck(slot: slot, now: now, outbox: &outbox)
            }
        case .resync(let reason):
            let m = slots[slot].metrics
            m.resyncs.increment()
            switch reason {
            case .sequenceGap: m.gaps.increment()
            case .checksumMismatch: m.checksumFailures.increment()
            case .malformedFrame: m.malformed.increment()
            default: break
            }
            slots[slot].top.setValid(false)
            events.yield(.bookInvalidated(instrument: slots[slot].instrument, reason: reason.rawValue))
            syncingSince[slot] = now
            resync(slot: slot, outbox: &outbox)
        }
    }

    /// Diffs flow but the book is still not valid long after its resync started: ask again.
    private func retryIfStuck(slot: Int, now: UInt64, outbox: inout [String]) {
        if syncingSince[slot] == 0 { syncingSince[slot] = now; return }
        guard now &- syncingSince[slot] > UInt64(max(1, settings.staleMs)) * 1_000_000 else { return }
        syncingSince[slot] = now
        if proto.snapshotsOverREST {
            if !inFlight[slot] { requestSnapshot(slot: slot) }
        } else {
            outbox.append(contentsOf: proto.bookResubscribeFrames(symbol: slots[slot].symbol, settings: settings))
        }
    }

    /// A frame the codec rejected: if it names a symbol, only that book is invalidated and resynced.
    private func malformed(_ error: VenueCodecError, now: UInt64, outbox: inout [String]) {
        guard let slot = error.slot, slots.indices.contains(slot) else {
            venueMalformed += 1
            for s in slots { s.metrics.malformed.increment() }
            logger.warning("undecodable frame", metadata: ["venue": "\(proto.venue)", "code": "\(error.code)", "field": "\(error.field)"])
            return
        }
        slots[slot].metrics.malformed.increment()
        slots[slot].metrics.resyncs.increment()
        syncs[slot].invalidate(.malformedFrame)
        slots[slot].top.setValid(false)
        events.yield(.bookInvalidated(instrument: slots[slot].instrument, reason: BookInvalidReason.malformedFrame.rawValue))
        syncingSince[slot] = now
        resync(slot: slot, outbox: &outbox)
    }

    /// Binance: ask the fetcher for a REST snapshot (diffs keep buffering). OKX/Bybit: resubscribe the book.
    private func resync(slot: Int, outbox: inout [String]) {
        if proto.snapshotsOverREST {
            requestSnapshot(slot: slot)
        } else {
            outbox.append(contentsOf: proto.bookResubscribeFrames(symbol: slots[slot].symbol, settings: settings))
        }
    }

    private func requestSnapshot(slot: Int) {
        guard !inFlight[slot] else { return }
        inFlight[slot] = true
        requests.yield(SnapshotRequest(slot: slot, generation: generation, attempt: attempts[slot]))
        attempts[slot] += 1
    }

    private func drainSnapshots(now: UInt64, outbox: inout [String]) {
        for slot in slots.indices {
            guard let delivery = mailbox.take(slot: slot) else { continue }
            inFlight[slot] = false
            guard delivery.generation == generation else { continue }
            guard delivery.update.slot == slot else {
                requestSnapshot(slot: slot)
                continue
            }
            let wasValid = syncs[slot].isValid
            let action = syncs[slot].handle(delivery.update)
            react(slot: slot, action: action, wasValid: wasValid, now: now, outbox: &outbox)
        }
    }

    private func publish(slot: Int, now: UInt64) {
        let bid = syncs[slot].book.bestBid.map { ($0.price, $0.qty) }
        let ask = syncs[slot].book.bestAsk.map { ($0.price, $0.qty) }
        slots[slot].top.publish(bid: bid, ask: ask, valid: syncs[slot].isValid, seq: syncs[slot].lastUpdateId, nanos: now)
        slots[slot].depth.publish(syncs[slot].book, seq: syncs[slot].lastUpdateId)
    }
}
