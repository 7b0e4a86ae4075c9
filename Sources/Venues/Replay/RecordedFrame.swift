public import PropCore

/// One frame read back from a recording. `bytes` and `path` are slices of the file's decompressed text
/// (no copy per frame): keep the frame, or copy the slice, for as long as it is needed.
public struct RecordedFrame: Sendable {
    /// The venue the file belongs to.
    public var venue: Venue
    /// The wire the frame came in on.
    public var channel: RecordedChannel
    /// Wall-clock receive time, ns since the Unix epoch (orders frames across venues and files).
    public var receiveWallNanos: Int64
    /// Monotonic receive time of the recording process, ns.
    public var monotonicNanos: UInt64
    /// REST only: the request path and query (`/fapi/v1/depth?symbol=BTCUSDT&limit=1000`); empty otherwise.
    public var path: ArraySlice<UInt8>
    /// The raw frame or body exactly as received.
    public var bytes: ArraySlice<UInt8>

    /// A frame from its parts.
    public init(venue: Venue, channel: RecordedChannel, receiveWallNanos: Int64, monotonicNanos: UInt64,
                path: ArraySlice<UInt8> = [], bytes: ArraySlice<UInt8>) {
        self.venue = venue; self.channel = channel; self.receiveWallNanos = receiveWallNanos
        self.monotonicNanos = monotonicNanos; self.path = path; self.bytes = bytes
    }

    /// `path` as text (allocates; not for the hot loop).
    public var pathString: String { String(decoding: path, as: UTF8.self) }
}
