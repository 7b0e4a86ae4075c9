import Foundation

/// A value shared across tasks behind a lock (small, rarely written state such as the last report).
final class LockedValue<Value: Sendable>: @unchecked Sendable {
    // @unchecked: every access to `stored` goes through `lock`, so concurrent use is serialized.
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    func set(_ value: Value) { lock.withLock { stored = value } }
}
