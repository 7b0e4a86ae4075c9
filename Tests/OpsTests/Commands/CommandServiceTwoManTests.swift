import Journal
import Testing
@testable import Ops

@Suite struct CommandServiceTwoManTests {
    @Test func raisingRiskInLiveNeedsASecondOperator() async throws {
        let rig = try CommandServiceRig(profile: .live)
        await rig.startUp()
        let first = await rig.run(.setRiskLevel(80), as: "ivan")
        let pending = try #require(first.pending)
        #expect(first.httpStatus == 202)
        #expect(await rig.service.snapshot().riskLevel == 50)
        #expect(await rig.service.snapshot().pendingApprovals.map(\.id) == [pending.id])

        let same = await rig.run(.approve(id: pending.id), as: "ivan")
        #expect(same.refusal == .approval(.sameOperator(name: "ivan")))
        #expect(await rig.effects.calls.isEmpty)

        let viewer = await rig.run(.approve(id: pending.id), as: "vera")
        #expect(viewer.refusal?.httpStatus == 403)

        let second = await rig.run(.approve(id: pending.id), as: "olga")
        #expect(second.isDone)
        #expect(await rig.service.snapshot().riskLevel == 80)
        #expect(await rig.effects.calls == ["risk 80"])

        let replay = await rig.run(.approve(id: pending.id), as: "petr")
        #expect(replay.refusal == .approval(.alreadyUsed(id: pending.id)))
        #expect(replay.refusal?.field == "approval_id" && replay.refusal?.httpStatus == 409)
        #expect(await rig.effects.calls == ["risk 80"], "a replayed id changes nothing")

        let entries = await rig.audit.entries
        #expect(entries.contains { $0.action == "approval_request" && $0.outcome == .pending && $0.actor == "ivan" })
        #expect(entries.contains { $0.action == "approve" && $0.outcome == .ok && $0.actor == "olga" })
        #expect(entries.contains { $0.action == "set_risk_level" && $0.outcome == .ok && $0.detailJSON.contains("\"approved_by\":\"olga\"") })
        // ivan's own approval and petr's replay are refused by the book; vera's token fails the role check first.
        #expect(entries.filter { $0.action == "approve" && $0.outcome == .refused }.map(\.actor) == ["ivan", "petr"])
        #expect(entries.contains { $0.action == "login" && $0.actor == "vera" && $0.outcome == .refused })
    }

    @Test func loweringRiskRunsAtOnce() async throws {
        let rig = try CommandServiceRig(profile: .live)
        await rig.startUp()
        #expect(await rig.run(.setRiskLevel(20), as: "ivan").isDone)
        #expect(await rig.run(.setLeverage(.off), as: "ivan").isDone)
        #expect(await rig.effects.calls == ["risk 20", "leverage off"])
    }

    @Test func expiredApprovalIsRefusedAndNothingChanges() async throws {
        let rig = try CommandServiceRig(profile: .live)
        await rig.startUp()
        let pending = try #require(await rig.run(.setRiskLevel(90), as: "ivan").pending)
        rig.time.advance(seconds: 301)
        let late = await rig.run(.approve(id: pending.id), as: "olga")
        #expect(late.refusal?.code == "approval_expired" && late.refusal?.httpStatus == 410)
        #expect(await rig.audit.entries.contains { $0.action == "approval_expire" && $0.target == pending.id })
        #expect(await rig.service.snapshot().pendingApprovals.isEmpty)
    }

    @Test func redHoldResumeNeedsTwoOperatorsOutsideDemo() async throws {
        let rig = try CommandServiceRig(profile: .paper)
        await rig.startUp()
        await rig.service.report(.raiseHold(HoldReason(code: .risk, detailRu: "дневной убыток 210 USDT", sinceMs: 0)))
        #expect(await rig.state == .hold)
        let pending = try #require(await rig.run(.resume, as: "ivan").pending)
        #expect(await rig.state == .hold)
        let done = await rig.run(.approve(id: pending.id), as: "olga")
        #expect(done.isDone)
        #expect(await rig.state == .run)
        let transition = await rig.audit.entries.last { $0.action == "resume" }
        #expect(transition?.actor == "ivan" && transition?.detailJSON.contains("\"approved_by\":\"olga\"") == true)
        #expect(transition?.detailJSON.contains("\"from\":\"hold\"") == true)
    }

    @Test func approvalIsRecheckedAgainstTheStateAtApprovalTime() async throws {
        let rig = try CommandServiceRig(profile: .paper)
        await rig.startUp()
        await rig.service.report(.raiseHold(HoldReason(code: .recon, sinceMs: 0)))
        let pending = try #require(await rig.run(.resume, as: "ivan").pending)
        // Meanwhile market data went stale: the approved resume must not run.
        await rig.service.report(.raiseHold(HoldReason(code: .mdStale, sinceMs: 0)))
        let outcome = await rig.run(.approve(id: pending.id), as: "olga")
        #expect(outcome.refusal?.code == "control_conditions_active")
        #expect(await rig.state == .hold)
    }

    @Test func demoResumesRedHoldWithOneOperator() async throws {
        let rig = try CommandServiceRig(profile: .demo)
        await rig.startUp()
        await rig.service.report(.raiseHold(HoldReason(code: .slo, sinceMs: 0)))
        #expect(await rig.run(.resume, as: "ivan").isDone)
        #expect(await rig.state == .run)
    }

    @Test func aRequestThatCouldNeverSucceedIsRefusedAtOnce() async throws {
        let rig = try CommandServiceRig(profile: .live)
        // Still on the startup HOLD: a resume cannot succeed even with two keys, so no pending id is issued.
        let outcome = await rig.run(.resume, as: "ivan")
        #expect(outcome.refusal?.code == "control_conditions_active")
        #expect(await rig.service.snapshot().pendingApprovals.isEmpty)
    }

    @Test func configApplyNeedsAdminsAndValidatesFirst() async throws {
        let rig = try CommandServiceRig(profile: .demo, running: try ProfileLoader.load(yaml: "profile: demo\n", environment: [:], sourceName: "t"))
        await rig.startUp()
        let operatorTry = await rig.run(.configApply(yaml: "profile: demo\n"), as: "ivan")
        #expect(operatorTry.refusal?.httpStatus == 403)
        let bad = await rig.run(.configApply(yaml: "profile: demo\nrisk: {level: 150}\n"), as: "adam")
        #expect(bad.refusal?.code == "command_config_invalid" && bad.refusal?.field == "risk.level")
        #expect(bad.refusal?.messageRu.contains("150") == true)
        let good = await rig.run(.configApply(yaml: "profile: demo\nrisk: {level: 60}\n"), as: "adam")
        #expect(good.isDone)
        #expect(await rig.service.snapshot().riskLevel == 60)
        let applied = await rig.audit.entries.last { $0.action == "config_apply" && $0.outcome == .ok }
        #expect(applied?.detailJSON.contains("yaml_sha256") == true && applied?.detailJSON.contains("level") == false)
    }
}
