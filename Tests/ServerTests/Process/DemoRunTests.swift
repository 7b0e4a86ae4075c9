import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

/// End to end: the real `propbot` binary, the real simulator, real sockets.
@Suite(.serialized) struct DemoRunTests {
    /// A demo profile on free ports, so the test never collides with a running bot.
    static func demoProfileOnFreePorts() throws -> String {
        let source = try String(contentsOf: PropBotProcess.repositoryRoot.appendingPathComponent("configs/demo.yaml"), encoding: .utf8)
        let yaml = source.replacingOccurrences(of: "port: 8000", with: "port: 0")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("propbot-demo-\(UUID().uuidString).yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A dummy value for every `${NAME}` the profile references, as an operator's environment would have.
    static func secretsReferenced(by profile: String) throws -> [String: String] {
        let text = try String(contentsOf: PropBotProcess.repositoryRoot.appendingPathComponent(profile), encoding: .utf8)
        // Only required secrets (no `:-default`), so optional ones like PROPBOT_SECRETS_FILE keep their defaults.
        let names = text.matches(of: /\$\{([A-Z0-9_]+)\}/).map { String($0.1) }
        return Dictionary(names.map { ($0, "dummy-\($0.lowercased())") }, uniquingKeysWith: { a, _ in a })
    }

    static func getJSON(_ url: String) async throws -> Any {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 4 << 20)
        return try JSONSerialization.jsonObject(with: Data(buffer: body))
    }

    @Test func demoSyncsEveryBookServesTheAPIAndStopsCleanlyOnCtrlC() async throws {
        let bot = try PropBotProcess(["run", "--config", try Self.demoProfileOnFreePorts()])
        let line = await bot.firstLine()
        let ready = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String], "first line: \(line)")
        let api = try #require(ready["api"])
        #expect(ready["profile"] == "demo")

        let health = try await Self.getJSON(api + "/api/health") as? [String: String]
        #expect(health?["status"] == "ok")

