import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PropCore
import Testing
import VenueSim
@testable import Venues

/// The user-data stream against the simulator: order and fill events, account updates, reconnect after a
/// dropped socket and after `listenKeyExpired` (each with `.disconnected` then `.connected`).
@Suite(.serialized) struct BinancePrivateStreamTests {
    typealias Rig = BinanceRig
    static let btc = BinanceRig.btc
    static let settings = FeedSettings(staleMs: 3_000, reconnectInitialMs: 50, reconnectMaxMs: 500, reconnectJitter: 0.2,
                                       pingIntervalMs: 500, restTimeoutMs: 5_000, seed: 3)

    /// Runs a stream for the rig's account while `body` runs.
    static func withStream(_ rig: BinanceRig, _ body: (BinancePrivateStream, BinanceRig.Events) async throws -> Void) async throws {
        let stream = BinancePrivateStream(client: rig.client, wsBaseURL: rig.endpoints.binance.ws, settings: settings, logger: rig.logger)
        let box = BinanceRig.Events()
        let running = Task { await stream.run() }
        let reading = Task { for await e in stream.events { await box.append(e) } }
        do { try await body(stream, box) } catch {
            running.cancel(); reading.cancel(); await running.value
            throw error
        }
        running.cancel()
        await running.value
        await reading.value
    }

    /// Waits until `n` `.connected` events arrived and the simulator has exactly one live private socket.
    static func connected(_ rig: BinanceRig, _ box: BinanceRig.Events, count n: Int) async -> Bool {
        await Rig.eventually {
            let sockets = await rig.sim.state.privateConnectionCount(venue: .binance)
            return await box.count(where: BinanceRig.isConnected) >= n && sockets == 1
        }
    }

    @Test func ordersFillsAndAccountUpdatesArrive() async throws {
        try await Rig.with { rig in
            try await Self.withStream(rig) { stream, box in
                #expect(await Self.connected(rig, box, count: 1))
                let price = await rig.passivePrice(.buy)
                _ = try await rig.client.place(OrderRequest(clientOrderId: Rig.id("s"), instrument: Self.btc, side: .buy, type: .limit,
                                                            price: price, qty: Qty(units: 2, scale: 3)))
                #expect(await Rig.eventually { await box.count { Rig.isOrder($0, Rig.id("s"), .new) } == 1 })
                _ = try await rig.client.cancel(instrument: Self.btc, clientOrderId: Rig.id("s"))
                #expect(await Rig.eventually { await box.count { Rig.isOrder($0, Rig.id("s"), .canceled) } == 1 })
                let filled = try await rig.client.place(OrderRequest(clientOrderId: Rig.id("m"), instrument: Self.btc, side: .buy,
                                                                     type: .market, qty: Qty(units: 2, scale: 3)))
                #expect(await Rig.eventually { await box.count { Rig.isFill($0, Rig.id("m")) } >= 1 })
                #expect(await Rig.eventually { await box.count { if case .position(let p) = $0 { p.qty == Qty(units: 2, scale: 3) } else { false } } >= 1 })
                #expect(await Rig.eventually { await box.count { if case .balance = $0 { true } else { false } } >= 1 })
                // Stream fills and REST fills are the same trades (same de-dup keys).
                let streamFills = await box.items.compactMap { if case .fill(let f) = $0 { f } else { nil } }
                let restFills = try await rig.client.fills(instrument: Self.btc, sinceMs: filled.updateMs - 60_000)
                #expect(Set(streamFills.map(\.dedupKey)) == Set(restFills.map(\.dedupKey)))
                #expect(streamFills.reduce(Qty.zero) { $0 + $1.qty } == Qty(units: 2, scale: 3))
                #expect(stream.malformedFrames == 0)
            }
        }
    }

    @Test func droppedSocketReconnectsWithAFreshKeyAndEventsResume() async throws {
        try await Rig.with { rig in
            try await Self.withStream(rig) { stream, box in
                #expect(await Self.connected(rig, box, count: 1))
                await rig.sim.inject(.closeSocket(.binance))
                #expect(await Rig.eventually { await box.count(where: BinanceRig.isDisconnected) >= 1 })
                #expect(await Self.connected(rig, box, count: 2))
                #expect(stream.sessionCount >= 2, "every reconnect takes the listen key again")
                let kinds = await box.items.filter { BinanceRig.isConnected($0) || BinanceRig.isDisconnected($0) }
                #expect(kinds.count >= 3 && BinanceRig.isConnected(kinds[0]) && BinanceRig.isDisconnected(kinds[1]) && BinanceRig.isConnected(kinds[2]))
                _ = try await rig.client.place(OrderRequest(clientOrderId: Rig.id("after"), instrument: Self.btc, side: .buy, type: .limit,
                                                            price: await rig.passivePrice(.buy), qty: Qty(units: 2, scale: 3)))
                #expect(await Rig.eventually { await box.count { Rig.isOrder($0, Rig.id("after"), .new) } == 1 })
            }
        }
    }

    @Test func listenKeyExpiredLeadsToANewKeyAndConnection() async throws {
        try await Rig.with { rig in
            try await Self.withStream(rig) { stream, box in
                #expect(await Self.connected(rig, box, count: 1))
                let reply = try await Self.post(rig.endpoints.binance.rest + "/sim/binance/expire-listen-key")
                #expect(reply == 200)
                #expect(await Rig.eventually { await box.count { if case .disconnected(_, let reason) = $0 { reason == "listenKeyExpired" } else { false } } == 1 })
                #expect(await Self.connected(rig, box, count: 2))
                #expect(stream.sessionCount >= 2)
                _ = try await rig.client.place(OrderRequest(clientOrderId: Rig.id("k"), instrument: Self.btc, side: .buy, type: .limit,
                                                            price: await rig.passivePrice(.buy), qty: Qty(units: 2, scale: 3)))
                #expect(await Rig.eventually { await box.count { Rig.isOrder($0, Rig.id("k"), .new) } == 1 })
            }
        }
    }

    @Test func listenKeyIsCreatedExtendedAndClosed() async throws {
        try await Rig.with { rig in
            let key = try await rig.client.createListenKey()
            #expect(key.count == 64)
            #expect(try await rig.client.createListenKey() == key, "a live key is returned again (extended)")
            try await rig.client.keepAliveListenKey()
            try await rig.client.closeListenKey()
            let closed = await Rig.failure { try await rig.client.keepAliveListenKey() }
            #expect(closed != nil && closed?.outcome == .rejected, "keepalive of a closed key: \(String(describing: closed))")
        }
    }

    static func post(_ url: String) async throws -> Int {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }
}
