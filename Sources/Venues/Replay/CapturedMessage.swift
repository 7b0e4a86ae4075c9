/// One message read from a capture file: a WebSocket frame received, or an HTTP response body.
public struct CapturedMessage: Sendable {
    /// What the line was.
    public enum Kind: Sendable, Hashable {
        /// A frame received on a WebSocket.
        case webSocket
        /// An HTTP response body for the request `url`.
        case http(url: String)
    }

    public var kind: Kind
    /// Receive time in seconds since the epoch as recorded, or `nil` for plain JSONL lines.
    public var receiveTime: Double?
    /// Index of the file in the list given to the reader (keeps merges stable).
    public var fileIndex: Int
    /// Line number in that file (0-based).
    public var line: Int
    /// The raw frame / body bytes.
    public var body: [UInt8]

    public init(kind: Kind, receiveTime: Double?, fileIndex: Int, line: Int, body: [UInt8]) {
        self.kind = kind; self.receiveTime = receiveTime; self.fileIndex = fileIndex; self.line = line; self.body = body
    }
}
