import PropCore
import Testing
@testable import Ops

@Suite struct ApprovalPolicyTests {
    static let running = ControlStateMachine(state: .run, instruction: OperatorInstruction(mode: .run), redHoldNeedsTwoKeys: true)
    static let redHold = ControlStateMachine(state: .hold, holdReasons: [HoldReason(code: .recon, sinceMs: 0)],
                                             instruction: OperatorInstruction(mode: .run), redHoldNeedsTwoKeys: true)
    static let plainHold = ControlStateMachine(state: .hold, holdReasons: [HoldReason(code: .manual, sinceMs: 0)],
                                               instruction: OperatorInstruction(mode: .hold), redHoldNeedsTwoKeys: true)

    static func needs(_ profile: ProfileKind, _ c: OperatorCommand, _ m: ControlStateMachine = running) -> Bool {
        ApprovalPolicy(profile: profile).needsTwoKeys(c, machine: m, riskLevel: 50, leverage: .on(max: 3))
    }

    @Test func liveNeedsTwoKeysToRaiseRiskButNotToLowerIt() {
        #expect(Self.needs(.live, .setRiskLevel(51)))
        #expect(!Self.needs(.live, .setRiskLevel(50)) && !Self.needs(.live, .setRiskLevel(10)))
        #expect(Self.needs(.live, .setLeverage(.on(max: 4))))
        #expect(!Self.needs(.live, .setLeverage(.on(max: 2))) && !Self.needs(.live, .setLeverage(.off)))
        #expect(Self.needs(.live, .safeModeOff) && Self.needs(.live, .setLimits(LimitsChange(["max_gross": 1]))))
        #expect(Self.needs(.live, .configApply(yaml: "")) && Self.needs(.live, .universeAdd(InstrumentId(venue: .okx, base: "BTC", quote: "USDT"))))
    }

    @Test func riskReducingCommandsNeverWait() {
        for profile in ProfileKind.allCases {
            for c: OperatorCommand in [.pause, .hold(note: nil), .kill, .safeModeOn, .status, .configRollback(token: nil),
                                       .universeRemove(InstrumentId(venue: .okx, base: "BTC", quote: "USDT"))] {
                #expect(!Self.needs(profile, c, Self.redHold), "\(profile) \(c.action)")
            }
        }
    }

    @Test func otherProfilesChangeSettingsWithOneKey() {
        for profile in [ProfileKind.demo, .paper, .testnet, .shadow] {
            #expect(!Self.needs(profile, .setRiskLevel(100)) && !Self.needs(profile, .safeModeOff))
            #expect(!Self.needs(profile, .setLimits(LimitsChange(["max_gross": 1]))))
        }
    }

    @Test func redHoldResumeNeedsTwoKeysEverywhereButDemo() {
        for profile in [ProfileKind.paper, .testnet, .shadow, .live] {
            #expect(Self.needs(profile, .resume, Self.redHold))
            #expect(!Self.needs(profile, .resume, Self.plainHold))
        }
        #expect(!Self.needs(.demo, .resume, Self.redHold))
        #expect(!ApprovalPolicy(profile: .demo).redHoldNeedsTwoKeys && ApprovalPolicy(profile: .paper).redHoldNeedsTwoKeys)
    }
}
