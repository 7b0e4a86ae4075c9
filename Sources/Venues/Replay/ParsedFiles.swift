import Foundation

/// Per-file results of a parallel read, one slot per file.
///
/// Safety (`@unchecked Sendable`): `slots` is read and written only while `lock` is held.
final class ParsedFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [(RecordingFileParser, Bool)?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: (RecordingFileParser, Bool)?) { lock.lock(); slots[i] = value; lock.unlock() }

    var all: [(RecordingFileParser, Bool)?] { lock.lock(); defer { lock.unlock() }; return slots }
}
