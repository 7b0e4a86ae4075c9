public import Journal
public import PropCore
public import VenueSim

/// Compares the simulator's ground truth with the journal after the drill's final recovery.
public enum DrillAudit {
    public static func audit(journal database: JournalDatabase, sim: SimState, venues: [Venue],
                             into report: inout DrillReport) async throws {
        let records = try OrderJournal(database: database).records()
        let replay = JournalReplay(records: records)
        let intents = Set(replay.orders.map(\.clientOrderId))
        let journalState = Dictionary(replay.orders.map { ($0.clientOrderId, $0.state) }, uniquingKeysWith: { a, _ in a })
        report.orders = intents.count
        for venue in venues {
            for id in await sim.allClientOrderIds(venue: venue) where !intents.contains(id) {
                report.duplicateOrders += 1
            }
            for open in await sim.openOrders(venue: venue, instrument: nil) {
                guard let state = journalState[open.clientOrderId] else { report.orphanOrders += 1; continue }
                // Live on the venue but final in the journal: the bot would believe a leg is gone that is not.
                if state.isFinal { report.reconMismatches += 1 }
            }
            let fills = await sim.fills(venue: venue, instrument: nil, sinceMs: 0)
            report.venueFills += fills.count
            report.lostFills += fills.filter { !replay.fillKeys.contains($0.dedupKey) }.count
            var venueQty: [InstrumentId: Qty] = [:]
            for p in await sim.positions(venue: venue) { venueQty[p.instrument] = p.qty }
            let all = Set(venueQty.keys).union(replay.netPosition.keys.filter { $0.venue == venue })
            for instrument in all where (venueQty[instrument] ?? .zero) != (replay.netPosition[instrument] ?? .zero) {
                report.reconMismatches += 1
            }
        }
    }

    /// The plan for the next worker run: the simulator's instruments on `venues` with their current mids.
    public static func plan(sim: SimState, venues: [Venue]) async -> DrillPlan {
        var out: [DrillPlan.Instrument] = []
        for spec in SimInstrumentSpec.all where venues.contains(spec.id.venue) {
            guard let s = await sim.instrument(venue: spec.id.venue, symbol: spec.nativeSymbol) else { continue }
            out.append(.init(id: spec.id.description, tick: spec.tickSize.description, lot: spec.lotSize.description,
                             minNotional: spec.minNotional?.description, mid: s.mid))
        }
        return DrillPlan(instruments: out)
    }
}
