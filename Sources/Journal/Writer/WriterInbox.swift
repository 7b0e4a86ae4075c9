import Foundation

/// The queue between appending tasks and the commit queue, plus whether a drain is scheduled.
// Safety: every stored property is read and written only while holding `lock`, so sharing across threads is safe.
final class WriterInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [PendingAppend] = []
    private var draining = false
    private var rows = 0
    private var transactions = 0
    private var enqueuedTotal = 0

    /// Queues `item`; returns true when the caller must schedule a drain (none is running).
    func enqueue(_ item: PendingAppend) -> Bool {
        lock.lock(); defer { lock.unlock() }
        pending.append(item)
        enqueuedTotal += 1
        if draining { return false }
        draining = true
        return true
    }

    /// Removes up to `max` items in arrival order; an empty result ends the drain.
    func take(max: Int) -> [PendingAppend] {
        lock.lock(); defer { lock.unlock() }
        if pending.isEmpty {
            draining = false
            return []
        }
        let n = Swift.min(max, pending.count)
        let batch = Array(pending.prefix(n))
        pending.removeFirst(n)
        return batch
    }

    /// Records one committed transaction of `rows` new rows.
    func count(rows newRows: Int) {
        lock.lock(); defer { lock.unlock() }
        rows += newRows
        transactions += 1
    }

    /// Appends ever queued (committed, in flight or waiting).
    var accepted: Int {
        lock.lock(); defer { lock.unlock() }
        return enqueuedTotal
    }

    /// Appends waiting for a transaction (not yet taken by a drain).
    var queued: Int {
        lock.lock(); defer { lock.unlock() }
        return pending.count
    }

    var stats: (rows: Int, transactions: Int) {
        lock.lock(); defer { lock.unlock() }
        return (rows, transactions)
    }
}
