import Foundation
import PropCore
import Testing
import VenueSim
import Venues

/// The Bybit private stream against the simulator's `/v5/private`: events decoded, reconnect with
/// re-authentication after a dropped socket, and the disconnect-cancel-all switch.
@Suite(.serialized) struct BybitPrivateStreamTests {
    typealias R = BybitRig

    /// Runs `stream` on a task and logs its events; returns the task (cancel it to stop the stream).
    func start(_ stream: BybitPrivateStream, _ log: PrivateEventLog) -> (Task<Void, Never>, Task<Void, Never>) {
        let running = Task { await stream.run() }
        let listening = Task { for await e in stream.events { log.append(e) } }
        return (running, listening)
    }

    static func isConnected(_ e: PrivateStreamEvent) -> Bool { if case .connected(.bybit) = e { return true }; return false }
    static func isDisconnected(_ e: PrivateStreamEvent) -> Bool { if case .disconnected(.bybit, _) = e { return true }; return false }
    static func isFill(_ id: String) -> (PrivateStreamEvent) -> Bool {
        { if case .fill(let f) = $0 { return f.clientOrderId == id }; return false }
    }
    static func isOrder(_ id: String, _ status: VenueOrderStatus) -> (PrivateStreamEvent) -> Bool {
        { if case .order(let o) = $0 { return o.clientOrderId == id && o.status == status }; return false }
    }

    @Test func ordersFillsPositionsAndBalancesArriveAndResumeAfterADroppedSocket() async throws {
        try await R.with { (rig: BybitRig) async throws in
            let stream = rig.makeStream()
            let log = PrivateEventLog()
            let (running, listening) = start(stream, log)
            defer { running.cancel(); listening.cancel() }
            #expect(await R.eventually { log.count(Self.isConnected) == 1 })

            _ = try await rig.client.place(R.order("ws1", .buy, .market))
            #expect(await R.eventually { log.count(Self.isOrder("ws1", .filled)) == 1 && log.count(Self.isFill("ws1")) >= 1 })
            #expect(await R.eventually {
                log.all.contains { if case .position(let p) = $0 { return p.instrument == R.btc && p.qty == Qty(units: 1, scale: 3) }; return false }
                    && log.all.contains { if case .balance(let b) = $0 { return b.venue == .bybit && b.wallet < Qty("100000")! }; return false }
            })
            // The stream's fill and the REST fill are the same trade (same de-dup key).
            let rest = try await rig.client.fills(instrument: R.btc, sinceMs: 0)
            let streamed = log.all.compactMap { if case .fill(let f) = $0 { return f }; return nil }
            #expect(Set(rest.map { "\($0.dedupKey)|\($0.fee)|\($0.qty)" }) == Set(streamed.map { "\($0.dedupKey)|\($0.fee)|\($0.qty)" }))

            await rig.sim.inject(.closeSocket(.bybit))
            #expect(await R.eventually { log.count(Self.isDisconnected) == 1 && log.count(Self.isConnected) == 2 })
            let disconnectIndex = try #require(log.all.firstIndex(where: Self.isDisconnected))
            let reconnectIndex = try #require(log.all.lastIndex(where: Self.isConnected))
            #expect(disconnectIndex < reconnectIndex)
            #expect(stream.reconnects >= 1)

            let t = try await rig.top()
            _ = try await rig.client.place(R.order("ws2", .buy, price: R.away(t.bid, t.tick, -100)))
            #expect(await R.eventually { log.count(Self.isOrder("ws2", .new)) == 1 })
            #expect(stream.malformedFrames == 0 && stream.authenticationFailures == 0)
        }
    }

    @Test func wrongSecretNeverAuthenticates() async throws {
        try await R.with { (rig: BybitRig) async throws in
            let stream = BybitPrivateStream(wsBaseURL: rig.endpoints.ws, apiKey: SimCredentials.defaultApiKey, apiSecret: "wrong",
                                            settings: .testing, logger: R.quiet)
            let log = PrivateEventLog()
            let (running, listening) = start(stream, log)
            defer { running.cancel(); listening.cancel() }
            #expect(await R.eventually { stream.authenticationFailures >= 1 })
            #expect(log.count(Self.isConnected) == 0)
            #expect(await rig.sim.state.privateConnectionCount(venue: .bybit) == 0)
        }
    }

    @Test func disconnectCancelAllCancelsOrdersOnceTheStreamStaysAway() async throws {
        try await R.with { (rig: BybitRig) async throws in
            let c = rig.client
            let stream = rig.makeStream()
            let log = PrivateEventLog()
            let (running, listening) = start(stream, log)
            #expect(await R.eventually { log.count(Self.isConnected) == 1 })
            try await c.armDeadManSwitch(timeoutMs: 3_000, instruments: [])
            let t = try await rig.top()
            _ = try await c.place(R.order("dcp1", .buy, price: R.away(t.bid, t.tick, -100)))
            #expect(try await c.openOrders(instrument: nil).count == 1)
            // While the stream is up, the switch holds.
            #expect(await rig.sim.state.privateConnectionCount(venue: .bybit) == 1)
            running.cancel(); listening.cancel()
            await running.value
            #expect(await R.eventually(60) { (try? await c.openOrders(instrument: nil))?.isEmpty == true })
            #expect(try await c.queryOrder(instrument: R.btc, clientOrderId: "dcp1").status == .canceled)
        }
    }
}
