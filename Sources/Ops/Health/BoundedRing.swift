/// A fixed-capacity FIFO: appending past capacity drops the oldest element, so memory stays bounded however
/// long the bot runs.
struct BoundedRing<Element: Sendable>: Sendable {
    private var storage: [Element] = []
    private var head = 0
    let capacity: Int

    init(capacity: Int) {
        precondition(capacity > 0, "ring capacity must be positive")  // a constant chosen in code, not input
        self.capacity = capacity
        storage.reserveCapacity(min(capacity, 4096))
    }

    mutating func append(_ e: Element) {
        if storage.count < capacity {
            storage.append(e)
        } else {
            storage[head] = e
            head = (head + 1) % capacity
        }
    }

    /// Oldest first.
    var elements: [Element] {
        storage.count < capacity ? storage : Array(storage[head...] + storage[..<head])
    }

    var count: Int { storage.count }
}
