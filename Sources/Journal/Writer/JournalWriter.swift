import Dispatch
import GRDB

/// Group commit for the order journal with RPO 0: concurrent appends are batched into one fsynced
/// write transaction, and every caller's `await` returns only after the transaction holding ITS row committed.
///
/// Commits run on a private serial dispatch queue (never on Swift's cooperative pool: fsync blocks). While
/// one batch is being fsynced, new appends queue up and go together in the next transaction, so throughput
/// grows with the number of writers while each row still waits for exactly one fsync. Sequence numbers are
/// assigned in commit order, gap-free; a duplicate fill takes no sequence number.
public final class JournalWriter: Sendable {
    /// What `appendIntent` committed: the row's sequence and the client order id derived from it.
    public struct IntentReceipt: Sendable, Hashable {
        /// The intent row's journal sequence.
        public let seq: Int64
        /// `ClientOrderId.make(epoch:sequence:)` of that row: what goes on the wire.
        public let clientOrderId: String
        /// The committed row.
        public let record: JournalRecord
    }

    /// The database written to (must be migrated).
    public let database: JournalDatabase
    private let maxBatch: Int
    private let queue = DispatchQueue(label: "propbot.journal.writer", qos: .userInitiated)
    private let inbox = WriterInbox()

    /// A writer over a migrated `database`; at most `maxBatch` rows go into one transaction.
    public init(database: JournalDatabase, maxBatch: Int = 1_024) {
        self.database = database
        self.maxBatch = max(1, maxBatch)
    }

    /// Appends `entry`; returns once its row is durably committed (or the fill was already booked).
    /// The row is committed even if the calling task is cancelled meanwhile: a queued append is never lost.
    @discardableResult
    public func append(_ entry: JournalEntry) async throws(JournalError) -> AppendOutcome {
        try await submit(entry, rule: .given).get()
    }

    /// Appends an intent whose client order id is derived from its own sequence inside the commit
    /// (`entry.clientOrderId` is ignored); returns once durable.
    public func appendIntent(_ entry: JournalEntry) async throws(JournalError) -> IntentReceipt {
        let record = try await submit(entry, rule: .fromOwnSequence).get().record
        return IntentReceipt(seq: record.seq, clientOrderId: record.entry.clientOrderId, record: record)
    }

    /// Rows committed and transactions used so far (how well appends are being grouped).
    public var stats: (rows: Int, transactions: Int) { inbox.stats }

    /// Appends waiting for the next transaction (for tests and metrics).
    var queuedCount: Int { inbox.queued }

    /// Appends ever submitted (for tests).
    var acceptedCount: Int { inbox.accepted }

    /// Queues `entry` now — its place in the journal is fixed by this call, before any later append — and returns
    /// without waiting for the fsync. Only for venue answers a restart re-learns by asking the venue (acks, cancels,
    /// rejects); never for intents or fills, which must be durable before anything acts on them.
    public func enqueue(_ entry: JournalEntry, onFailure: @escaping @Sendable (JournalError) -> Void) {
        schedule(PendingAppend(entry: entry, rule: .given) { result in
            if case .failure(let error) = result { onFailure(error) }
        })
    }

    private func submit(_ entry: JournalEntry, rule: ClientIdRule) async -> Result<AppendOutcome, JournalError> {
        await withCheckedContinuation { continuation in
            schedule(PendingAppend(entry: entry, rule: rule) { continuation.resume(returning: $0) })
        }
    }

    private func schedule(_ item: PendingAppend) {
        if inbox.enqueue(item) { queue.async { self.drain() } }
    }

    /// Commits batches until the inbox is empty (runs on `queue`).
    private func drain() {
        while true {
            let batch = inbox.take(max: maxBatch)
            if batch.isEmpty { return }
            let results = commit(batch)
            inbox.count(rows: results.reduce(0) { $0 + (($1.isAppended) ? 1 : 0) })
            for (pending, result) in zip(batch, results) { pending.completion(result) }
        }
    }

    /// One write transaction for the whole batch; results in batch order.
    private func commit(_ batch: [PendingAppend]) -> [Result<AppendOutcome, JournalError>] {
        var results: [Result<AppendOutcome, JournalError>] = []
        do {
            try database.pool.write { db in
                results = []
                results.reserveCapacity(batch.count)
                var tip = try ChainTip.read(db)
                for pending in batch {
                    do {
                        results.append(.success(try JournalInsert.insert(pending.entry, rule: pending.rule, tip: &tip, db: db)))
                    } catch {
                        // SQLite rolled the whole transaction back (I/O error, disk full): fail the batch.
                        guard db.isInsideTransaction else { throw error }
                        // Only this statement failed; the rest of the batch still commits.
                        let journalError = error as? JournalError ?? .appendFailed(reason: "\(error)")
                        results.append(.failure(journalError))
                    }
                }
            }
            return results
        } catch {
            // Nothing of the batch is committed: every caller gets the error (their intents were not sent).
            let journalError = error as? JournalError ?? .appendFailed(reason: "\(error)")
            return batch.map { _ in .failure(journalError) }
        }
    }
}

/// One queued append and who hears its commit.
struct PendingAppend: Sendable {
    let entry: JournalEntry
    let rule: ClientIdRule
    let completion: @Sendable (Result<AppendOutcome, JournalError>) -> Void
}

private extension Result where Success == AppendOutcome {
    var isAppended: Bool {
        if case .success(.appended) = self { return true }
        return false
    }
}
