public import PropCore

/// One injected fault: which venue, what, optionally only for one instrument, and its size
/// (`count` messages/requests or `durationMillis`). Built in Swift or decoded from `POST /sim/faults`.
public struct SimFault: Sendable, Hashable, Codable {
    /// Venue whose front-end misbehaves.
    public var venue: Venue
    /// What happens.
    public var kind: SimFaultKind
    /// Only this instrument when set (`nil` = every symbol of the venue). Honoured by `drop_diff`,
    /// `corrupt_checksum`, `malformed` and `freeze_book`; `stall`, `latency`, `rest_error` and
    /// `close_socket` act on the whole venue (one socket carries many symbols).
    public var instrument: InstrumentId?
    /// Messages or requests affected (`drop_diff`, `corrupt_checksum`, `malformed`, `rest_error`).
    public var count: Int
    /// How long it lasts (`stall`, `freeze_book`) or the added delay (`latency`, active until cleared).
    public var durationMillis: Int
    /// HTTP status for `rest_error` (500, 502, 503, 504, 429, 418, 403).
    public var status: Int
    /// Only REST requests whose path starts with this (`rest_error`; nil = every request of the venue), so a drill
    /// can fail one call, say the positions read, whatever order the client makes its calls in.
    public var path: String?

    /// A fault with explicit fields; unused fields keep their defaults.
    public init(venue: Venue, kind: SimFaultKind, instrument: InstrumentId? = nil, count: Int = 1,
                durationMillis: Int = 0, status: Int = 503) {
        self.venue = venue; self.kind = kind; self.instrument = instrument
        self.count = count; self.durationMillis = durationMillis; self.status = status
    }

    /// Skip `count` book diffs (sequence gap).
    public static func dropDiff(_ venue: Venue, count: Int = 1, instrument: InstrumentId? = nil) -> SimFault {
        SimFault(venue: venue, kind: .dropDiff, instrument: instrument, count: count)
    }
    /// Wrong OKX checksum on `count` book messages.
    public static func corruptChecksum(count: Int = 1, instrument: InstrumentId? = nil) -> SimFault {
        SimFault(venue: .okx, kind: .corruptChecksum, instrument: instrument, count: count)
    }
    /// Silence on the venue's streams for `millis`.
    public static func stall(_ venue: Venue, millis: Int) -> SimFault {
        SimFault(venue: venue, kind: .stall, durationMillis: millis)
    }
    /// Close all of the venue's WebSocket connections.
    public static func closeSocket(_ venue: Venue) -> SimFault { SimFault(venue: venue, kind: .closeSocket) }
    /// Extra `millis` on every REST reply and WebSocket send until faults are cleared.
    public static func latency(_ venue: Venue, millis: Int) -> SimFault {
        SimFault(venue: venue, kind: .latency, durationMillis: millis)
    }
    /// `count` garbage frames in place of data frames.
    public static func malformed(_ venue: Venue, count: Int = 1, instrument: InstrumentId? = nil) -> SimFault {
        SimFault(venue: venue, kind: .malformed, instrument: instrument, count: count)
    }
    /// The next `count` REST replies (under `path` when given) fail with `status`.
    public static func restError(_ venue: Venue, status: Int, count: Int = 1, path: String? = nil) -> SimFault {
        var fault = SimFault(venue: venue, kind: .restError, count: count, status: status)
        fault.path = path
        return fault
    }
    /// Keep books still for `millis`; nothing trades against resting orders on a still book.
    public static func freezeBook(_ venue: Venue, millis: Int, instrument: InstrumentId? = nil) -> SimFault {
        SimFault(venue: venue, kind: .freezeBook, instrument: instrument, durationMillis: millis)
    }

    enum CodingKeys: String, CodingKey {
        case venue, kind, instrument, count, durationMillis = "duration_ms", status, path
    }
}
