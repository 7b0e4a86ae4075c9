public import PropCore

/// The faults currently in force and how much of each is left. Owned by the simulator's state actor;
/// every front-end asks it before sending, so a fault applies the same way to REST and WebSocket.
public struct FaultBoard: Sendable {
    /// One fault and its remaining budget.
    public struct Entry: Sendable, Hashable {
        /// The fault as injected.
        public var fault: SimFault
        /// Messages or requests still to affect (count-based kinds).
        public var remaining: Int
        /// Wall-clock ms when it stops (duration-based kinds; `Int64.max` = until cleared).
        public var untilMs: Int64
    }

    /// Active entries in injection order.
    public private(set) var entries: [Entry] = []

    /// An empty board.
    public init() {}

    /// Adds a fault injected at `nowMs`. `close_socket` is instantaneous and is not recorded.
    public mutating func add(_ fault: SimFault, nowMs: Int64) {
        switch fault.kind {
        case .closeSocket: return
        case .stall, .freezeBook:
            entries.append(Entry(fault: fault, remaining: 0, untilMs: nowMs + Int64(fault.durationMillis)))
        case .latency:
            entries.removeAll { $0.fault.kind == .latency && $0.fault.venue == fault.venue }
            entries.append(Entry(fault: fault, remaining: 0, untilMs: .max))
        case .dropDiff, .corruptChecksum, .malformed, .restError, .rejectOrders:
            entries.append(Entry(fault: fault, remaining: max(1, fault.count), untilMs: .max))
        }
    }

    /// Removes every fault.
    public mutating func clear() { entries.removeAll() }

    /// Drops expired and used-up entries.
    public mutating func expire(nowMs: Int64) {
        entries.removeAll { e in
            switch e.fault.kind {
            case .stall, .freezeBook, .latency: e.untilMs <= nowMs
            default: e.remaining <= 0
            }
        }
    }

    /// Uses one unit of a count-based fault matching venue and instrument; true if one applied.
    public mutating func consume(_ kind: SimFaultKind, venue: Venue, instrument: InstrumentId? = nil) -> Bool {
        guard let i = pendingIndex(kind, venue: venue, instrument: instrument) else { return false }
        entries[i].remaining -= 1
        if entries[i].remaining == 0 { entries.remove(at: i) }
        return true
    }

    /// Whether a count-based fault matching venue and instrument is waiting, without using it.
    public func isPending(_ kind: SimFaultKind, venue: Venue, instrument: InstrumentId? = nil) -> Bool {
        pendingIndex(kind, venue: venue, instrument: instrument) != nil
    }

    private func pendingIndex(_ kind: SimFaultKind, venue: Venue, instrument: InstrumentId?) -> Int? {
        entries.firstIndex { $0.fault.kind == kind && $0.fault.venue == venue && $0.remaining > 0
            && ($0.fault.instrument == nil || $0.fault.instrument == instrument) }
    }

    /// The HTTP status of the next pending `rest_error` for the venue and request path, consuming it.
    public mutating func consumeRestError(venue: Venue, path: String = "") -> Int? {
        guard let i = entries.firstIndex(where: { $0.fault.kind == .restError && $0.fault.venue == venue && $0.remaining > 0
            && $0.fault.path.map { path.hasPrefix($0) } ?? true })
        else { return nil }
        entries[i].remaining -= 1
        let status = entries[i].fault.status
        if entries[i].remaining == 0 { entries.remove(at: i) }
        return status
    }

    /// Whether a duration-based fault is in force for the venue (and instrument, if the fault is scoped).
    public func isActive(_ kind: SimFaultKind, venue: Venue, instrument: InstrumentId? = nil, nowMs: Int64) -> Bool {
        entries.contains { $0.fault.kind == kind && $0.fault.venue == venue && $0.untilMs > nowMs
            && ($0.fault.instrument == nil || instrument == nil || $0.fault.instrument == instrument) }
    }

    /// Added delay for the venue in ms (0 when no `latency` fault is active).
    public func latencyMillis(venue: Venue) -> Int {
        entries.last { $0.fault.kind == .latency && $0.fault.venue == venue }?.fault.durationMillis ?? 0
    }

    /// Instruments whose books are frozen at `nowMs`.
    public func frozen(in instruments: [InstrumentId], nowMs: Int64) -> Set<InstrumentId> {
        Set(instruments.filter { isActive(.freezeBook, venue: $0.venue, instrument: $0, nowMs: nowMs) })
    }
}
