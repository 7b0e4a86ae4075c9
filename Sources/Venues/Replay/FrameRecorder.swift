import Atomics
import Foundation
public import PropCore

/// Records the raw frames one venue sends us into gzip segment files (see `RecordingFormat`), without
/// slowing the receiving task: `record` copies the frame into a bounded in-memory buffer under a short,
/// uncontended lock and returns — it never awaits, blocks on I/O or allocates; a full buffer drops the
/// frame and counts it (`droppedFrames`). A background task drains the buffer every `drainIntervalMs`,
/// formats the lines, redacts registered secrets and writes one gzip member at least every
/// `flushIntervalMs`. `close()` drains everything accepted, so no completed line is lost on shutdown.
///
/// Only frames we receive are recorded; the WebSocket layer never passes the frames it sends (logins,
/// signatures). Secrets that a venue might echo back (API keys, Binance listen keys) are registered with
/// `redact(_:)` and replaced by `<redacted>` in private and REST lines before they reach the disk.
public final class FrameRecorder: Sendable {
    /// Buffering and file tuning.
    public struct Options: Sendable, Hashable {
        /// Bytes the in-memory buffer holds (frames beyond are dropped and counted).
        public var bufferBytes: Int
        /// How often the writer takes the buffer.
        public var drainIntervalMs: Int
        /// Longest time a received line stays in memory before it is written as a gzip member.
        public var flushIntervalMs: Int
        /// Segment rotation and member size.
        public var limits: RecordingSegmentWriter.Limits
        /// Tool name and version written in each header.
        public var tool: String

        /// Defaults: 8 MiB buffer, 20 ms drains, 1 s flushes, default limits.
        public init(bufferBytes: Int = 8 << 20, drainIntervalMs: Int = 20, flushIntervalMs: Int = 1_000,
                    limits: RecordingSegmentWriter.Limits = .init(), tool: String = "propbot") {
            self.bufferBytes = bufferBytes; self.drainIntervalMs = max(1, drainIntervalMs)
            self.flushIntervalMs = max(1, flushIntervalMs); self.limits = limits; self.tool = tool
        }
    }

    /// The venue recorded.
    public let venue: Venue
    /// Folder the segments go to.
    public let directory: String
    let buffer: FrameBuffer
    private let time: any TimeSource
    /// Wall ns minus monotonic ns, fixed at start (frame wall times keep the monotonic order exactly).
    private let wallOffsetNanos: Int64
    private let accepted = ManagedAtomic<Int>(0)
    private let dropped = ManagedAtomic<Int>(0)
    private let writer: Task<Void, Never>

    /// Starts a recorder writing into `directory` (created if missing). `time` must be the clock the
    /// receiving sessions stamp frames with (their `receivedNanos`).
    public init(directory: String, venue: Venue, options: Options = Options(), time: any TimeSource = SystemTimeSource()) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        self.venue = venue; self.directory = directory; self.time = time
        wallOffsetNanos = time.wallMillis() &* 1_000_000 &- Int64(bitPattern: time.monotonicNanos())
        let buffer = FrameBuffer(capacity: options.bufferBytes)
        self.buffer = buffer
        writer = Task.detached(priority: .utility) {
            await Self.drain(buffer: buffer, directory: directory, venue: venue, options: options, time: time)
        }
    }

    /// Frames accepted into the buffer.
    public var recordedFrames: Int { accepted.load(ordering: .relaxed) }
    /// Frames dropped because the buffer was full (or the recorder closed).
    public var droppedFrames: Int { dropped.load(ordering: .relaxed) }
    /// Lines written to files so far.
    public var writtenFrames: Int { buffer.status.written }
    /// Lines lost to file errors, and the last such error (Russian).
    public var writeFailures: (count: Int, lastRu: String?) { let s = buffer.status; return (s.failures, s.lastFailure) }
    /// Segment files opened so far.
    public var files: [String] { buffer.status.files }

    /// Records a WebSocket frame received at monotonic `receivedNanos`. Hot path: never blocks.
    @inline(__always)
    public func record(_ bytes: UnsafeRawBufferPointer, channel: RecordedChannel, receivedNanos: UInt64) {
        record(bytes, channel: channel, wallNanos: Int64(bitPattern: receivedNanos) &+ wallOffsetNanos, monotonicNanos: receivedNanos)
    }

    /// Records a frame with explicit times (tests, tools).
    public func record(_ bytes: UnsafeRawBufferPointer, channel: RecordedChannel, wallNanos: Int64, monotonicNanos: UInt64,
                       path: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0)) {
        if buffer.append(tag: channel.tag, wallNanos: wallNanos, monotonicNanos: monotonicNanos, path: path, body: bytes) {
            accepted.wrappingIncrement(ordering: .relaxed)
        } else {
            dropped.wrappingIncrement(ordering: .relaxed)
        }
    }

    /// Records a REST response body for `path` (path and query, e.g. `/fapi/v1/depth?symbol=BTCUSDT&limit=1000`).
    public func recordREST(path: String, body: [UInt8], receivedNanos: UInt64? = nil) {
        let mono = receivedNanos ?? time.monotonicNanos()
        var p = path
        p.withUTF8 { pp in
            body.withUnsafeBytes { bb in
                record(bb, channel: .rest, wallNanos: Int64(bitPattern: mono) &+ wallOffsetNanos, monotonicNanos: mono,
                       path: UnsafeRawBufferPointer(pp))
            }
        }
    }

    /// Replaces `secret` by `<redacted>` in every later private or REST line (API keys, listen keys).
    public func redact(_ secret: String) { buffer.addRedaction(Array(secret.utf8)) }

    /// Stops accepting frames, writes everything accepted, closes the segment. Safe to call more than once.
    public func close() async {
        buffer.close()
        await writer.value
    }
}
