import Foundation
import Journal
import Logging
import Ops
import PropCore
import Server
import VenueSim
import Venues

/// `propbot-bench roundtrip --venue binance|okx|bybit [--orders N] [--interval-ms MS]`: place → ack and cancel → ack over loopback
/// against the in-process simulator, through the real executor: journal intent (fsync), signed request, venue
/// answer, journalled ack — the full order cycle. Orders rest far from the touch so every place is acked and
/// every cancel has something to cancel. Prints one JSON line of latency percentiles in milliseconds.
enum RoundtripBench {
    static func main(_ args: [String]) async {
        guard let venue = Venue(rawValue: option(args, "--venue") ?? "binance") else { fail("unknown --venue") }
        let orders = max(10, Int(option(args, "--orders") ?? "200") ?? 200)
        // Paced under every venue's order-rate limit, so the figure is latency, not the governor's queueing.
        let intervalMs = max(0, Int(option(args, "--interval-ms") ?? "300") ?? 300)
        var logger = Logger(label: "propbot.bench.roundtrip")
        logger.logLevel = .critical
        do {
            let simulator = VenueSimulator(config: SimulatorConfig(seed: 11, basePort: 0), logger: logger)
            let endpoints = try await simulator.start()
            let dir = NSTemporaryDirectory() + "propbot-roundtrip-\(ProcessInfo.processInfo.processIdentifier)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let database = try JournalDatabase(path: dir + "/journal.sqlite")
            try JournalMigrations(database: database).migrate()
            let sim = SimCredentials()
            let e = endpoints.endpoints(for: venue)
            let connection = VenueConnector.connect(
                venue, urls: VenueBaseURLs(rest: e.rest, ws: e.ws),
                credentials: VenueCredentials(apiKey: sim.apiKey, apiSecret: sim.apiSecret, passphrase: sim.passphrase),
                execution: ExecutionConfig(), logger: logger)
            let writer = JournalWriter(database: database)
            let executor = OrderExecutor(epoch: 1, writer: writer, venues: [venue: connection.api],
                                         settings: ExecutionSettings(), logger: logger)
            _ = await executor.recover(instruments: [])
            guard let spec = SimInstrumentSpec.all.first(where: { $0.id.venue == venue }),
                  let state = await simulator.instrumentState(spec.id) else { fail("no instrument") }
            // Far below the market: rests, never fills.
            let price = Price(units: Int64(state.mid * 0.8 / spec.tickSize.doubleValue) * spec.tickUnits, scale: spec.priceScale)
            let qty = Qty(units: spec.lotUnits * max(1, Int64((150 / (spec.lotSize.doubleValue * spec.contractValue.doubleValue * state.mid * 0.8)).rounded(.up))),
                          scale: spec.qtyScale)
            let draft = OrderDraft(instrument: spec.id, side: .buy, type: .limit, timeInForce: .gtc, price: price, qty: qty)
            var place: [Double] = [], cancel: [Double] = []
            let clock = ContinuousClock()
            for i in 0..<(orders + 20) {
                let t0 = clock.now
                let result = await executor.place(draft, why: "bench")
                let t1 = clock.now
                guard case .accepted(let id, _) = result else { fail("place \(i) not acked: \(result)") }
                await executor.cancel(clientOrderId: id)
                let t2 = clock.now
                guard executor.crashHook == nil, await executor.order(id)?.state == .canceled else { fail("cancel \(i) not confirmed") }
                if i >= 20 { place.append(ms(t1 - t0)); cancel.append(ms(t2 - t1)) }  // first 20 warm up connections
                try? await Task.sleep(for: .milliseconds(intervalMs))
            }
            // Where the time goes, same run: the fsynced intent alone, and the signed venue call alone.
            var fsync: [Double] = [], wire: [Double] = []
            for i in 0..<orders {
                let t0 = clock.now
                let receipt = try await writer.appendIntent(JournalEntry(kind: .place, reason: "bench", venue: venue, instrument: spec.id,
                                                                        clientOrderId: "", price: price, qty: qty, wallMs: 0, monoNs: 0, epoch: 2))
                fsync.append(ms(clock.now - t0))
                let request = draft.request(clientOrderId: receipt.clientOrderId)
                let t1 = clock.now
                _ = try await connection.api.place(request)
                wire.append(ms(clock.now - t1))
                _ = try? await connection.api.cancel(instrument: spec.id, clientOrderId: request.clientOrderId)
                try? await Task.sleep(for: .milliseconds(intervalMs))
            }
            await simulator.stop()
            try? FileManager.default.removeItem(atPath: dir)
            place.sort(); cancel.sort(); fsync.sort(); wire.sort()
            print(#"{"venue":"\#(venue)","orders":\#(orders),"place_ack_p50_ms":\#(pct(place, 0.5)),"place_ack_p95_ms":\#(pct(place, 0.95)),"place_ack_p99_ms":\#(pct(place, 0.99)),"cancel_ack_p95_ms":\#(pct(cancel, 0.95)),"intent_fsync_p50_ms":\#(pct(fsync, 0.5)),"intent_fsync_p95_ms":\#(pct(fsync, 0.95)),"venue_call_p50_ms":\#(pct(wire, 0.5)),"venue_call_p95_ms":\#(pct(wire, 0.95))}"#)
            exit(0)
        } catch {
            fail("roundtrip: \(error)")
        }
    }

    static func ms(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1_000 + Double(d.components.attoseconds) / 1e15
    }

    static func pct(_ sorted: [Double], _ p: Double) -> Double {
        let v = sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))]
        return (v * 1_000).rounded() / 1_000
    }
}
