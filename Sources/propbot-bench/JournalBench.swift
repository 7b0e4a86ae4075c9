import Foundation
import Journal
import PropCore

// propbot-bench journal [--seconds N] [--writers W] [--path FILE]
//
// Durable order intents per second with fsync (WAL, synchronous=FULL): `--writers` concurrent tasks each
// appending intents through one `JournalWriter` (group commit, RPO 0: every append returns after its own
// commit), plus a naive one-transaction-per-intent loop on the same disk in the same run for comparison.
// Prints one JSON line. The file lives under ./data by default: /tmp may be a RAM disk where fsync is free.

/// The journal throughput benchmark.
enum JournalBench {
    struct Figures {
        var intentsPerSecond: Double
        var p50Us: Double
        var p99Us: Double
        var naiveIntentsPerSecond: Double
        var rowsPerCommit: Double
    }

    /// Parses the options, runs both phases and prints the JSON line; exits the process.
    static func main(_ args: [String]) -> Never {
        let seconds = max(0.5, Double(option(args, "--seconds") ?? "5") ?? 5)
        let writers = max(1, Int(option(args, "--writers") ?? "128") ?? 128)
        let path = option(args, "--path") ?? "./data/bench-journal-\(getpid()).sqlite"
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                let f = try await run(seconds: seconds, writers: writers, path: path)
                print(String(format: "{\"intents_per_s\": %.0f, \"commit_p50_us\": %.0f, \"commit_p99_us\": %.0f, "
                             + "\"naive_intents_per_s\": %.0f, \"speedup_vs_naive\": %.1f, \"writers\": %d, \"rows_per_commit\": %.1f}",
                             f.intentsPerSecond, f.p50Us, f.p99Us, f.naiveIntentsPerSecond,
                             f.intentsPerSecond / max(1, f.naiveIntentsPerSecond), writers, f.rowsPerCommit))
            } catch {
                FileHandle.standardError.write(Data("propbot-bench journal: \(error)\n".utf8))
                removeFiles(path)
                exit(1)
            }
            removeFiles(path)
            done.signal()
        }
        done.wait()
        exit(0)
    }

    static func run(seconds: Double, writers: Int, path: String) async throws -> Figures {
        removeFiles(path)
        let database = try JournalDatabase(path: path)
        try JournalMigrations(database: database).migrate()
        let clock = SystemTimeSource()

        // Naive: one fsynced transaction per intent, one caller.
        let journal = OrderJournal(database: database)
        let naiveSeconds = min(seconds, 3)
        var naiveCount = 0
        let naiveStart = clock.monotonicNanos()
        let naiveEnd = naiveStart + UInt64(naiveSeconds * 1e9)
        while clock.monotonicNanos() < naiveEnd {
            _ = try journal.appendIntent(intent(naiveCount))
            naiveCount += 1
        }
        let naiveRate = Double(naiveCount) / (Double(clock.monotonicNanos() - naiveStart) / 1e9)

        // Group commit: many concurrent callers, each waiting for its own durable commit.
        let writer = JournalWriter(database: database)
        let start = clock.monotonicNanos()
        let end = start + UInt64(seconds * 1e9)
        let latencies = try await withThrowingTaskGroup(of: [UInt64].self) { group in
            for w in 0..<writers {
                group.addTask {
                    var mine: [UInt64] = []
                    var i = w
                    while clock.monotonicNanos() < end {
                        let t0 = clock.monotonicNanos()
                        _ = try await writer.appendIntent(intent(i))
                        mine.append(clock.monotonicNanos() - t0)
                        i += writers
                    }
                    return mine
                }
            }
            return try await group.reduce(into: [UInt64]()) { $0 += $1 }
        }
        let elapsed = Double(clock.monotonicNanos() - start) / 1e9
        let sorted = latencies.sorted()
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            return Double(sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]) / 1_000
        }
        let stats = writer.stats
        return Figures(intentsPerSecond: Double(latencies.count) / elapsed, p50Us: percentile(0.50), p99Us: percentile(0.99),
                       naiveIntentsPerSecond: naiveRate,
                       rowsPerCommit: Double(stats.rows) / Double(max(1, stats.transactions)))
    }

    /// A realistic `place` intent (its client id is derived from its own sequence by the journal).
    private static func intent(_ i: Int) -> JournalEntry {
        JournalEntry(kind: .place, reason: "arb_open", venue: Venue.allCases[i % 3],
                     instrument: InstrumentId(venue: Venue.allCases[i % 3], base: "BTC", quote: "USDT"),
                     clientOrderId: "", parentId: "p\(i / 2)", price: Price(units: 6_500_010 + Int64(i % 100), scale: 1),
                     qty: Qty(units: 1 + Int64(i % 7), scale: 3), wallMs: 1_700_000_000_000 + Int64(i),
                     monoNs: UInt64(i), epoch: 1)
    }

    private static func removeFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
