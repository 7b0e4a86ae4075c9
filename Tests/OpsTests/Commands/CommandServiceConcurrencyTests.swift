import PropCore
import Testing
@testable import Ops

/// The runtime reporting back from inside `cancelAll`/`flatten`, as a real executor may.
actor CallbackEffects: ControlEffects {
    var service: CommandService?
    var calls: [String] = []

    func attach(_ service: CommandService) { self.service = service }

    func controlChanged(_ snapshot: ControlSnapshot) {}
    func cancelAll() async {
        calls.append("cancel_all")
        await service?.report(.killCancelDone)
    }
    func flatten() async {
        calls.append("flatten")
        await service?.report(.killFlattenDone(residual: false))
    }
    func applyRiskLevel(_ level: Int) {}
    func applyLeverage(_ setting: LeverageSetting) {}
    func applyLimits(_ limits: Limits) {}
    func applyUniverse(_ universe: [InstrumentId]) {}
    func applyConfig(_ config: ProfileConfig) {}
    func hedgeNow() -> Int { 0 }
}

@Suite struct CommandServiceConcurrencyTests {
    @Test func theRuntimeMayReportKillStepsFromInsideTheEffects() async throws {
        var profile = ProfileConfig.demoDefault
        profile.profile = .paper
        let effects = CallbackEffects()
        let service = CommandService(configuration: CommandServiceConfiguration(profile: profile),
                                     tokens: .fixed(Authenticator(records: [], anonymousLocalReads: false)),
                                     effects: effects, audit: MemoryAuditSink(),
                                     instructions: MemoryInstructionStore(OperatorInstruction(mode: .run)), time: ManualTime())
        await effects.attach(service)
        _ = await service.execute(.kill, by: Principal(name: "ivan", role: .operator))
        #expect(await service.controlMachine.state == .hold)
        #expect(await effects.calls == ["cancel_all", "flatten"])
    }

    @Test func anAutomaticHoldIsNeverLostToConcurrentCommands() async throws {
        for _ in 0..<20 {
            let rig = try CommandServiceRig(profile: .paper)
            await rig.startUp()
            await rig.audit.setSlow(true)
            let ivan = Principal(name: "ivan", role: .operator)
            await withTaskGroup(of: Void.self) { group in
                for i in 0..<40 {
                    group.addTask { _ = await rig.service.execute(i % 2 == 0 ? .pause : .resume, by: ivan) }
                    if i == 20 {
                        group.addTask { await rig.service.report(.raiseHold(HoldReason(code: .risk, sinceMs: 0))) }
                    }
                }
            }
            // A single operator cannot leave a red HOLD in paper, whatever the interleaving was.
            #expect(await rig.state == .hold)
            #expect(await rig.service.controlMachine.holdReasons.contains { $0.code == .risk })
        }
    }
}
