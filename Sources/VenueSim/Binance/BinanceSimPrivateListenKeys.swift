import PropCore

/// The simulated account's user-data listen key: one live key at a time, valid 60 minutes from its last
/// `POST`/`PUT` (venues/binance-usdm.md §3), and the private sockets connected with it.
actor BinanceSimListenKeys {
    /// How long a key lives without a keepalive.
    static let validityMs: Int64 = 60 * 60_000

    private var key: String?
    private var expiresMs: Int64 = 0
    private var sockets: [Int: String] = [:]
    private var rng: SimRandom

    init(seed: UInt64) { rng = SimRandom(seed: seed ^ 0x4C15_7E4B) }

    /// `POST`: the live key extended, or a new one (64 alphanumerics, like the venue's).
    func create(nowMs: Int64) -> String {
        if let key, nowMs < expiresMs {
            expiresMs = nowMs + Self.validityMs
            return key
        }
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        let fresh = String((0..<64).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
        key = fresh
        expiresMs = nowMs + Self.validityMs
        return fresh
    }

    /// `PUT`: extends the live key; nil when there is none.
    func keepAlive(nowMs: Int64) -> String? {
        guard let key, nowMs < expiresMs else { return nil }
        expiresMs = nowMs + Self.validityMs
        return key
    }

    /// `DELETE`: the key is gone (its sockets get no more events).
    func close() { key = nil; expiresMs = 0 }

    /// Whether `candidate` is the live key.
    func isLive(_ candidate: String, nowMs: Int64) -> Bool { key == candidate && nowMs < expiresMs }

    /// Records a private socket opened with `key`.
    func attach(_ connection: Int, key: String) { sockets[connection] = key }

    /// Forgets a closed private socket.
    func detach(_ connection: Int) { sockets[connection] = nil }

    /// Makes the live key lapse now and tells its sockets (`listenKeyExpired`, then close).
    func expireNow(state: SimState) async {
        guard let old = key else { return }
        key = nil
        expiresMs = 0
        for (id, k) in sockets where k == old {
            sockets[id] = nil
            await state.binanceListenKeyExpired(connection: id, key: old)
        }
    }
}

extension SimState {
    /// Sends `listenKeyExpired` to one private socket and closes it, as the venue does when a key lapses.
    func binanceListenKeyExpired(connection id: Int, key: String) {
        let now = nowMs
        send(id, #"{"e":"listenKeyExpired","E":\#(now),"listenKey":"\#(key)"}"#)
        connections[id]?.continuation.yield(.close)
        unregister(id)
    }
}
