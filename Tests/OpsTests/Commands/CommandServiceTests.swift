import Foundation
import Journal
import PropCore
import Testing
@testable import Ops

@Suite struct CommandServiceTests {
    @Test func killRunsItsPhasesThroughTheRuntime() async throws {
        let rig = try CommandServiceRig(profile: .paper)
        await rig.startUp()
        let events = await rig.service.events()
        #expect(await rig.run(.kill, as: "ivan").isDone)
        #expect(await rig.service.controlMachine.killPhase == .cancelling)
        #expect(await rig.effects.calls == ["cancel_all"])
        // Operators are refused while KILL runs.
        #expect(await rig.run(.resume, as: "olga").refusal?.code == "control_kill_in_progress")
        await rig.service.report(.killCancelDone)
        #expect(await rig.effects.calls == ["cancel_all", "flatten"])
        await rig.service.report(.killFlattenDone(residual: false))
        #expect(await rig.state == .hold)
        #expect(await rig.service.controlMachine.redReasons.map(\.code) == [.killed])
        #expect(rig.instructions.current?.mode == .kill)

        var seen: [ControlState] = []
        for await event in events {
            if case .transition(let r) = event { seen.append(r.to) }
            if seen.count == 3 { break }
        }
        #expect(seen == [.kill, .kill, .hold])
        let systemRecords = await rig.audit.entries.filter { $0.actor == "system" && $0.action == "transition" }
        #expect(systemRecords.map(\.target) == ["clear_condition", "kill_cancel_done", "kill_flatten_done"])
    }

    @Test func wrongRoleIsRefusedAuditedAndChangesNothing() async throws {
        let rig = try CommandServiceRig()
        await rig.startUp()
        let before = await rig.service.snapshot()
        let outcome = await rig.run(.pause, as: "vera")
        #expect(outcome.refusal?.httpStatus == 403)
        #expect(outcome.refusal?.messageRu.contains("pause") == true)
        #expect(await rig.service.snapshot().state == before.state)
        let last = await rig.audit.entries.last
        #expect(last?.actor == "vera" && last?.outcome == .refused && last?.action == "login")
    }

    @Test func missingAndUnknownTokensAre401AndAudited() async throws {
        let rig = try CommandServiceRig()
        let missing = await rig.service.handle(.status, authorization: nil, isLocal: true)
        #expect(missing.refusal == .auth(.missingToken) && missing.httpStatus == 401)
        let unknown = await rig.service.handle(.pause, authorization: "Bearer pbt_forged-token-value", isLocal: false)
        #expect(unknown.refusal == .auth(.unknownToken))
        let logins = await rig.audit.entries.filter { $0.action == "login" }
        #expect(logins.count == 2 && logins.allSatisfy { $0.outcome == .refused && $0.actor == "unknown" })
        #expect(logins.allSatisfy { !$0.detailJSON.contains("pbt_forged") })
    }

    @Test func anonymousLocalReadsWhenTheProfileAllows() async throws {
        let rig = try CommandServiceRig(profile: .demo, anonymousLocalReads: true)
        #expect(await rig.service.handle(.status, authorization: nil, isLocal: true).isDone)
        #expect(await rig.service.handle(.status, authorization: nil, isLocal: false).refusal == .auth(.missingToken))
        #expect(await rig.service.handle(.pause, authorization: nil, isLocal: true).refusal == .auth(.missingToken))
    }

