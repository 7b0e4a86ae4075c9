import AsyncHTTPClient
import Foundation
import HummingbirdWSClient
import Logging
import NIOCore
import NIOHTTP1
import PropCore
import VenueSim

/// Starts simulators on ephemeral ports and talks to them over real loopback sockets.
enum SimTest {
    static let logger: Logger = {
        var l = Logger(label: "sim-test")
        l.logLevel = .warning
        return l
    }()

    /// Runs `body` against a fresh simulator and always stops it.
    static func withSimulator<T: Sendable>(seed: UInt64 = 7, tickMillis: Int = 50, okxHeartbeatMillis: Int = 60_000,
                                           _ body: (VenueSimulator, SimEndpoints) async throws -> T) async throws -> T {
        let sim = VenueSimulator(config: SimulatorConfig(seed: seed, basePort: 0, tickMillis: tickMillis,
                                                         okxHeartbeatMillis: okxHeartbeatMillis),
                                 logger: logger)
        let endpoints = try await sim.start()
        do {
            let result = try await body(sim, endpoints)
            await sim.stop()
            return result
        } catch {
            await sim.stop()
            throw error
        }
    }

    /// A REST reply: status, headers and body.
    struct Reply: Sendable {
        var status: Int
        var headers: [String: String]
        var body: String
        /// Body parsed with JSONSerialization.
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(body.utf8)) }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
    }

    /// Sends one request with AsyncHTTPClient.
    static func request(_ url: String, method: HTTPMethod = .GET, body: String? = nil) async throws -> Reply {
        var req = HTTPClientRequest(url: url)
        req.method = method
        if let body { req.body = .bytes(ByteBuffer(string: body)); req.headers.add(name: "Content-Type", value: "application/json") }
        let resp = try await HTTPClient.shared.execute(req, timeout: .seconds(20))
        let buf = try await resp.body.collect(upTo: 1 << 24)
        var headers: [String: String] = [:]
        for h in resp.headers { headers[h.name.lowercased()] = h.value }
        return Reply(status: Int(resp.status.code), headers: headers, body: String(buffer: buf))
    }

    /// What a WebSocket session saw.
    struct WSResult: Sendable {
        var messages: [String]
        /// True when the server ended the connection before `until` was satisfied.
        var closedByServer: Bool
    }

    actor Messages {
        var items: [String] = []
        func append(_ s: String) -> [String] { items.append(s); return items }
    }

    /// Connects to `url`, sends `send`, calls `afterSend` (e.g. to take a REST snapshot while frames
    /// buffer), and collects text frames until `until` holds or the server closes. Fails after `timeout`.
    static func session(_ url: String, send: [String] = [], timeout: Duration = .seconds(30),
                        afterSend: @escaping @Sendable () async throws -> Void = {},
                        until: @escaping @Sendable ([String]) -> Bool) async throws -> WSResult {
        let box = Messages()
        let closedByUs = ManagedFlag()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await WebSocketClient.connect(url: url, configuration: .init(maxFrameSize: 1 << 24), logger: logger) { inbound, outbound, _ in
                    for s in send { try await outbound.write(.text(s)) }
                    try await afterSend()
                    for try await msg in inbound.messages(maxSize: 1 << 24) {
                        guard case .text(let t) = msg else { continue }
                        if until(await box.append(t)) {
                            await closedByUs.set()
                            try await outbound.close(.normalClosure, reason: nil)
                            return
                        }
                    }
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw SimTestError.timeout(url)
            }
            try await group.next()
            group.cancelAll()
        }
        return WSResult(messages: await box.items, closedByServer: !(await closedByUs.value))
    }

    actor ManagedFlag {
        var value = false
        func set() { value = true }
    }

    /// Parses a frame into a JSON object (empty for non-objects).
    static func obj(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }
}

enum SimTestError: Error {
    case timeout(String)
}

/// A client-side book built only from what the wire said (strings parsed with PropCore numbers).
struct WireBook: Equatable {
    var bids: [String: String] = [:]
    var asks: [String: String] = [:]

    mutating func apply(_ levels: Any?, bid: Bool) {
        for l in (levels as? [[Any]]) ?? [] {
            guard let px = l.first as? String, let sz = l.count > 1 ? l[1] as? String : nil, let q = Qty(sz) else { continue }
            let key = Price(px).map { "\($0.units)@\($0.scale)" } ?? px
            if q.isZero { if bid { bids[key] = nil } else { asks[key] = nil } }
            else if bid { bids[key] = sz } else { asks[key] = sz }
        }
    }

    mutating func reset() { bids = [:]; asks = [:] }
}
