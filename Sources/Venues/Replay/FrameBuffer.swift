import Foundation

/// The bounded hand-over between the receiving tasks and a `FrameRecorder`'s writer task: producers append
/// binary records (`tag, wall, mono, pathLen, bodyLen, path, body`) to `active` under a lock; the writer swaps
/// `active` for its emptied spare in O(1) and formats the lines outside the lock.
///
/// Safety (`@unchecked Sendable`): every stored property is read and written only while `lock` is held.
final class FrameBuffer: @unchecked Sendable {
    static let recordHeaderBytes = 1 + 8 + 8 + 4 + 4
    private let lock = NSLock()
    private let capacity: Int
    private var active: [UInt8]
    private var closed = false
    private var redactions: [[UInt8]] = []
    private var written = 0
    private var failures = 0
    private var lastFailure: String?
    private var files: [String] = []

    init(capacity: Int) {
        self.capacity = max(1024, capacity)
        active = []
        active.reserveCapacity(self.capacity)
    }

    /// Copies one frame in; false (nothing copied, nothing waits) when it does not fit or the recorder closed.
    func append(tag: UInt8, wallNanos: Int64, monotonicNanos: UInt64, path: UnsafeRawBufferPointer, body: UnsafeRawBufferPointer) -> Bool {
        let size = Self.recordHeaderBytes + path.count + body.count
        lock.lock()
        defer { lock.unlock() }
        guard !closed, active.count + size <= capacity else { return false }
        active.append(tag)
        var w = wallNanos.littleEndian, m = monotonicNanos.littleEndian
        var pl = UInt32(path.count).littleEndian, bl = UInt32(body.count).littleEndian
        withUnsafeBytes(of: &w) { active.append(contentsOf: $0) }
        withUnsafeBytes(of: &m) { active.append(contentsOf: $0) }
        withUnsafeBytes(of: &pl) { active.append(contentsOf: $0) }
        withUnsafeBytes(of: &bl) { active.append(contentsOf: $0) }
        active.append(contentsOf: path)
        active.append(contentsOf: body)
        return true
    }

    /// Hands the buffered records to the writer (`spare` must be empty and keep its capacity);
    /// returns whether the recorder is closing, and the secrets to redact.
    func take(into spare: inout [UInt8]) -> (closed: Bool, redactions: [[UInt8]]) {
        lock.lock()
        defer { lock.unlock() }
        swap(&active, &spare)
        return (closed, redactions)
    }

    func close() { lock.lock(); closed = true; lock.unlock() }

    func addRedaction(_ secret: [UInt8]) {
        lock.lock()
        if !secret.isEmpty, !redactions.contains(secret) { redactions.append(secret) }
        lock.unlock()
    }

    /// What the writer reports back after each batch.
    func report(written: Int, failures: Int, lastFailure: String?, files: [String]) {
        lock.lock()
        self.written = written; self.failures = failures; self.files = files
        if let lastFailure { self.lastFailure = lastFailure }
        lock.unlock()
    }

    var status: (written: Int, failures: Int, lastFailure: String?, files: [String]) {
        lock.lock(); defer { lock.unlock() }
        return (written, failures, lastFailure, files)
    }
}
