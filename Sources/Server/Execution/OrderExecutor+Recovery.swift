import Engine
import Journal
import PropCore
import Venues

extension OrderExecutor {
    /// Restart recovery: replay the journal, ask each venue about every order not in a final state, book the
    /// fills we missed, cancel orphans, compare positions — and only then allow trading.
    public func recover(instruments: [InstrumentId]) async -> RecoveryReport {
        var report = RecoveryReport()
        let records: [JournalRecord]
        do { records = try OrderJournal(database: writer.database).records() } catch {
            report.journalProblems.append(error.messageRu)
            return report
        }
        let replay = JournalReplay(records: records)
        report.journalRows = records.count
        report.ordersReplayed = replay.orders.count
        report.journalProblems = replay.problems
        bookedFills.formUnion(replay.fillKeys)
        // Counted from here: the queries below already book the fills of orders that traded while we were down.
        let fillsBefore = bookedFills.count
        let queries = manager.restore(replay.orders, nowNs: nowNs)
        report.ordersQueried = queries.count
        for command in queries { await execute(command) }
        for (venue, api) in venues.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let since = min(replay.lastFillMs[venue] ?? Int64.max, replay.earliestOpenMs[venue] ?? Int64.max)
            let sinceMs = since == Int64.max ? time.wallMillis() - 3_600_000 : since - 60_000
            let touched = Set(instruments.filter { $0.venue == venue } + replay.orders.map(\.instrument).filter { $0.venue == venue })
            do {
                for instrument in touched.sorted() {
                    for fill in try await patiently({ () async throws(VenueOrderError) in
                        try await api.fills(instrument: instrument, sinceMs: sinceMs)
                    }) { await handle(.fill(fill)) }
                }
                let before = orphansCancelled.count
                // Per instrument where the universe is known (Binance weighs the all-symbols call 40×).
                let universe = instruments.filter { $0.venue == venue }
                var open: [OrderReport] = []
                for scope in universe.isEmpty ? [nil] : universe.map(Optional.some) {
                    open += try await patiently { () async throws(VenueOrderError) in try await api.openOrders(instrument: scope) }
                }
                for open in open where manager.order(open.clientOrderId) == nil {
                    await cancelOrphan(open)
                }
                report.orphansCancelled += orphansCancelled.count - before
            } catch {
                report.unreachableVenues.append("\(venue.rawValue): \(error.messageRu)")
            }
        }
        report.fillsRecovered = bookedFills.count - fillsBefore
        let positions = await positionMismatches(instruments: instruments)
        report.positionMismatches = positions.mismatches
        report.unreachableVenues += positions.unreadable
        report.ordersStillUnresolved = manager.unresolvedOrders().count
        report.clean = report.unreachableVenues.isEmpty && report.ordersStillUnresolved == 0
            && report.positionMismatches.isEmpty && report.journalProblems.isEmpty
        tradingAllowed = report.clean
        if !report.clean {
            raise("recovery_not_clean", "Сверка после запуска не чистая: торговля не разрешена (нерешённых ордеров \(report.ordersStillUnresolved), расхождений позиций \(report.positionMismatches.count), недоступных бирж \(report.unreachableVenues.count))")
        }
        return report
    }

    /// Runs a read-only recovery call, waiting out our own governor and venue rate limits (a few times,
    /// with growing pauses) instead of declaring the venue unreachable.
    func patiently<T>(_ call: () async throws(VenueOrderError) -> T) async throws(VenueOrderError) -> T {
        var attempt = 0
        while true {
            do { return try await call() } catch {
                attempt += 1
                let waitMs: Int64
                switch error {
                case .throttled(_, _, let ms): waitMs = ms
                case .rateLimited(_, _, let after): waitMs = after ?? 1_000
                case .unresolved: waitMs = 200
                default: throw error
                }
                guard attempt < 6 else { throw error }
                try? await Task.sleep(for: .milliseconds(min(max(waitMs, 100) * Int64(attempt), 10_000)))
            }
        }
    }

    /// Venue positions against the net of journalled fills, per instrument. A venue whose positions could not be
    /// read is `unreadable`, not a mismatch: recovery stays unclean and is retried, but nothing disagrees yet, so
    /// no reconciliation HOLD (red, two operators to lift) is raised for a slow or briefly unreachable venue.
    func positionMismatches(instruments: [InstrumentId]) async -> (mismatches: [String], unreadable: [String]) {
        let replay: JournalReplay
        do { replay = JournalReplay(records: try OrderJournal(database: writer.database).records()) } catch {
            return (["журнал: \(error.messageRu)"], [])
        }
        var out: [String] = [], unreadable: [String] = []
        for (venue, api) in venues.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let positions: [PositionReport]
            do { positions = try await patiently { () async throws(VenueOrderError) in try await api.positions() } } catch {
                unreadable.append("\(venue.rawValue): позиции недоступны (\(error.messageRu))")
                continue
            }
            var venueQty: [InstrumentId: Qty] = [:]
            for p in positions { venueQty[p.instrument] = p.qty }
            let all = Set(venueQty.keys).union(replay.netPosition.keys.filter { $0.venue == venue })
            for instrument in all.sorted() {
                let v = venueQty[instrument] ?? .zero, j = replay.netPosition[instrument] ?? .zero
                if v != j { out.append("\(instrument): на бирже \(v), по журналу \(j)") }
            }
        }
        return (out, unreadable)
    }
}
