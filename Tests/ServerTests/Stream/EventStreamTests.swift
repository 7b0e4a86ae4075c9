import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
@testable import Server
import Testing

/// The operator stream: typed SSE events over a real socket, `Last-Event-ID` resume, type filters, and a slow
/// client dropped without holding up publishing.
@Suite struct EventStreamTests {
    @Test func resumeAfterLastEventIdDeliversOnlyWhatWasMissed() async throws {
        let hub = EventHub(replayLimit: 10, clientBuffer: 16)
        for i in 1...5 { await hub.publish("pnl", json: #"{"n":\#(i)}"#) }
        let (stream, gap) = await hub.subscribe(lastEventId: 3)
        #expect(!gap)
        await hub.publish("opportunity", json: "{}")
        var seen: [UInt64] = []
        for await e in stream {
            seen.append(e.id)
            if seen.count == 3 { break }
        }
        #expect(seen == [4, 5, 6])
        // Resuming from before the ring's oldest kept event says so (the client must reload its views).
        for _ in 0..<20 { await hub.publish("pnl", json: "{}") }
        #expect(await hub.subscribe(lastEventId: 2).resumeGap)
    }

    @Test func aClientThatDoesNotReadIsDroppedAndPublishingNeverWaits() async throws {
        let hub = EventHub(clientBuffer: 8)
        let (stalled, _) = await hub.subscribe(lastEventId: nil)
        let (reader, _) = await hub.subscribe(lastEventId: nil)
        let consumer = Task { var n = 0; for await _ in reader { n += 1; if n == 100 { break } }; return n }
        for i in 0..<100 {
            await hub.publish("opportunity", json: #"{"i":\#(i)}"#)
            if i % 4 == 0 { await Task.yield() }
        }
        #expect(await hub.droppedClients >= 1)
        var delivered = 0
        for await _ in stalled { delivered += 1 }
        #expect(delivered == 8, "the stalled client got its buffer, then its stream ended")
        _ = stalled
        consumer.cancel()
    }

    static func app(_ hub: EventHub) -> some ApplicationProtocol {
        let router = Router()
        router.add(middleware: OperatorErrorMiddleware())
        StreamRoute.add(to: router, hub: hub)
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    /// Reads SSE frames from `url` until `count` events arrived.
    static func read(_ url: String, lastEventId: String? = nil, count: Int) async throws -> [(id: String, type: String, data: String)] {
        var request = HTTPClientRequest(url: url)
        if let lastEventId { request.headers.add(name: "Last-Event-ID", value: lastEventId) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(20))
        #expect(response.headers["content-type"].first == "text/event-stream")
        var text = ""
        var events: [(String, String, String)] = []
        for try await chunk in response.body {
            text += String(buffer: chunk)
            while let end = text.range(of: "\n\n") {
                let frame = text[..<end.lowerBound]
                text.removeSubrange(..<end.upperBound)
                var id = "", type = "", data = ""
                for line in frame.split(separator: "\n") {
                    if line.hasPrefix("id: ") { id = String(line.dropFirst(4)) }
                    if line.hasPrefix("event: ") { type = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
                }
                if !type.isEmpty { events.append((id, type, data)) }
                if events.count == count { return events }
            }
        }
        return events
    }

    @Test func sseOverARealSocketWithResumeAndTypeFilter() async throws {
        let hub = EventHub()
        try await Self.app(hub).test(.live) { client in
            let base = "http://127.0.0.1:\(client.port!)/api/ui/stream"
            let publisher = Task {
                var i = 0
                while !Task.isCancelled {
                    i += 1
                    await hub.publish(i % 2 == 0 ? "pnl" : "opportunity", json: #"{"i":\#(i)}"#)
                    try? await Task.sleep(for: .milliseconds(5))
                }
            }
            defer { publisher.cancel() }
            let first = try await Self.read(base, count: 4)
            #expect(first.count == 4)
            let ids = first.compactMap { UInt64($0.id) }
            #expect(ids == ids.sorted() && Set(ids).count == 4, "ids grow: \(ids)")
            #expect(first.allSatisfy { ["pnl", "opportunity"].contains($0.type) && $0.data.hasPrefix("{\"i\":") })

            let resumed = try await Self.read(base, lastEventId: String(ids[1]), count: 3)
            #expect(resumed.first.flatMap { UInt64($0.id) } == ids[1] + 1, "resume starts right after Last-Event-ID")

            let filtered = try await Self.read(base + "?types=pnl", count: 3)
            #expect(filtered.allSatisfy { $0.type == "pnl" })

            let bad = try await HTTPClient.shared.execute(HTTPClientRequest(url: base + "?last_event_id=abc"), timeout: .seconds(10))
            let body = String(buffer: try await bad.body.collect(upTo: 1 << 16))
            #expect(bad.status.code == 422 && body.contains("last_event_id"), "\(body)")
            let unknown = try await HTTPClient.shared.execute(HTTPClientRequest(url: base + "?types=pnl,nonsense"), timeout: .seconds(10))
            let unknownBody = String(buffer: try await unknown.body.collect(upTo: 1 << 16))
            #expect(unknown.status.code == 422 && unknownBody.contains("nonsense"), "\(unknownBody)")
        }
    }
}
