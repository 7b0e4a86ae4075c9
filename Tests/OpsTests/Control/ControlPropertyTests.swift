import PropertyBased
import Testing
@testable import Ops

/// Random input sequences from every starting situation: the safety invariants hold after every step.
@Suite struct ControlPropertyTests {
    static let steps = Gen.int(in: 0...(ControlTestMachines.inputs.count * 4 - 1)).array(of: 0...60)
    static let starts = Gen.int(in: 0...(ControlTestMachines.situations.count - 1))

    /// Decodes one generated number into an input and actor (a quarter of resumes carry two keys, a quarter
    /// come from the runtime, which must never work).
    static func decode(_ n: Int) -> (ControlInput, ControlActor) {
        let (input, actor) = (ControlTestMachines.inputs[n % ControlTestMachines.inputs.count].input,
                              ControlTestMachines.inputs[n % ControlTestMachines.inputs.count].actor)
        let variant = n / ControlTestMachines.inputs.count
        if input == .resume { return (input, [ControlTestMachines.ivan, ControlTestMachines.ivanWithOlga, .system, ControlActor(name: "ivan", approvedBy: "ivan")][variant]) }
        if variant == 3, input.isOperatorCommand { return (input, .system) }
        return (input, actor)
    }

    static func checkShape(_ m: ControlStateMachine) {
        switch m.state {
        case .hold: #expect(!m.holdReasons.isEmpty, "HOLD without a reason")
        case .run, .pause, .safeMode: #expect(m.holdReasons.isEmpty, "\(m.state) with HOLD reasons")
        case .kill: break
        }
        #expect((m.killPhase != nil) == (m.state == .kill))
        #expect(Set(m.holdReasons.map(\.code)).count == m.holdReasons.count, "one reason per code")
    }

    @Test func invariantsHoldOverRandomSequences() async {
        await propertyCheck(count: 1_500, input: Self.starts, Self.steps) { start, steps in
            var m = ControlTestMachines.situations[start].machine
            for n in steps {
                let (input, actor) = Self.decode(n)
                let before = m
                let result = m.apply(input, by: actor, atMs: 100)
                switch result {
                case .failure:
                    #expect(m == before)
                case .success(let step):
                    if let r = step.record { #expect(r.from == before.state && r.to == m.state) }
                    // Never leaves a red HOLD for trading or PAUSE without two different operators.
                    if before.state == .hold, !before.redReasons.isEmpty, m.state != .hold, m.state != .kill {
                        #expect(input == .resume && actor.hasTwoKeys, "left red HOLD via \(input.name) by \(actor)")
                    }
                    // The runtime never starts trading except by clearing the last condition.
                    if actor.isSystem, m.state.opensRisk, !before.state.opensRisk {
                        if case .clearCondition = input {} else { Issue.record("system started trading via \(input.name)") }
                    }
                    // KILL exits only to HOLD, and only by finishing.
                    if before.state == .kill, m.state != .kill {
                        #expect(m.state == .hold && input == .killFlattenDone(residual: false))
                    }
                }
                Self.checkShape(m)
            }
        }
    }

    @Test func killAlwaysEndsOnHold() async {
        await propertyCheck(count: 1_000, input: Self.starts, Self.steps) { start, steps in
            var m = ControlTestMachines.situations[start].machine
            for n in steps {
                let (input, actor) = Self.decode(n)
                _ = m.apply(input, by: actor, atMs: 1)
            }
            if m.state != .kill { _ = m.apply(.kill, by: ControlTestMachines.ivan, atMs: 2) }
            #expect(m.state == .kill)
            _ = m.apply(.killCancelDone, by: .system, atMs: 3)
            _ = m.apply(.killFlattenDone(residual: false), by: .system, atMs: 4)
            #expect(m.state == .hold && m.holdReasons.contains { $0.code == .killed })
        }
    }
}
