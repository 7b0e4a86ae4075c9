import Atomics
import PropCore

/// Hands REST snapshots from the fetcher task to the receiving task without a lock.
///
/// One atomic reference per book plus a pending counter: the fetcher swaps a boxed snapshot in and bumps
/// the counter; the receiving task checks the counter once per frame (one relaxed load) and only when it
/// is non-zero swaps the boxes out. A newer snapshot simply replaces an unread older one.
final class SnapshotMailbox: Sendable {
    /// One delivered snapshot and the connection generation it was requested for.
    final class Delivery: AtomicReference, Sendable {
        let update: DepthUpdate
        let generation: Int
        init(update: DepthUpdate, generation: Int) { self.update = update; self.generation = generation }
    }

    private let boxes: [ManagedAtomic<Delivery?>]
    private let pending = ManagedAtomic<Int>(0)

    init(count: Int) { boxes = (0..<count).map { _ in ManagedAtomic<Delivery?>(nil) } }

    /// Fetcher side.
    func deliver(slot: Int, _ delivery: Delivery) {
        guard boxes.indices.contains(slot) else { return }
        if boxes[slot].exchange(delivery, ordering: .acquiringAndReleasing) == nil {
            pending.wrappingIncrement(ordering: .releasing)
        }
    }

    /// Receiving side: whether anything is waiting (cheap, per frame).
    @inline(__always) var hasPending: Bool { pending.load(ordering: .relaxed) > 0 }

    /// Receiving side: takes the snapshot waiting for `slot`, if any.
    func take(slot: Int) -> Delivery? {
        guard let d = boxes[slot].exchange(nil, ordering: .acquiringAndReleasing) else { return nil }
        pending.wrappingDecrement(ordering: .relaxed)
        return d
    }
}
