import AsyncHTTPClient
import Foundation
import Testing

/// Config apply and rollback in the real binary while the demo market runs at full speed: the engine switches
/// parameters without a reconnect, a gap or a resync, and a rollback restores the startup version exactly.
@Suite(.serialized) struct ConfigApplyProcessTests {
    typealias API = ControlPlaneProcessTests

    /// Sum of every series of a Prometheus counter.
    static func counter(_ name: String, in text: String) -> Double {
        text.split(separator: "\n").filter { $0.hasPrefix(name + "{") || $0.hasPrefix(name + " ") }
            .compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }.reduce(0, +)
    }

    static func metrics(_ api: String) async throws -> String {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: api + "/metrics"), timeout: .seconds(10))
        return String(buffer: try await response.body.collect(upTo: 8 << 20))
    }

    /// A JSON view without its timestamp, for exact comparison.
    static func view(_ api: String, _ path: String) async throws -> NSDictionary {
        var json = try await API.request(.GET, api + path).json
        json["ts"] = nil
        return json as NSDictionary
    }

    @Test func applyAndRollbackUnderLoadKeepEveryConnectionAndRestoreTheStartupVersionExactly() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("propbot-config-\(UUID().uuidString)").path
        let admin = try await API.token("adam", role: "admin", file: dir + "/tokens.yaml")
        let profilePath = try API.profile(in: dir)
        let running = try String(contentsOfFile: profilePath, encoding: .utf8)
        let bot = try PropBotProcess(["run", "--config", profilePath])
        let line = await bot.firstLine()
        let api = try #require((try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])?["api"], "\(line)")
        _ = try await API.waitForState(api, "run")
        try await Task.sleep(for: .seconds(2))

        let startup = try await API.request(.GET, api + "/api/ui/config").json
        let startupVersion = try #require(startup["current"] as? [String: Any])
        #expect(startupVersion["version"] as? Int == 1 && startupVersion["source"] as? String == "startup", "\(startupVersion)")
        let limitsBefore = try await Self.view(api, "/api/ui/limits")
        let riskBefore = try await Self.view(api, "/api/ui/settings/risk-profile")
        let profileBefore = startup["profile"] as? NSDictionary
        let before = try await Self.metrics(api)

        // Readers hammer the API meanwhile, as a UI and a monitor would.
        let load = Task {
            var reads = 0
            while !Task.isCancelled {
                _ = try? await API.request(.GET, api + "/api/md/books")
                _ = try? await API.request(.GET, api + "/api/opportunities")
                reads += 2
            }
            return reads
        }
        let changed = running.replacingOccurrences(of: "  level: 50 ", with: "  level: 70 ")
            .replacingOccurrences(of: "  max_gross: 10000", with: "  max_gross: 9000")
            .replacingOccurrences(of: "  min_profitability: 2 ", with: "  min_profitability: 3 ")
        #expect(changed != running)
        let body = String(decoding: try JSONSerialization.data(withJSONObject: ["yaml": changed]), as: UTF8.self)
        for cycle in 1...3 {
            let applied = try await API.request(.POST, api + "/api/ui/config/apply", token: admin, body: body)
            #expect(applied.status == 200, "\(applied.json)")
            let config = (applied.json["snapshot"] as? [String: Any])?["config"] as? [String: Any] ?? [:]
            let token = try #require(config["rollback_token"] as? String, "\(applied.json)")
            #expect(applied.json["rollback_token"] as? String == token, "the spec's apply answer carries it at the top")
            #expect(config["sha256"] as? String != startupVersion["sha256"] as? String)
            let limits = try await API.request(.GET, api + "/api/ui/limits").json
            #expect(limits["max_gross"] as? Double == 9000 || limits["max_gross"] as? Int == 9000, "cycle \(cycle): \(limits)")
            #expect(try await API.request(.GET, api + "/api/ui/settings/risk-profile").json["risk_level"] as? Int == 70)
            try await Task.sleep(for: .seconds(1))

            let back = try await API.request(.POST, api + "/api/ui/config/rollback", token: admin,
                                             body: #"{"rollback_token": "\#(token)"}"#)
            #expect(back.status == 200, "\(back.json)")
            let now = try await API.request(.GET, api + "/api/ui/config").json
            let current = now["current"] as? [String: Any] ?? [:]
            #expect(current["sha256"] as? String == startupVersion["sha256"] as? String, "cycle \(cycle): the startup version, exactly")
            #expect(current["version"] as? Int == 1 + 2 * cycle && current["source"] as? String == "rollback")
            #expect(now["profile"] as? NSDictionary == profileBefore)
            #expect(try await Self.view(api, "/api/ui/limits") == limitsBefore)
            #expect(try await Self.view(api, "/api/ui/settings/risk-profile") == riskBefore)
        }
        load.cancel()
        #expect(await load.value > 0)

        // A stale token and a restart-only change are refused whole.
        let stale = try await API.request(.POST, api + "/api/ui/config/rollback", token: admin, body: #"{"rollback_token": "rb_0000"}"#)
        #expect(stale.status == 409 || stale.status == 422, "\(stale.json)")
        let restartOnly = running.replacingOccurrences(of: "  stale_ms: 3000", with: "  stale_ms: 2000")
        let refused = try await API.request(.POST, api + "/api/ui/config/apply", token: admin,
                                            body: String(decoding: try JSONSerialization.data(withJSONObject: ["yaml": restartOnly]), as: UTF8.self))
        #expect(refused.status == 422 && refused.json["field"] as? String == "market_data", "\(refused.json)")
        #expect((refused.json["message_ru"] as? String ?? "").contains("перезапуск"), "\(refused.json)")

        // No market data was lost: no reconnect, no sequence gap, no resync, while messages kept coming.
        let after = try await Self.metrics(api)
        for name in ["ws_reconnects_total", "md_seq_gaps_total", "md_resyncs_total"] {
            #expect(Self.counter(name, in: after) == Self.counter(name, in: before), "\(name) moved during apply/rollback")
        }
        #expect(Self.counter("md_messages_total", in: after) > Self.counter("md_messages_total", in: before))
        let books = try await API.request(.GET, api + "/api/md/books").array as? [[String: Any]] ?? []
        #expect(books.count == 9 && books.allSatisfy { $0["valid"] as? Bool == true }, "\(books)")
        #expect(try await bot.interruptAndWait() == 0)
    }
}
