import Foundation
import Testing
import GRDB
import PropCore
@testable import Journal

/// Group commit: many concurrent appenders, one fsynced transaction per batch, RPO 0.
@Suite struct JournalWriterTests {
    /// Polls `condition` until it holds or `seconds` pass (no fixed sleeps).
    private func eventually(_ seconds: Double = 30, _ condition: () throws -> Bool) async rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            try? await Task.sleep(nanoseconds: 2_000_000)
        }
        return try condition()
    }

    @Test func concurrentAppendersGetDistinctGapFreeSeqsThatSurviveReopen() async throws {
        let path = tempDatabasePath()
        let writers = 16, perWriter = 40
        var seqs: [Int64] = []
        do {
            let journal = try TestEntries.journal(path: path)
            let writer = JournalWriter(database: journal.database)
            seqs = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for w in 0..<writers {
                    group.addTask {
                        var mine: [Int64] = []
                        for i in 0..<perWriter {
                            mine.append(try await writer.append(TestEntries.event(w * 1000 + i)).record.seq)
                        }
                        return mine
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(writer.stats.rows == writers * perWriter)
            #expect(writer.stats.transactions <= writers * perWriter)
        }
        #expect(seqs.sorted() == Array(1...Int64(writers * perWriter)))
        // A fresh pool on the same file (nothing cached) sees every row whose append returned.
        let reopened = OrderJournal(database: try JournalDatabase(path: path))
        let records = try reopened.records()
        #expect(records.map(\.seq) == Array(1...Int64(writers * perWriter)))
        #expect(try reopened.verifyChain() == ChainReport(rowsChecked: writers * perWriter, firstBrokenSeq: nil))
    }

    @Test func appendsQueuedDuringACommitGoIntoOneTransaction() async throws {
        let db = try JournalDatabase(path: tempDatabasePath())
        try JournalMigrations(database: db).migrate()
        let writer = JournalWriter(database: db)
        // Another write occupies the writer connection, so the writer's first transaction waits...
        let gate = Gate()
        Thread.detachNewThread { try? db.pool.write { _ in gate.holding(); gate.waitForRelease() } }
        #expect(await eventually { gate.isHeld })
        let appenders = Task {
            try await withThrowingTaskGroup(of: Int64.self) { group in
                for i in 0..<20 { group.addTask { try await writer.append(TestEntries.event(i)).record.seq } }
                return try await group.reduce(into: [Int64]()) { $0.append($1) }
            }
        }
        // ...while every other append queues up behind it.
        #expect(await eventually { writer.acceptedCount == 20 })
        gate.release()
        let seqs = try await appenders.value
        #expect(seqs.sorted() == Array(1...20))
        #expect(writer.stats.rows == 20)
        #expect(writer.stats.transactions <= 2)
    }

    @Test func intentClientIdIsDerivedFromItsOwnSequenceInsideTheCommit() async throws {
        let journal = try TestEntries.journal()
        try journal.append(TestEntries.event(1))  // seq 1 taken, so ids must start at seq 2
        let writer = JournalWriter(database: journal.database)
        let receipts = try await withThrowingTaskGroup(of: JournalWriter.IntentReceipt.self) { group in
            for i in 0..<50 { group.addTask { try await writer.appendIntent(TestEntries.event(i * 2, epoch: 3)) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(receipts.map(\.seq)) == Set(2...51))
        let stored = Dictionary(uniqueKeysWithValues: try journal.records().map { ($0.seq, $0.entry.clientOrderId) })
        for r in receipts {
            #expect(r.clientOrderId == ClientOrderId.make(epoch: 3, sequence: r.seq))
            #expect(ClientOrderId.decode(r.clientOrderId)?.sequence == r.seq)
            #expect(stored[r.seq] == r.clientOrderId)
            #expect(r.record.entry.clientOrderId == r.clientOrderId)
        }
        // The one-shot journal derives ids the same way.
        let next = try journal.appendIntent(TestEntries.event(0, epoch: 3))
        #expect(next.seq == 52 && next.entry.clientOrderId == ClientOrderId.make(epoch: 3, sequence: 52))
        #expect(try journal.verifyChain().isIntact)
    }

    @Test func aFailedCommitFailsEveryAppendOfTheBatchWithRussianText() async throws {
        // No schema: the transaction cannot insert, and each caller learns its intent was not recorded.
        let writer = JournalWriter(database: try JournalDatabase(path: tempDatabasePath()))
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<5 {
                group.addTask {
                    do throws(JournalError) {
                        try await writer.append(TestEntries.event(i))
                        Issue.record("append into an unmigrated database must fail")
                    } catch {
                        #expect(error.code == "journal_append_failed")
                        #expect(error.messageRu.contains("журнал"))
                    }
                }
            }
        }
        #expect(writer.stats.rows == 0)
    }
}

/// A one-shot latch between the test and a thread holding the database.
// Safety: both flags are only touched under `condition`'s lock.
private final class Gate: @unchecked Sendable {
    private let condition = NSCondition()
    private var held = false
    private var released = false

    func holding() { condition.lock(); held = true; condition.unlock() }
    var isHeld: Bool { condition.lock(); defer { condition.unlock() }; return held }
    func release() { condition.lock(); released = true; condition.broadcast(); condition.unlock() }
    func waitForRelease() {
        condition.lock()
        while !released { condition.wait() }
        condition.unlock()
    }
}
