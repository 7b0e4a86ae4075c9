import Atomics

/// Top of one book, written by the feed's receiving task and read by any thread without locks.
///
/// Choice: a seqlock over `ManagedAtomic` fields. The writer bumps `version` to odd, stores the
/// fields with relaxed ordering, then bumps it to even with release; a reader retries while the
/// version is odd or changed under it. Per message that costs a handful of uncontended atomic
/// stores — no lock, no allocation, no actor hop — and readers (API polls) never block the writer.
/// All atomics are allocated once per book when the feed starts.
final class PublishedTop: Sendable {
    private let version = ManagedAtomic<UInt64>(0)
    private let bidPrice = ManagedAtomic<Int64>(0)
    private let bidQty = ManagedAtomic<Int64>(0)
    private let askPrice = ManagedAtomic<Int64>(0)
    private let askQty = ManagedAtomic<Int64>(0)
    /// Bit 0: has bid, bit 1: has ask, bit 2: valid.
    private let flags = ManagedAtomic<Int64>(0)
    private let seq = ManagedAtomic<Int64>(0)
    private let updatedNanos = ManagedAtomic<UInt64>(0)

    /// One consistent read of the fields.
    struct Snapshot: Sendable {
        var bidPrice: Int64, bidQty: Int64, askPrice: Int64, askQty: Int64
        var hasBid: Bool, hasAsk: Bool, valid: Bool
        var seq: Int64
        var updatedNanos: UInt64
    }

    /// Writer side (one task only): publishes a new top.
    func publish(bid: (Int64, Int64)?, ask: (Int64, Int64)?, valid: Bool, seq newSeq: Int64, nanos: UInt64) {
        let v = version.load(ordering: .relaxed)
        version.store(v &+ 1, ordering: .relaxed)
        atomicMemoryFence(ordering: .releasing)
        bidPrice.store(bid?.0 ?? 0, ordering: .relaxed)
        bidQty.store(bid?.1 ?? 0, ordering: .relaxed)
        askPrice.store(ask?.0 ?? 0, ordering: .relaxed)
        askQty.store(ask?.1 ?? 0, ordering: .relaxed)
        flags.store((bid != nil ? 1 : 0) | (ask != nil ? 2 : 0) | (valid ? 4 : 0), ordering: .relaxed)
        seq.store(newSeq, ordering: .relaxed)
        updatedNanos.store(nanos, ordering: .relaxed)
        version.store(v &+ 2, ordering: .releasing)
    }

    /// Writer side: only the validity changed (invalidation, disconnect); keeps the last prices.
    func setValid(_ valid: Bool) {
        let v = version.load(ordering: .relaxed)
        version.store(v &+ 1, ordering: .relaxed)
        atomicMemoryFence(ordering: .releasing)
        let f = flags.load(ordering: .relaxed)
        flags.store(valid ? (f | 4) : (f & ~4), ordering: .relaxed)
        version.store(v &+ 2, ordering: .releasing)
    }

    /// Writer side: the book is alive (e.g. an OKX no-change heartbeat) but its top did not change.
    func touch(nanos: UInt64) { updatedNanos.store(nanos, ordering: .relaxed) }

    /// Reader side: a consistent copy, retrying while a write is in progress.
    func read() -> Snapshot {
        while true {
            let v1 = version.load(ordering: .acquiring)
            if v1 & 1 == 1 { continue }
            let s = Snapshot(
                bidPrice: bidPrice.load(ordering: .relaxed), bidQty: bidQty.load(ordering: .relaxed),
                askPrice: askPrice.load(ordering: .relaxed), askQty: askQty.load(ordering: .relaxed),
                hasBid: false, hasAsk: false, valid: false,
                seq: seq.load(ordering: .relaxed), updatedNanos: updatedNanos.load(ordering: .relaxed))
            let f = flags.load(ordering: .relaxed)
            atomicMemoryFence(ordering: .acquiring)
            if version.load(ordering: .relaxed) == v1 {
                var out = s
                out.hasBid = f & 1 != 0; out.hasAsk = f & 2 != 0; out.valid = f & 4 != 0
                return out
            }
        }
    }
}
