import AsyncHTTPClient
import Foundation
import Testing

/// The shadow profile through the real binary against a separate simulator process that plays the live venues,
/// with valid keys for that simulator in the profile: the strategy decides and journals arbitrages filled against
/// the live book, and not one order reaches the venues.
@Suite(.serialized) struct ShadowRunTests {
    /// `configs/shadow.yaml` pointed at the simulator's URLs with its keys from the environment, on a free port,
    /// with the demo's thresholds (so the simulator's dislocations are traded within a minute) and RUN standing.
    static func profile(urls: [String: [String: String]], dir: String) throws -> String {
        var yaml = try String(contentsOf: PropBotProcess.repositoryRoot.appendingPathComponent("configs/shadow.yaml"), encoding: .utf8)
        let production = [
            "binance": ("https://fapi.binance.com", "wss://fstream.binance.com"),
            "okx": ("https://openapi.okx.com", "wss://ws.okx.com:8443"),
            "bybit": ("https://api.bybit.com", "wss://stream.bybit.com"),
        ]
        for (venue, (rest, ws)) in production {
            let sim = try #require(urls[venue])
            let keys = "\n    api_key: ${SIM_API_KEY}\n    api_secret: ${SIM_API_SECRET}" + (venue == "okx" ? "\n    passphrase: ${SIM_PASSPHRASE}" : "")
            yaml = yaml.replacingOccurrences(of: "rest_url: \(rest)", with: "rest_url: \(try #require(sim["rest"]))" + keys)
                .replacingOccurrences(of: "ws_url: \(ws)", with: "ws_url: \(try #require(sim["ws"]))")
        }
        for (from, to) in [("port: 8000", "port: 0"), ("./data/propbot-shadow.sqlite", "\(dir)/shadow.sqlite"),
                           ("order_amount: 100 ", "order_amount: 400 "), ("min_profitability: 10 ", "min_profitability: 2 "),
                           ("slippage_buffer: 5 ", "slippage_buffer: 1 ")] {
            #expect(yaml.contains(from), "configs/shadow.yaml no longer has \(from)")
            yaml = yaml.replacingOccurrences(of: from, with: to)
        }
        yaml += "\nops:\n  tokens_file: \(dir)/tokens.yaml\n  audit_path: \(dir)/audit.sqlite\n  state_file: \(dir)/control.json\n  anonymous_local_reads: true\n"
        try #"{"mode":"run","safe_mode":false,"by":"test","at_ms":0}"#.write(toFile: dir + "/control.json", atomically: true, encoding: .utf8)
        let path = dir + "/shadow.yaml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func shadowTradesOnPaperAndNeverSendsAnOrderEvenWithValidKeys() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("propbot-shadow-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let sim = try PropBotProcess(["sim", "--port", "0", "--seed", "11", "--api-key", "shadow-key", "--api-secret", "shadow-secret"])
        let simLine = await sim.firstLine()
        let urls = try #require(try JSONSerialization.jsonObject(with: Data(simLine.utf8)) as? [String: [String: String]], "\(simLine)")
        let credentials = try #require(urls["credentials"])
        let simAdmin = try #require(urls["binance"]?["rest"])

        let bot = try PropBotProcess(["run", "--config", try Self.profile(urls: urls, dir: dir)], environment: [
            "SIM_API_KEY": "shadow-key", "SIM_API_SECRET": "shadow-secret", "SIM_PASSPHRASE": credentials["passphrase"] ?? "",
        ])
        let line = await bot.firstLine()
        let ready = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String], "first line: \(line) \(bot.errorOutput())")
        let api = try #require(ready["api"])
        #expect(ready["profile"] == "shadow")

        // The strategy runs: it leaves guarded startup for RUN and journals arbitrages with filled legs.
        _ = try await ControlPlaneProcessTests.waitForState(api, "run")
        let deadline = ContinuousClock.now + .seconds(120)
        var fills = 0
        while ContinuousClock.now < deadline && fills == 0 {
            try await Task.sleep(for: .seconds(1))
            let execution = try await DemoRunTests.getJSON(api + "/api/ui/execution") as? [String: Any] ?? [:]
            fills = (execution["fills"] as? [Any])?.count ?? 0
        }
        #expect(fills > 0, "shadow decided no arbitrage in two minutes")

        // Yet the venues, with keys that would have worked, never saw an order.
        let accepted = try await DemoRunTests.getJSON(simAdmin + "/sim/orders") as? [String: Int]
        #expect(accepted == ["binance": 0, "okx": 0, "bybit": 0], "\(String(describing: accepted))")

        #expect(try await bot.interruptAndWait() == 0)
        #expect(try await sim.interruptAndWait() == 0)
    }
}
