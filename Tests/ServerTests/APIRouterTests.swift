import Foundation
import Hummingbird
import HummingbirdTesting
import Metrics
import PropCore
import Server
import Testing
import Venues

/// A clock frozen at a known instant, so health timestamps are checkable.
struct FixedTimeSource: TimeSource {
    var millis: Int64
    func monotonicNanos() -> UInt64 { UInt64(millis) * 1_000_000 }
    func wallMillis() -> Int64 { millis }
}

@Suite struct APIRouterTests {
    static func app(books: [BookView] = [], metrics: MetricsRegistry = MetricsRegistry()) -> some ApplicationProtocol {
        let sources = APISources(clock: FixedTimeSource(millis: 1_717_000_000_123), metrics: metrics, books: { books })
        return Application(router: APIRouter.build(sources))
    }

    @Test func healthReportsStatusVersionAndUTCTime() async throws {
        try await Self.app().test(.router) { client in
            try await client.execute(uri: "/api/health", method: .get) { response in
                #expect(response.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: String]
                #expect(json == ["status": "ok", "version": PropBotVersion.string, "ts": "2024-05-29T16:26:40.123Z"])
            }
        }
    }

    @Test func booksUseTheDocumentedSnakeCaseShape() async throws {
        let row = BookView(instrument: try InstrumentId(parsing: "BINANCE:PERP:BTC-USDT"), venue: .binance, symbol: "BTCUSDT", bid: "65000.1",
                          bidQty: "1.5", ask: "65000.2", askQty: "0.3", valid: true, stale: false, ageMs: 12, seq: 99)
        let empty = BookView(instrument: try InstrumentId(parsing: "OKX:PERP:SOL-USDT"), venue: .okx, symbol: "SOL-USDT-SWAP",
                             bid: nil, bidQty: nil, ask: nil, askQty: nil, valid: false, stale: true, ageMs: nil, seq: 0)
        try await Self.app(books: [row, empty]).test(.router) { client in
            try await client.execute(uri: "/api/md/books", method: .get) { response in
                let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
                #expect(json.count == 2)
                #expect(Set(json[1].keys) == Set(json[0].keys), "an empty book keeps every key, as null")
                #expect(json[1]["bid"] is NSNull)
                #expect(Set(json[0].keys) == ["instrument", "venue", "symbol", "bid", "bid_qty", "ask", "ask_qty",
                                              "valid", "stale", "age_ms", "seq"])
                #expect(json[0]["bid_qty"] as? String == "1.5")
                #expect(json[0]["age_ms"] as? Int == 12)
            }
        }
    }

    @Test func metricsAreServedInPrometheusTextFormat() async throws {
        let metrics = MetricsRegistry()
        Counter(label: "md_messages_total", dimensions: [("venue", "okx"), ("symbol", "BTC-USDT-SWAP")], factory: metrics.factory)
            .increment(by: 3)
        try await Self.app(metrics: metrics).test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
                #expect(text.contains(#"md_messages_total{venue="okx",symbol="BTC-USDT-SWAP"} 3"#))
            }
        }
    }

    @Test func unknownPathGetsRussianJSONError() async throws {
        try await Self.app().test(.router) { client in
            try await client.execute(uri: "/api/nope", method: .get) { response in
                #expect(response.status == .notFound)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: String]
                #expect(json?["error"] == "not_found")
                #expect(json?["message_ru"]?.contains("/api/nope") == true)
            }
        }
    }
}
