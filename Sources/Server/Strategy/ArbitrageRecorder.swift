import Engine
import Foundation
import Journal
import PropCore

/// Writes each arbitrage's phase changes to `arbitrage_journal` (the parent record its legs point to by
/// `parent_id`). The strategy hands records over without waiting; one writer task keeps them in order.
final class ArbitrageRecorder: Sendable {
    private let journal: ArbitrageJournal
    private let stream: AsyncStream<ArbitrageRecord>
    private let sink: AsyncStream<ArbitrageRecord>.Continuation
    private let onFailure: @Sendable (String) -> Void

    init(database: JournalDatabase, onFailure: @escaping @Sendable (String) -> Void) {
        journal = ArbitrageJournal(database: database)
        (stream, sink) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
        self.onFailure = onFailure
    }

    /// Queues the record of `a` entering its current phase.
    func record(_ a: Arbitrage, wallMs: Int64) { sink.yield(Self.record(a, wallMs: wallMs)) }

    /// Writes queued records, in order, until `finish()`; run it in a task that is not cancelled, so that what was
    /// queued before shutdown is still written.
    func run() async {
        for await r in stream {
            do { try await journal.append([r]) } catch { onFailure(error.messageRu) }
        }
    }

    /// Stops accepting records (the writer drains what is queued and returns).
    func finish() { sink.finish() }

    static func record(_ a: Arbitrage, wallMs: Int64) -> ArbitrageRecord {
        var detail: [String: String] = [
            "style": a.style.rawValue, "size_base": a.plan.sizeBase.trimmedDescription,
            "planned_net_edge_bps": String(format: "%.2f", a.plan.netEdgeBps),
            "legs": String(a.legs.count),
            "hedges": String(a.legs.filter { $0.order.purpose == .hedge }.count),
            "unwinds": String(a.legs.filter { $0.order.purpose == .unwind }.count),
            "imbalance_base": a.imbalance.trimmedDescription,
        ]
        if let reason = a.exitReason { detail["exit_reason_ru"] = reason }
        if a.deadlineBreached { detail["hedge_deadline_breached"] = "true" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(detail)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return ArbitrageRecord(arbitrageId: a.id, phase: a.phase.rawValue, pair: a.pair, buyInstrument: a.buyInstrument.description,
                               sellInstrument: a.sellInstrument.description, detailJSON: json, wallMs: wallMs)
    }
}
