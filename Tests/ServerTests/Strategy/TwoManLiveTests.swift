import AsyncHTTPClient
import Foundation
import Ops
import PropCore
import Testing

/// The two-man rule in a live-policy process over HTTP (the venues are the test's simulator): a risk increase
/// waits for a second operator; the requester, a viewer and a replayed id cannot complete it; an expired one is dead.
@Suite(.serialized) struct TwoManLiveTests {
    typealias API = ControlPlaneProcessTests

    @Test func raisingRiskInLiveNeedsASecondOperatorWithinTheTTL() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("propbot-twoman-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let store = TokenStore(path: dir + "/tokens.yaml")
        var token: [String: String] = [:]
        for (name, role) in [("ivan", Role.operator), ("olga", .operator), ("vera", .viewer)] {
            token[name] = try store.add(name: name, role: role, atMs: 1).reveal()
        }
        try await StrategyRig.with(configure: { profile in
            profile.profile = .live
            profile.ops = OpsConfig(tokensFile: dir + "/tokens.yaml", anonymousLocalReads: false, approvalTTLSeconds: 10,
                                    auditPath: dir + "/audit.sqlite", stateFile: dir + "/control.json", maxClockSkewMs: 500,
                                    requireLeaderLease: false)
        }) { s in
            let riskPath = s.api + "/api/ui/settings/risk-profile"
            // Live reads need a token too.
            #expect(try await API.request(.GET, riskPath).status == 401)
            let level = try await API.request(.GET, riskPath, token: token["vera"]).json["risk_level"] as? Int
            #expect(level == 100, "the rig's profile level")

            // Lowering needs one operator; raising back needs two.
            // (Answered 409 until the strategy has read the venues' rules.)
            var r = try await API.request(.PUT, riskPath, token: token["ivan"], body: #"{"risk_level": 60}"#)
            for _ in 0..<120 where r.status == 409 {
                try await Task.sleep(for: .milliseconds(250))
                r = try await API.request(.PUT, riskPath, token: token["ivan"], body: #"{"risk_level": 60}"#)
            }
            #expect(r.status == 200, "\(r.json)")
            r = try await API.request(.PUT, riskPath, token: token["ivan"], body: #"{"risk_level": 90}"#)
            #expect(r.status == 202, "\(r.json)")
            let id = try #require(r.json["approval_id"] as? String, "\(r.json)")
            #expect(try await API.request(.GET, riskPath, token: token["vera"]).json["risk_level"] as? Int == 60, "not applied yet")

            let approvals = s.api + "/api/ui/approvals"
            r = try await API.request(.POST, approvals, token: token["ivan"], body: #"{"id": "\#(id)"}"#)
            #expect(r.status >= 400 && (r.json["message_ru"] as? String)?.isEmpty == false, "the requester cannot approve: \(r.json)")
            r = try await API.request(.POST, approvals, token: token["vera"], body: #"{"id": "\#(id)"}"#)
            #expect(r.status == 403, "a viewer cannot approve: \(r.json)")
            r = try await API.request(.POST, approvals, token: token["olga"], body: #"{"id": "\#(id)"}"#)
            #expect(r.status == 200, "\(r.json)")
            #expect(try await API.request(.GET, riskPath, token: token["vera"]).json["risk_level"] as? Int == 90)
            r = try await API.request(.POST, approvals, token: token["olga"], body: #"{"id": "\#(id)"}"#)
            #expect(r.status >= 400 && r.json["field"] as? String == "approval_id", "a replayed id: \(r.json)")

            // Past the TTL the request is dead: approving it changes nothing.
            r = try await API.request(.PUT, riskPath, token: token["ivan"], body: #"{"risk_level": 95}"#)
            let late = try #require(r.json["approval_id"] as? String, "\(r.json)")
            try await Task.sleep(for: .seconds(11))
            r = try await API.request(.POST, approvals, token: token["olga"], body: #"{"id": "\#(late)"}"#)
            #expect(r.status >= 400 && r.json["field"] as? String == "approval_id", "expired: \(r.json)")
            #expect(try await API.request(.GET, riskPath, token: token["vera"]).json["risk_level"] as? Int == 90)

            let changes = try await API.request(.GET, s.api + "/api/ui/ops/changes?limit=100", token: token["vera"]).array
                .compactMap { $0 as? [String: Any] }
            #expect(changes.contains { $0["action"] as? String == "approve" && $0["actor"] as? String == "olga" }, "\(changes.prefix(5))")
        }
    }
}
