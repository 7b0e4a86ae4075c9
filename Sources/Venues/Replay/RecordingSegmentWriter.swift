import CompressNIO
import Foundation
import NIOCore
public import PropCore

/// Writes one venue's recording lines into rotating gzip segment files (see `RecordingFormat`).
///
/// Lines collect in memory and leave as one complete gzip member once `memberBytes` have gathered, on
/// `flush()` and on `close()`. A segment is closed and the next one opened before a line that would start
/// after `maxSegmentBytes` (uncompressed) or `maxSegmentNanos` of receive time. Not thread-safe: one owner
/// (the `FrameRecorder`'s writer task, or the synthetic generator) uses it.
public final class RecordingSegmentWriter {
    /// When segments rotate and members are cut.
    public struct Limits: Sendable, Hashable {
        /// Uncompressed bytes after which a segment is closed.
        public var maxSegmentBytes: Int
        /// Receive-time span after which a segment is closed.
        public var maxSegmentNanos: Int64
        /// Uncompressed bytes that make one gzip member.
        public var memberBytes: Int

        /// Defaults: 256 MiB or one hour per segment, 256 KiB members.
        public init(maxSegmentBytes: Int = 256 << 20, maxSegmentNanos: Int64 = 3_600_000_000_000, memberBytes: Int = 256 << 10) {
            self.maxSegmentBytes = maxSegmentBytes; self.maxSegmentNanos = maxSegmentNanos; self.memberBytes = max(1, memberBytes)
        }
    }

    /// Folder the segments go to (created if missing).
    public let directory: String
    /// The venue of every line.
    public let venue: Venue
    /// Rotation and member sizes.
    public let limits: Limits
    private let tool: String
    private let compressor: ZlibCompressor
    private var handle: FileHandle?
    private var pending: [UInt8] = []
    private var segment = 0
    private var segmentBytes = 0
    private var segmentStartNanos: Int64 = 0
    /// Paths of the segments opened so far, oldest first.
    public private(set) var files: [String] = []
    /// Frame lines written (headers not counted).
    public private(set) var lines = 0

    /// A writer; no file is created before the first line.
    public init(directory: String, venue: Venue, limits: Limits = Limits(), tool: String = "propbot") throws {
        self.directory = directory; self.venue = venue; self.limits = limits; self.tool = tool
        compressor = try ZlibCompressor(algorithm: .gzip, configuration: ZlibConfiguration())
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        pending.reserveCapacity(limits.memberBytes + 64 << 10)
    }

    /// Appends one frame line, rotating first when the segment is full or old.
    public func append(channel: RecordedChannel, wallNanos: Int64, monotonicNanos: UInt64,
                       path: UnsafeRawBufferPointer, body: UnsafeRawBufferPointer) throws {
        if handle != nil, segmentBytes >= limits.maxSegmentBytes || wallNanos - segmentStartNanos >= limits.maxSegmentNanos {
            try finishSegment()
        }
        if handle == nil { try openSegment(wallNanos: wallNanos) }
        let before = pending.count
        RecordingFormat.appendLine(into: &pending, channel: channel, wallNanos: wallNanos, monotonicNanos: monotonicNanos,
                                   path: path, body: body)
        segmentBytes += pending.count - before
        lines += 1
        if pending.count >= limits.memberBytes { try flush() }
    }

    /// Convenience for byte arrays and strings.
    public func append(channel: RecordedChannel, wallNanos: Int64, monotonicNanos: UInt64, path: String = "", body: some Collection<UInt8>) throws {
        var p = Array(path.utf8), b = Array(body)
        try p.withUnsafeBytes { pp in
            try b.withUnsafeBytes { bb in try append(channel: channel, wallNanos: wallNanos, monotonicNanos: monotonicNanos, path: pp, body: bb) }
        }
        p.removeAll(); b.removeAll()
    }

    /// Writes what is pending as one complete gzip member.
    public func flush() throws {
        guard let handle, !pending.isEmpty else { return }
        var input = ByteBuffer(bytes: pending)
        var output = ByteBuffer()
        output.reserveCapacity(compressor.maxSize(from: input))
        try compressor.deflate(from: &input, to: &output, flush: .finish)
        try compressor.reset()
        try output.withUnsafeReadableBytes { try handle.write(contentsOf: Data($0)) }
        pending.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the current segment; the next line opens a new one.
    public func close() throws { try finishSegment() }

    private func finishSegment() throws {
        guard let h = handle else { return }
        try flush()
        try h.synchronize()
        try h.close()
        handle = nil
    }

    private func openSegment(wallNanos: Int64) throws {
        var path: String
        repeat {
            segment += 1
            path = directory + "/" + RecordingFormat.fileName(venue: venue, createdWallNanos: wallNanos, segment: segment)
        } while FileManager.default.fileExists(atPath: path)
        guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        handle = h
        files.append(path)
        segmentStartNanos = wallNanos
        let header = RecordingFormat.header(venue: venue, createdWallNanos: wallNanos, tool: tool, segment: segment)
        pending.append(contentsOf: header.utf8)
        segmentBytes = header.utf8.count
    }
}
