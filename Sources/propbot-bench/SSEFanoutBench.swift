import AsyncHTTPClient
import Foundation
import Logging
import Ops
import PropCore
import Server
import ServiceLifecycle

/// `propbot-bench sse-fanout [--clients 50] [--seconds 10] [--iterations 50000]`: the whole demo process in this
/// process (simulator, feeds, order path, strategy trading, HTTP API), then
/// 1. tick-to-order measured on a separate thread while the demo runs, no stream clients;
/// 2. `--clients` SSE clients on `/api/ui/stream` over real loopback sockets for `--seconds`, counting the events
///    each receives, while tick-to-order is measured again the same way.
/// Prints one JSON line: events/s per client (min and mean), clients dropped, and both tick-to-order figures.
enum SSEFanoutBench {
    static func main(_ args: [String]) async -> Never {
        let clients = max(1, Int(option(args, "--clients") ?? "50") ?? 50)
        let seconds = max(2, Int(option(args, "--seconds") ?? "10") ?? 10)
        let iterations = max(1_000, Int(option(args, "--iterations") ?? "50000") ?? 50_000)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("propbot-sse-\(UUID().uuidString)").path
        var profile = ProfileConfig.demoDefault
        profile.server.port = 0
        profile.storage.path = dir + "/journal.sqlite"
        profile.ops.tokensFile = dir + "/tokens.yaml"; profile.ops.auditPath = dir + "/audit.sqlite"
        profile.ops.stateFile = dir + "/control.json"
        var logger = Logger(label: "bench"); logger.logLevel = .error
        let ready = ReadyURL()
        let runtime = PropBotRuntime(profile: profile, logger: logger, onReady: { r in Task { await ready.set(r.api) } })
        let group = ServiceGroup(configuration: .init(services: [runtime], logger: logger))
        let task = Task { try await group.run() }
        guard let api = await ready.wait(seconds: 60) else { fail("sse-fanout: the demo did not start") }
        // Warm up: books synced, guarded startup passed, the strategy trading.
        try? await Task.sleep(for: .seconds(8))

        let alone = await onThread { TickToOrderBench.measure(iterations: iterations) }
        let counts = Counts(clients)
        // Its own client: the shared one keeps at most 8 connections per host, and every stream holds one open.
        var config = HTTPClient.Configuration()
        config.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = clients + 4
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: config)
        let stop = ContinuousClock.now + .seconds(seconds)
        let readers = (0..<clients).map { i in
            Task { await read(http, api + "/api/ui/stream", client: i, until: stop, counts: counts) }
        }
        try? await Task.sleep(for: .seconds(1))
        let loaded = await onThread { TickToOrderBench.measure(iterations: iterations) }
        for r in readers { await r.value }
        try? await http.shutdown()
        let perClient = await counts.values.map { Double($0) / Double(seconds) }
        let dropped = await counts.ended
        await group.triggerGracefulShutdown()
        _ = await task.result
        let mean = perClient.reduce(0, +) / Double(perClient.count)
        print("{\"clients\": \(clients), \"seconds\": \(seconds), \"events_per_s_min\": \(round1(perClient.min() ?? 0)), "
              + "\"events_per_s_mean\": \(round1(mean)), \"clients_ended_early\": \(dropped), "
              + "\"tick_to_order_alone\": {\"p50_us\": \(alone.p50), \"p99_us\": \(alone.p99)}, "
              + "\"tick_to_order_with_sse\": {\"p50_us\": \(loaded.p50), \"p99_us\": \(loaded.p99)}, "
              + "\"p99_ratio\": \(round1(loaded.p99 / max(alone.p99, 0.1) * 100) / 100)}")
        exit(0)
    }

    static func round1(_ x: Double) -> Double { (x * 10).rounded() / 10 }

    /// Runs CPU-bound work on its own thread so the process's cooperative pool keeps serving the demo.
    static func onThread(_ work: @escaping @Sendable () -> TickToOrderBench.Figures) async -> TickToOrderBench.Figures {
        await withCheckedContinuation { c in Thread { c.resume(returning: work()) }.start() }
    }

    /// One stream client: counts typed events (heartbeats excluded) until `until`.
    static func read(_ http: HTTPClient, _ url: String, client: Int, until: ContinuousClock.Instant, counts: Counts) async {
        do {
            let response = try await http.execute(HTTPClientRequest(url: url), timeout: .seconds(60))
            var n = 0, tail = ""
            for try await chunk in response.body {
                // Frames may split across chunks: count complete "event: " lines, heartbeats excluded.
                let text = tail + String(buffer: chunk)
                var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                tail = String(lines.removeLast())
                n += lines.filter { $0.hasPrefix("event: ") && $0 != "event: heartbeat" }.count
                if ContinuousClock.now >= until { break }
            }
            await counts.set(client, n)
            if ContinuousClock.now < until { await counts.endedEarly() }
        } catch {
            await counts.endedEarly()
        }
    }

    actor Counts {
        var values: [Int]
        var ended = 0
        init(_ n: Int) { values = Array(repeating: 0, count: n) }
        func set(_ i: Int, _ n: Int) { values[i] = n }
        func endedEarly() { ended += 1 }
    }

    actor ReadyURL {
        var url: String?
        func set(_ u: String) { url = u }
        func wait(seconds: Int) async -> String? {
            for _ in 0..<(seconds * 10) {
                if let url { return url }
                try? await Task.sleep(for: .milliseconds(100))
            }
            return url
        }
    }
}
