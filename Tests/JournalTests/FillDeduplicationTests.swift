import Testing
import GRDB
import PropCore
@testable import Journal

/// The same venue fill (venue, instrument, trade id) is booked once: not an error, no second row.
@Suite struct FillDeduplicationTests {
    @Test func duplicateFillReturnsAlreadyBookedAndWritesNoRow() throws {
        let journal = try TestEntries.journal()
        let first = try journal.append(TestEntries.fill("t-1"))
        #expect(!first.isAlreadyBooked)
        let again = try journal.append(TestEntries.fill("t-1", fee: "-0.0999"))
        #expect(again == .alreadyBooked(first.record))
        #expect(try journal.records().count == 1)
        // The next row takes the next sequence: a duplicate consumes none.
        #expect(try journal.append(TestEntries.event(2)).record.seq == 2)
        #expect(try journal.verifyChain().isIntact)
    }

    @Test func sameTradeIdOnAnotherInstrumentOrVenueIsADifferentFill() throws {
        let journal = try TestEntries.journal()
        try journal.append(TestEntries.fill("t-1"))
        let eth = InstrumentId(venue: .binance, base: "ETH", quote: "USDT")
        let okx = InstrumentId(venue: .okx, base: "BTC", quote: "USDT")
        #expect(try !journal.append(TestEntries.fill("t-1", instrument: eth)).isAlreadyBooked)
        #expect(try !journal.append(TestEntries.fill("t-1", instrument: okx)).isAlreadyBooked)
        #expect(try journal.records().count == 3)
    }

    @Test func duplicateIsRecognisedAfterReopeningTheFile() async throws {
        let path = tempDatabasePath()
        var booked: JournalRecord?
        do {
            let journal = try TestEntries.journal(path: path)
            booked = try journal.append(TestEntries.fill("restart-1")).record
        }
        let reopened = OrderJournal(database: try JournalDatabase(path: path))
        #expect(try reopened.append(TestEntries.fill("restart-1")) == .alreadyBooked(booked!))
        let writer = JournalWriter(database: reopened.database)
        #expect(try await writer.append(TestEntries.fill("restart-1")) == .alreadyBooked(booked!))
        #expect(try reopened.records().count == 1)
    }

    @Test func theDatabaseItselfRefusesADuplicateTradeId() throws {
        // Even a writer that skipped our check cannot book the same fill twice: the unique index stops it.
        let journal = try TestEntries.journal()
        try journal.append(TestEntries.fill("t-1"))
        #expect(throws: DatabaseError.self) {
            try journal.database.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO order_journal (seq, kind, venue, instrument, client_order_id, wall_ms, mono_ns, epoch,
                        trade_id, prev_hash, hash) SELECT 2, kind, venue, instrument, client_order_id, wall_ms, mono_ns,
                        epoch, trade_id, hash, hash FROM order_journal WHERE seq = 1
                    """)
            }
        }
    }

    @Test func concurrentDuplicatesThroughTheWriterAreBookedOnce() async throws {
        let journal = try TestEntries.journal()
        let writer = JournalWriter(database: journal.database)
        let outcomes = try await withThrowingTaskGroup(of: AppendOutcome.self) { group in
            for _ in 0..<20 { group.addTask { try await writer.append(TestEntries.fill("same")) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.filter { !$0.isAlreadyBooked }.count == 1)
        #expect(Set(outcomes.map(\.record.seq)) == [1])
        #expect(try journal.records().count == 1)
    }
}
