import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// The control plane through the real binary: guarded startup, tokens and roles, strict request bodies, every
/// state command, KILL to HOLD, and the audit trail the API and `propbot audit verify` read.
@Suite(.serialized) struct ControlPlaneProcessTests {
    struct Reply { var status: Int; var json: [String: Any]; var array: [Any] }

    static func request(_ method: HTTPMethod, _ url: String, token: String? = nil, body: String? = nil) async throws -> Reply {
        var r = HTTPClientRequest(url: url)
        r.method = method
        if let token { r.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body { r.body = .bytes(ByteBuffer(string: body)); r.headers.add(name: "Content-Type", value: "application/json") }
        let response = try await HTTPClient.shared.execute(r, timeout: .seconds(20))
        let data = Data(buffer: try await response.body.collect(upTo: 4 << 20))
        let object = try? JSONSerialization.jsonObject(with: data)
        return Reply(status: Int(response.status.code), json: object as? [String: Any] ?? [:], array: object as? [Any] ?? [])
    }

    /// The demo profile on free ports with its control files in `dir`.
    static func profile(in dir: String) throws -> String {
        let path = try DemoRunTests.demoProfileOnFreePorts()
        var yaml = try String(contentsOfFile: path, encoding: .utf8)
        yaml += "\nops:\n  tokens_file: \(dir)/tokens.yaml\n  audit_path: \(dir)/audit.sqlite\n  state_file: \(dir)/control.json\n"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func token(_ name: String, role: String, file: String) async throws -> String {
        let p = try PropBotProcess(["auth", "add", name, "--role", role, "--tokens-file", file])
        #expect(try await p.waitForExit() == 0, "\(p.errorOutput())")
        return try #require(p.output().split(separator: "\n").map(String.init).first { $0.hasPrefix("pbt_") })
    }

    static func waitForState(_ api: String, _ state: String, timeout: Duration = .seconds(90)) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + timeout
        var last: [String: Any] = [:]
        while ContinuousClock.now < deadline {
            last = try await request(.GET, api + "/api/ui/control-state").json
            if last["state"] as? String == state { return last }
            try await Task.sleep(for: .milliseconds(250))
        }
        Issue.record("state \(state) not reached: \(last)")
        return last
    }

    @Test func operatorCommandsGoThroughAuthTheStateMachineAndTheAuditTrail() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("propbot-control-\(UUID().uuidString)").path
        let tokens = dir + "/tokens.yaml"
        let viewer = try await Self.token("vera", role: "viewer", file: tokens)
        let operatorToken = try await Self.token("oleg", role: "operator", file: tokens)
        let bot = try PropBotProcess(["run", "--config", try Self.profile(in: dir)])
        let line = await bot.firstLine()
        let ready = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
        let api = try #require(ready?["api"], "first line: \(line)")

        // Guarded startup: HOLD until data, replay, reconciliation and clock check out; the demo's standing order is RUN.
        let first = try await Self.request(.GET, api + "/api/ui/control-state").json
        #expect(["hold", "run"].contains(first["state"] as? String), "\(first)")
        _ = try await Self.waitForState(api, "run")

        // No token, a viewer, and a wrong token: refused with a Russian message, nothing changed.
        var r = try await Self.request(.POST, api + "/api/control", body: #"{"action": "pause"}"#)
        #expect(r.status == 401 && (r.json["message_ru"] as? String)?.isEmpty == false, "\(r.json)")
        r = try await Self.request(.POST, api + "/api/control", token: viewer, body: #"{"action": "pause"}"#)
        #expect(r.status == 403, "\(r.json)")
        r = try await Self.request(.POST, api + "/api/control", token: "pbt_wrong", body: #"{"action": "pause"}"#)
        #expect(r.status == 401, "\(r.json)")
        #expect(try await Self.request(.GET, api + "/api/ui/control-state").json["state"] as? String == "run")

        // Bad bodies name the field.
        r = try await Self.request(.POST, api + "/api/control", token: operatorToken, body: "{not json")
        #expect(r.status == 422 && r.json["field"] as? String == "body", "\(r.json)")
        r = try await Self.request(.POST, api + "/api/control", token: operatorToken, body: #"{"action": "pause", "force": true}"#)
        #expect(r.status == 422 && r.json["field"] as? String == "force", "\(r.json)")
        r = try await Self.request(.PUT, api + "/api/ui/settings/risk-profile", token: operatorToken, body: #"{"risk_level": 150}"#)
        #expect(r.status == 422 && r.json["field"] as? String == "risk_level", "\(r.json)")
        r = try await Self.request(.PUT, api + "/api/ui/limits", token: operatorToken, body: #"{"max_gross": "lots"}"#)
        #expect(r.status == 422 && r.json["field"] as? String == "max_gross", "\(r.json)")

        // PAUSE → no new arbitrages, the opportunities say why; RESUME → RUN.
        r = try await Self.request(.POST, api + "/api/control", token: operatorToken, body: #"{"action": "pause"}"#)
        #expect(r.status == 200 && (r.json["snapshot"] as? [String: Any])?["state"] as? String == "pause", "\(r.json)")
        r = try await Self.request(.PUT, api + "/api/ui/settings/risk-profile", token: operatorToken, body: #"{"risk_level": 40}"#)
        #expect(r.status == 200, "\(r.json)")
        #expect(try await Self.request(.GET, api + "/api/ui/settings/risk-profile").json["risk_level"] as? Int == 40)
        r = try await Self.request(.POST, api + "/api/control", token: operatorToken, body: #"{"action": "resume"}"#)
        #expect(r.status == 200, "\(r.json)")
        _ = try await Self.waitForState(api, "run")

        // HEDGE: one operator, hedges whatever is unbalanced now, trading goes on.
        r = try await Self.request(.POST, api + "/api/control", token: operatorToken, body: #"{"action": "hedge"}"#)
        #expect(r.status == 200 && r.json["action"] as? String == "hedge", "\(r.json)")
        #expect((r.json["message_ru"] as? String)?.isEmpty == false && (r.json["snapshot"] as? [String: Any])?["state"] as? String == "run")
        r = try await Self.request(.POST, api + "/api/control", token: viewer, body: #"{"action": "hedge"}"#)
        #expect(r.status == 403, "\(r.json)")

        // KILL: cancel everything, flatten, then HOLD with the reason.
        r = try await Self.request(.POST, api + "/api/control", token: operatorToken, body: #"{"action": "kill"}"#)
        #expect(r.status == 200, "\(r.json)")
        let held = try await Self.waitForState(api, "hold", timeout: .seconds(60))
        let codes = (held["hold_reasons"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(codes.contains("killed"), "\(held)")

        // The audit trail saw the refusals and the commands, and its chain verifies.
        let changes = try await Self.request(.GET, api + "/api/ui/ops/changes?limit=200").array.compactMap { $0 as? [String: Any] }
        let actions = Set(changes.compactMap { $0["action"] as? String })
        #expect(actions.isSuperset(of: ["login", "pause", "resume", "hedge", "kill", "set_risk_level"]), "\(actions)")
        #expect(changes.contains { $0["actor"] as? String == "oleg" && $0["action"] as? String == "pause" })
        let secretPart = String(operatorToken.dropFirst(4))
        let trail = "\(changes)"
        #expect(!trail.contains(secretPart), "a token must never reach the audit trail")
        r = try await Self.request(.GET, api + "/api/ui/ops/changes?limit=0")
        #expect(r.status == 422 && r.json["field"] as? String == "limit", "\(r.json)")

        #expect(try await bot.interruptAndWait() == 0)
        let verify = try PropBotProcess(["audit", "verify", "--db", dir + "/audit.sqlite"])
        #expect(try await verify.waitForExit() == 0, "\(verify.output()) \(verify.errorOutput())")
    }
}