        var books: [[String: Any]] = []
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            books = try await Self.getJSON(api + "/api/md/books") as? [[String: Any]] ?? []
            if books.count == 9, books.allSatisfy({ $0["valid"] as? Bool == true && $0["stale"] as? Bool == false }) { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(books.count == 9, "all of BTC, ETH, SOL on three venues")
        #expect(Set(books.compactMap { $0["instrument"] as? String }).count == 9)
        for book in books {
            #expect(book["valid"] as? Bool == true, "\(book)")
            let bid = try #require(Double(book["bid"] as? String ?? ""), "\(book)")
            let ask = try #require(Double(book["ask"] as? String ?? ""), "\(book)")
            #expect(bid < ask, "\(book)")
        }

        // The order path: journal opened, three simulated accounts reconciled, trading allowed.
        var status: [String: Any] = [:]
        while ContinuousClock.now < deadline + .seconds(30) {
            status = try await Self.getJSON(api + "/api/execution/status") as? [String: Any] ?? [:]
            if status["trading_allowed"] as? Bool == true { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(status["trading_allowed"] as? Bool == true, "\(status)")
        #expect(status["venues"] as? [String] == ["binance", "bybit", "okx"], "\(status)")
        #expect((status["recovery"] as? [String: Any])?["clean"] as? Bool == true, "\(status)")
        #expect(try await Self.getJSON(api + "/api/execution/orders") as? [Any] != nil)

        let metrics = try await HTTPClient.shared.execute(HTTPClientRequest(url: api + "/metrics"), timeout: .seconds(10))
        let text = String(buffer: try await metrics.body.collect(upTo: 4 << 20))
        for name in ["md_messages_total", "md_seq_gaps_total", "md_resyncs_total", "ws_reconnects_total", "book_freshness_ms", "ws_gap_ms",
                     "exec_orders_total", "exec_fills_total", "exec_unresolved_orders", "exec_hold"] {
            #expect(text.contains(name), "metric \(name) missing")
        }
        #expect(text.contains(#"venue="okx""#) && text.contains(#"symbol="BTC-USDT-SWAP""#))

        #expect(try await bot.interruptAndWait() == 0)
    }

    @Test func secretsNeverReachTheLogsEvenAtTraceLevel() async throws {
        let source = try String(contentsOfFile: try Self.demoProfileOnFreePorts(), encoding: .utf8)
        let yaml = source
            .replacingOccurrences(of: "binance: {enabled: true,",
                                  with: #"binance: {enabled: true, api_key: "${PB_TEST_KEY}", api_secret: "${PB_TEST_SECRET}","#)
            .replacingOccurrences(of: "level: info", with: "level: trace")
        #expect(yaml.contains("PB_TEST_SECRET") && yaml.contains("level: trace"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("propbot-secret-\(UUID().uuidString).yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        let key = "AKIA-test-key-\(UUID().uuidString)", secret = "s3cr3t-\(UUID().uuidString)"
        let bot = try PropBotProcess(["run", "--config", path], environment: ["PB_TEST_KEY": key, "PB_TEST_SECRET": secret])
        let line = await bot.firstLine()
        let api = try #require((try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])?["api"], "\(line)")
        for path in ["/api/health", "/api/md/books", "/metrics"] { _ = try await HTTPClient.shared.execute(HTTPClientRequest(url: api + path), timeout: .seconds(10)) }
        try await Task.sleep(for: .seconds(2))
        #expect(try await bot.interruptAndWait() == 0)
        let everything = bot.output() + bot.errorOutput()
        #expect(everything.contains("trace") || everything.contains("debug") || everything.count > 1000, "trace logging was on")
        #expect(!everything.contains(key))
        #expect(!everything.contains(secret))
    }

    /// Ctrl-C while the bot is still starting (feeds resyncing, recovery and clock probes in flight against the
    /// embedded simulator) must stop it too: seen before, the simulator shut down with the bot and the bot's
    /// late requests to it kept the process alive for half a minute or for good.
    @Test func ctrlCDuringStartupStopsTheProcess() async throws {
        let profile = try Self.demoProfileOnFreePorts()
        for _ in 0..<3 {
            let bot = try PropBotProcess(["run", "--config", profile])
            _ = await bot.firstLine()
            #expect(try await bot.interruptAndWait(timeout: .seconds(20)) == 0)
        }
    }

    @Test func simPrintsItsBaseURLsAsTheFirstLine() async throws {
        let sim = try PropBotProcess(["sim", "--port", "0", "--seed", "7", "--api-key", "k1", "--api-secret", "s1", "--balance", "2500"])
        let line = await sim.firstLine()
        var urls = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: [String: String]], "\(line)")
        let credentials = try #require(urls["credentials"], "\(line)")
        urls["credentials"] = nil
        #expect(credentials["api_key"] == "k1" && credentials["api_secret"] == "s1" && credentials["balance_usdt"] == "2500")
        #expect(credentials["passphrase"] == "propbot-sim-pass", "the documented default")
        #expect(Set(urls.keys) == ["binance", "okx", "bybit"])
        for venue in urls.values {
            #expect(venue["rest"]?.hasPrefix("http://127.0.0.1:") == true)
            #expect(venue["ws"]?.hasPrefix("ws://127.0.0.1:") == true)
        }
        let rest = try #require(urls["binance"]?["rest"])
        let time = try await Self.getJSON(rest + "/fapi/v1/time") as? [String: Any]
        let serverTime = time?["serverTime"] as? Int
        #expect(serverTime != nil)
        #expect(try await sim.interruptAndWait() == 0)
    }

    @Test func configValidateSaysOKForShippedProfilesAndListsErrorsOtherwise() async throws {
        for name in ["demo", "paper", "testnet", "shadow", "live"] {
            let ok = try PropBotProcess(["config", "validate", "configs/\(name).yaml"],
                                        environment: try Self.secretsReferenced(by: "configs/\(name).yaml"))
            let status = try await ok.waitForExit()
            #expect(status == 0, "configs/\(name).yaml: \(ok.output()) \(ok.errorOutput())")
            #expect(ok.output().trimmingCharacters(in: .whitespacesAndNewlines) == "OK")
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).yaml").path
        try "profile: demo\nmarket_data:\n  stale_msec: 10\nserver:\n  port: seventy\n".write(toFile: path, atomically: true, encoding: .utf8)
        let bad = try PropBotProcess(["config", "validate", path])
        #expect(try await bad.waitForExit() != 0)
        let out = bad.output()
        #expect(out.contains("market_data.stale_msec"), "\(out)")
        #expect(out.contains("server.port"), "\(out)")
        #expect(!out.contains("OK\n"))
    }

    @Test func mdReplayPrintsAReportForRecordedBinanceData() async throws {
        let recorded = PropBotProcess.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/venues/recorded")
        let replay = try PropBotProcess(["md", "replay", "--venue", "binance",
                                         recorded.appendingPathComponent("cryptofeed-master-BINANCE_FUTURES.http.0.0.txt").path,
                                         recorded.appendingPathComponent("cryptofeed-master-BINANCE_FUTURES.ws.1.0.txt").path])
        #expect(try await replay.waitForExit() == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(replay.output().utf8)) as? [String: Any])
        #expect(report["venue"] as? String == "binance")
        #expect(report["gaps"] as? Int == 0)
        #expect((report["messages"] as? Int ?? 0) > 1000)
        let books = try #require(report["books"] as? [String: [String: Any]])
        #expect(books.count == 4)
        #expect(books.values.allSatisfy { $0["valid"] as? Bool == true })
    }

    @Test func mdReplayOfAMissingFileExitsNonZeroWithARussianMessage() async throws {
        let replay = try PropBotProcess(["md", "replay", "--venue", "okx", "/nonexistent/capture.txt"])
        #expect(try await replay.waitForExit() != 0)
        #expect(replay.errorOutput().contains("/nonexistent/capture.txt"))
    }
}
