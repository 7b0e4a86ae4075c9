import Foundation
@testable import Ops
import PropCore
import Testing

/// Config apply / rollback through the command service: versions, rollback tokens, the reload scope.
struct ConfigVersionTests {
    static let base = "profile: demo\n"

    static func rig() async throws -> CommandServiceRig {
        let rig = try CommandServiceRig(profile: .demo, running: try ProfileLoader.load(yaml: base, environment: [:], sourceName: "t"))
        await rig.startUp()
        return rig
    }

    @Test func applyReturnsARollbackTokenAndRollbackRestoresTheStartupVersionExactly() async throws {
        let rig = try await Self.rig()
        let startup = await rig.service.configState().current
        #expect(startup.version == 1 && startup.source == "startup" && startup.rollbackToken == nil)

        let applied = await rig.run(.configApply(yaml: Self.base + "risk: {level: 70, max_gross: 8000}\n"), as: "adam")
        guard case .done(_, _, let snapshot) = applied else { Issue.record("\(applied)"); return }
        let token = try #require(snapshot.config.rollbackToken)
        #expect(snapshot.config.version == 2 && snapshot.config.source == "apply" && snapshot.config.by == "adam")
        #expect(snapshot.config.sha256 != startup.sha256)
        #expect(snapshot.riskLevel == 70 && snapshot.limits.maxGross == 8000)

        let back = await rig.run(.configRollback(token: token), as: "adam")
        guard case .done(_, _, let after) = back else { Issue.record("\(back)"); return }
        #expect(after.config.sha256 == startup.sha256, "the startup parameters, exactly")
        #expect(after.config.version == 3 && after.config.source == "rollback" && after.config.rollbackToken == nil)
        let pristine = try await Self.rig().service.snapshot()
        #expect(after.riskLevel == 50 && after.limits == pristine.limits)
        #expect(await rig.service.configState().history.map(\.version) == [3, 2, 1])
        #expect(await rig.effects.calls == ["config 70", "config 50"])
    }

    @Test func aStaleOrUnknownRollbackTokenIsRefusedAndChangesNothing() async throws {
        let rig = try await Self.rig()
        guard case .done(_, _, let first) = await rig.run(.configApply(yaml: Self.base + "risk: {level: 60}\n"), as: "adam"),
              let firstToken = first.config.rollbackToken else { Issue.record("first apply"); return }
        #expect(await rig.run(.configApply(yaml: Self.base + "risk: {level: 65}\n"), as: "adam").isDone)

        let stale = await rig.run(.configRollback(token: firstToken), as: "adam")
        #expect(stale.refusal?.field == "rollback_token" && stale.refusal?.httpStatus == 422, "\(stale)")
        #expect(stale.refusal?.messageRu.contains("устарел") == true)
        #expect(await rig.service.snapshot().riskLevel == 65)
        #expect(await rig.audit.entries.last?.outcome == .refused)

        // Without a token the last apply is undone; then the one before it, then nothing is left.
        #expect(await rig.run(.configRollback(token: nil), as: "adam").isDone)
        #expect(await rig.service.snapshot().riskLevel == 60)
        #expect(await rig.run(.configRollback(token: firstToken), as: "adam").isDone)
        #expect(await rig.service.snapshot().riskLevel == 50)
        #expect(await rig.run(.configRollback(token: nil), as: "adam").refusal?.code == "command_not_applicable_now")
    }

    @Test func aSectionThatNeedsARestartRefusesTheWholeProfileNamingTheSection() async throws {
        let rig = try await Self.rig()
        for (yaml, field) in [(Self.base + "server: {port: 9001}\nrisk: {level: 60}\n", "server"),
                              (Self.base + "market_data: {stale_ms: 900}\n", "market_data"),
                              (Self.base + "instruments: [OKX:PERP:DOGE-USDT]\n", "instruments[0]")] {
            let outcome = await rig.run(.configApply(yaml: yaml), as: "adam")
            #expect(outcome.refusal?.code == "command_config_invalid" && outcome.refusal?.field == field, "\(outcome)")
            #expect(outcome.refusal?.messageRu.contains("перезапуск") == true, "\(outcome)")
        }
        #expect(await rig.service.snapshot().riskLevel == 50, "nothing half-applied")
        #expect(await rig.effects.calls.isEmpty)
        #expect(await rig.service.configState().current.version == 1)
    }
}
