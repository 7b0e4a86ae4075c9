import PropCore
import Testing
@testable import Ops

@Suite struct CommandServiceStartupTests {
    @Test func startsOnHoldAndResumesOnlyIfTheLastInstructionWasRun() async throws {
        let cases: [(OperatorInstruction?, ControlState)] = [
            (OperatorInstruction(mode: .run, by: "ivan"), .run),
            (OperatorInstruction(mode: .run, safeMode: true, by: "ivan"), .safeMode),
            (OperatorInstruction(mode: .pause, by: "ivan"), .pause),
            (OperatorInstruction(mode: .hold, by: "ivan"), .hold),
            (OperatorInstruction(mode: .kill, by: "ivan"), .hold),
            (nil, .hold),
        ]
        for (saved, expected) in cases {
            let rig = try CommandServiceRig(saved: saved)
            #expect(await rig.state == .hold)
            #expect(await rig.service.controlMachine.holdReasons.map(\.code) == [.startup])
            await rig.startUp()
            #expect(await rig.state == expected, "\(String(describing: saved?.mode))")
        }
    }

    @Test func blockedStartupListsWhatFailedAndRefusesResume() async throws {
        let rig = try CommandServiceRig()
        let verdict = await rig.service.reportStartup(StartupChecks(
            marketDataHealthy: [.binance: true, .okx: false, .bybit: true], requiredVenues: Venue.allCases,
            journalReplayClean: true, reconciliationClean: false, invariantsHold: true, clockSkewMs: 5))
        #expect(verdict == .blocked([.marketData(.okx), .reconciliation]))
        let reason = await rig.service.controlMachine.holdReasons.first
        #expect(reason?.code == .startup && reason?.detailRu?.contains("OKX") == true)
        let outcome = await rig.run(.resume, as: "ivan")
        #expect(outcome.refusal?.code == "control_conditions_active")
        #expect(await rig.state == .hold)
        #expect(await rig.effects.calls.isEmpty)
    }

    @Test func theStandingInstructionIsPersisted() async throws {
        let rig = try CommandServiceRig(profile: .paper)
        await rig.startUp()
        #expect(await rig.run(.pause, as: "ivan").isDone)
        #expect(rig.instructions.current?.mode == .pause && rig.instructions.current?.by == "ivan")
        #expect(await rig.run(.safeModeOn, as: "olga").isDone)
        #expect(rig.instructions.current?.safeMode == true)
        #expect(await rig.run(.resume, as: "olga").isDone)
        #expect(await rig.state == .safeMode)
        #expect(rig.instructions.current?.mode == .run)
    }
}