    @Test func outOfRangeValuesNameTheFieldInRussian() async throws {
        let rig = try CommandServiceRig(profile: .paper)
        await rig.startUp()
        let risk = await rig.run(.setRiskLevel(150), as: "ivan")
        #expect(risk.refusal?.messageRu == "risk_level: 150 вне диапазона 0–100")
        #expect(risk.refusal?.field == "risk_level" && risk.refusal?.httpStatus == 422)
        let body = String(decoding: try JSONEncoder().encode(try #require(risk.refusal).body), as: UTF8.self)
        #expect(body.contains("\"field\":\"risk_level\"") && body.contains("\"message_ru\"") && body.contains("\"code\":\"command_out_of_range\""))
        let leverage = await rig.run(.setLeverage(.on(max: 10)), as: "ivan")
        #expect(leverage.refusal?.field == "leverage" && leverage.refusal?.messageRu.contains("risk.max_leverage") == true)
        let zero = await rig.run(.setLeverage(.on(max: 0)), as: "ivan")
        #expect(zero.refusal?.messageRu == "leverage: 0 вне диапазона 1–3")
        let limit = await rig.run(.setLimits(LimitsChange(["max_gros": 100])), as: "ivan")
        #expect(limit.refusal?.field == "max_gros" && limit.refusal?.hintRu.contains("max_gross") == true)
        let order = await rig.run(.setLimits(LimitsChange(["max_order_notional": 3_000])), as: "ivan")
        #expect(order.refusal?.field == "max_order_notional" && order.refusal?.messageRu.contains("max_instrument_notional") == true)
        let tooSmall = await rig.run(.setLimits(LimitsChange(["max_gross": 0])), as: "ivan")
        #expect(tooSmall.refusal?.messageRu == "max_gross: 0 вне диапазона 1–100000000")
        #expect(await rig.effects.calls.isEmpty)
        let refused = await rig.audit.entries.filter { $0.outcome == .refused }
        #expect(refused.count == 6)
        #expect(refused.allSatisfy { $0.detailJSON.contains("\"field\"") })
    }

    @Test func limitsAndUniverseChangesApply() async throws {
        let rig = try CommandServiceRig(profile: .paper)
        await rig.startUp()
        #expect(await rig.run(.setLimits(LimitsChange(["max_gross": 8_000, "max_net": 500])), as: "ivan").isDone)
        #expect(await rig.service.snapshot().limits.maxGross == 8_000)
        let btc = InstrumentId(venue: .okx, base: "BTC", quote: "USDT")
        #expect(await rig.run(.universeAdd(btc), as: "ivan").refusal?.field == "instrument")
        #expect(await rig.run(.universeRemove(btc), as: "ivan").isDone)
        #expect(await rig.run(.universeAdd(btc), as: "ivan").isDone)
        #expect(await rig.effects.calls == ["limits 8000", "universe 8", "universe 9"])
    }

    @Test func aFailingEffectKeepsTheOldValueAndIsAudited() async throws {
        let rig = try CommandServiceRig(profile: .paper)
        await rig.startUp()
        await rig.effects.setFailSettings(true)
        let outcome = await rig.run(.setRiskLevel(10), as: "ivan")
        #expect(outcome.refusal?.code == "command_effect_failed")
        #expect(await rig.service.snapshot().riskLevel == 50)
        #expect(await rig.audit.entries.last?.outcome == .error)
        #expect(await rig.run(.configRollback(token: nil), as: "adam").refusal?.code == "command_not_applicable_now",
                "nothing applied since start: nothing to roll back")
    }

    @Test func anUnwritableAuditRefusesTheCommandAndHolds() async throws {
        let rig = try CommandServiceRig(profile: .paper)
        await rig.startUp()
        #expect(await rig.state == .run)
        await rig.audit.setFailing(true)
        let outcome = await rig.run(.setRiskLevel(10), as: "ivan")
        #expect(outcome.refusal?.code == "command_audit_unavailable" && outcome.httpStatus == 503)
        #expect(await rig.effects.calls.isEmpty)
        #expect(await rig.state == .hold)
        #expect(await rig.service.controlMachine.holdReasons.map(\.code) == [.audit])
    }

    @Test func illegalTransitionsAreRefusedWithRussianText() async throws {
        let rig = try CommandServiceRig(profile: .paper)
        await rig.startUp()
        let again = await rig.run(.resume, as: "ivan")
        #expect(again.refusal?.code == "control_already_in_state" && again.httpStatus == 409)
        #expect(again.refusal?.messageRu.contains("RUN") == true)
        #expect(await rig.run(.hold(note: "проверка стакана"), as: "ivan").isDone)
        #expect(await rig.run(.pause, as: "ivan").refusal?.code == "control_illegal_transition")
        let note = String(repeating: "я", count: 501)
        #expect(await rig.run(.hold(note: note), as: "ivan").refusal?.field == "note")
    }

    @Test func tokensAddedOrRevokedTakeEffectWithoutRestart() async throws {
        let rig = try CommandServiceRig(profile: .paper)
        await rig.startUp()
        #expect(await rig.run(.status, as: "petr").isDone)
        // The rig's store is the one the service watches: revoke through a store on the same path.
        let watched = await rig.service.tokens.source
        guard case .file(let file, _) = watched else { Issue.record("not a file source"); return }
        try file.revoke(name: "petr")
        #expect(await rig.run(.status, as: "petr").refusal == .auth(.unknownToken))
        let fresh = try file.add(name: "nina", role: .operator, atMs: 5)
        #expect(await rig.service.handle(.pause, authorization: "Bearer \(fresh.reveal())", isLocal: true).isDone)
    }

    @Test func tokenTextNeverAppearsInAuditOrOutcomes() async throws {
        let rig = try CommandServiceRig(profile: .live)
        var texts: [String] = []
        for (name, _) in CommandServiceRig.names {
            for command: OperatorCommand in [.status, .pause, .kill, .setRiskLevel(99), .configRollback(token: nil), .approve(id: "ap_x")] {
                let outcome = await rig.run(command, as: name)
                texts.append("\(outcome)")
                if let r = outcome.refusal { texts += [r.messageRu, r.hintRu] }
            }
        }
        texts += await rig.audit.entries.map { "\($0)" }
        let snapshot = await rig.service.snapshot()
        texts.append("\(snapshot)")
        for token in rig.tokens.values {
            let body = String(token.dropFirst(4))
            #expect(!texts.contains { $0.contains(body) })
        }
    }

    @Test func statusIsAuditedAndSnapshotEncodesSnakeCase() async throws {
        let rig = try CommandServiceRig(profile: .paper)
        let outcome = await rig.run(.status, as: "vera")
        guard case .done(_, _, let snapshot) = outcome else { Issue.record("status refused"); return }
        #expect(snapshot.state == .hold && snapshot.holdReasons.map(\.code) == [.startup])
        #expect(await rig.audit.entries.last?.action == "status")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(snapshot), as: UTF8.self)
        #expect(json.contains("\"hold_reasons\"") && json.contains("\"risk_level\":50") && json.contains("\"state\":\"hold\""))
        #expect(json.contains("\"leverage\":{\"enabled\":true,\"max\":3}"), "\(json)")
    }
}
