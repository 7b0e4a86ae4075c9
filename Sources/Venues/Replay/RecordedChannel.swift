/// Which wire a recorded frame came in on; its `rawValue` is the channel field of a recording line.
public enum RecordedChannel: String, Sendable, Hashable, CaseIterable {
    /// A public market-data WebSocket frame.
    case wsPublic = "ws_public"
    /// A private (account) WebSocket frame we received; frames we send are never recorded.
    case wsPrivate = "ws_private"
    /// A public REST response body; the line carries the request path and query too.
    case rest

    /// One-byte tag used in the recorder's in-memory buffer.
    var tag: UInt8 {
        switch self {
        case .wsPublic: 0
        case .wsPrivate: 1
        case .rest: 2
        }
    }

    /// The channel of a buffer tag.
    init?(tag: UInt8) {
        switch tag {
        case 0: self = .wsPublic
        case 1: self = .wsPrivate
        case 2: self = .rest
        default: return nil
        }
    }

    /// The channel named by a line's channel field (without the `+b64` suffix).
    init?(field: ArraySlice<UInt8>) {
        switch field.count {
        case 9 where field.elementsEqual("ws_public".utf8): self = .wsPublic
        case 10 where field.elementsEqual("ws_private".utf8): self = .wsPrivate
        case 4 where field.elementsEqual("rest".utf8): self = .rest
        default: return nil
        }
    }
}
