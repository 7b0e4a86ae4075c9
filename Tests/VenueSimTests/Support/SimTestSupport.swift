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

/// A client-side book built only from what the wire said: exact strings per price, ordered by value.
struct WireBook: Equatable {
    struct Level: Equatable { var px: String; var sz: String }
    /// Keyed by price mantissa at scale 8 so different spellings of one price meet.
    var bids: [Int64: Level] = [:]
    var asks: [Int64: Level] = [:]

    static func key(_ px: String) -> Int64? { Price(px, scale: 8)?.units }

    mutating func apply(_ levels: Any?, bid: Bool) {
        for l in (levels as? [[Any]]) ?? [] {
            guard let px = l.first as? String, l.count > 1, let sz = l[1] as? String, let q = Qty(sz), let k = Self.key(px) else { continue }
            if q.isZero { if bid { bids[k] = nil } else { asks[k] = nil } }
            else if bid { bids[k] = Level(px: px, sz: sz) } else { asks[k] = Level(px: px, sz: sz) }
        }
    }

    mutating func reset() { bids = [:]; asks = [:] }

    var sortedBids: [Level] { bids.sorted { $0.key > $1.key }.map(\.value) }
    var sortedAsks: [Level] { asks.sorted { $0.key < $1.key }.map(\.value) }

    /// The top `n` levels of both sides as value pairs, for comparing with a REST snapshot.
    func top(_ n: Int) -> [[String]] {
        let f: (Level) -> [String] = { l in [Price(l.px, scale: 8).map { "\($0.units)" } ?? l.px, Qty(l.sz, scale: 8).map { "\($0.units)" } ?? l.sz] }
        return Array(sortedBids.prefix(n)).map(f) + [["|"]] + Array(sortedAsks.prefix(n)).map(f)
    }

    /// OKX checksum over the exact strings received.
    var okxChecksum: Int32 {
        let b = Array(sortedBids.prefix(25)), a = Array(sortedAsks.prefix(25))
        var parts: [String] = []
        for i in 0..<25 {
            if i < b.count { parts += [b[i].px, b[i].sz] }
            if i < a.count { parts += [a[i].px, a[i].sz] }
        }
        return CRC32.signedChecksum(parts.joined(separator: ":").utf8)
    }

    /// A book from a REST/WS snapshot object with `bids`/`asks` (or Bybit `b`/`a`) arrays.
    static func from(_ obj: [String: Any], bidsKey: String = "bids", asksKey: String = "asks") -> WireBook {
        var w = WireBook()
        w.apply(obj[bidsKey], bid: true)
        w.apply(obj[asksKey], bid: false)
        return w
    }
}

/// One open WebSocket in a test: send text, read the next text frame.
final class WSConn {
    private var iterator: WebSocketInboundMessageStream.AsyncIterator
    let outbound: WebSocketOutboundWriter

    init(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) {
        iterator = inbound.messages(maxSize: 1 << 24).makeAsyncIterator()
        self.outbound = outbound
    }

    func send(_ text: String) async throws { try await outbound.write(.text(text)) }

    /// Next text frame, or nil when the server closed the socket.
    func next() async throws -> String? {
        while let msg = try await iterator.next() {
            if case .text(let t) = msg { return t }
        }
        return nil
    }

    /// Next frame parsed as a JSON object (skipping non-JSON frames such as `pong`).
    func nextObject(where accept: ([String: Any]) -> Bool = { _ in true }) async throws -> [String: Any]? {
        while let t = try await next() {
            let o = SimTest.obj(t)
            if !o.isEmpty, accept(o) { return o }
        }
        return nil
    }
}

extension SimTest {
    actor Slot<T: Sendable> {
        var value: T?
        func set(_ v: T) { value = v }
    }

    /// Opens a WebSocket, runs `body` with it, closes it. Fails after `timeout`.
    static func stream<T: Sendable>(_ url: String, timeout: Duration = .seconds(30),
                                    _ body: @escaping @Sendable (WSConn) async throws -> T) async throws -> T {
        let slot = Slot<T>()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await WebSocketClient.connect(url: url, configuration: .init(maxFrameSize: 1 << 24), logger: logger) { inbound, outbound, _ in
                    let conn = WSConn(inbound: inbound, outbound: outbound)
                    await slot.set(try await body(conn))
                    try? await outbound.close(.normalClosure, reason: nil)
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw SimTestError.timeout(url)
            }
            try await group.next()
            group.cancelAll()
        }
        guard let v = await slot.value else { throw SimTestError.timeout(url) }
        return v
    }
}
