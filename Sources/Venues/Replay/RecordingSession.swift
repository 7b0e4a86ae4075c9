import Foundation
public import PropCore

/// One recording run into one folder: hands out one `FrameRecorder` per venue (created on first use, shared
/// by that venue's public feed, private stream and REST client) and closes them all together.
///
/// Safety (`@unchecked Sendable`): `recorders` is read and written only while `lock` is held.
public final class RecordingSession: @unchecked Sendable {
    /// Folder every recorder writes to.
    public let directory: String
    /// Tuning given to each recorder.
    public let options: FrameRecorder.Options
    private let time: any TimeSource
    private let lock = NSLock()
    private var recorders: [Venue: FrameRecorder] = [:]

    /// A session writing into `directory` (created if missing).
    public init(directory: String, options: FrameRecorder.Options = .init(), time: any TimeSource = SystemTimeSource()) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        self.directory = directory; self.options = options; self.time = time
    }

    /// The recorder of `venue`, started on first call.
    public func recorder(for venue: Venue) throws -> FrameRecorder {
        lock.lock()
        defer { lock.unlock() }
        if let r = recorders[venue] { return r }
        let r = try FrameRecorder(directory: directory, venue: venue, options: options, time: time)
        recorders[venue] = r
        return r
    }

    /// Recorders started so far.
    public var all: [FrameRecorder] {
        lock.lock(); defer { lock.unlock() }
        return Venue.allCases.compactMap { recorders[$0] }
    }

    /// Closes every recorder, writing everything they accepted.
    public func close() async {
        for r in all { await r.close() }
    }
}
