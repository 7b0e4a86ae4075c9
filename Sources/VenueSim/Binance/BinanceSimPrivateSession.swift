import HummingbirdWebSocket
import PropCore

/// Serves one user-data socket (`/ws/<listenKey>`): registered as an authenticated private client of the
/// Binance account (the key is the authentication), fed by `publishPrivate`, closed with `listenKeyExpired`
/// when the key lapses. Client frames (e.g. `LIST_SUBSCRIPTIONS` as a liveness probe) get the public replies.
enum BinanceSimPrivateSession {
    /// How often a connected socket checks that its key is still live.
    static let keyCheckMs = 1_000

    static func run(key: String, state: SimState, keys: BinanceSimListenKeys,
                    inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, time: any TimeSource) async {
        let (id, frames) = await state.register(venue: .binance, combined: false, topics: [])
        await keys.attach(id, key: key)
        await state.setPrivate(id, authenticated: true)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await SimWebSocketSession.write(frames, to: outbound, time: time) }
            group.addTask { await SimWebSocketSession.read(inbound, connection: id, state: state) }
            group.addTask {
                // After a lapse this task keeps waiting: the writer must still deliver `listenKeyExpired` and the close.
                var expired = false
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(keyCheckMs))
                    if expired || Task.isCancelled { continue }
                    if await !keys.isLive(key, nowMs: state.nowMsPublic()) {
                        expired = true
                        await keys.detach(id)
                        await state.binanceListenKeyExpired(connection: id, key: key)
                    }
                }
            }
            await group.next()
            group.cancelAll()
            await state.unregister(id)
            await keys.detach(id)
        }
    }
}
