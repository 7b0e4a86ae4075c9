import Testing
@testable import Ops

/// Every situation × every input, legal and illegal, against a written-out table.
@Suite struct ControlTransitionTableTests {
    enum Expect: Equatable, CustomStringConvertible {
        case to(ControlState)
        case unchanged
        case refused(String)

        var description: String {
            switch self {
            case .to(let s): "→ \(s)"
            case .unchanged: "unchanged"
            case .refused(let code): "refused \(code)"
            }
        }
    }

    static let already = Expect.refused("control_already_in_state")
    static let illegal = Expect.refused("control_illegal_transition")
    static let safeAlready = Expect.refused("control_safe_mode_already")
    static let killing = Expect.refused("control_kill_in_progress")
    static let unexpected = Expect.refused("control_unexpected_kill_step")
    static let notCondition = Expect.refused("control_not_a_condition")

    /// Columns: pause, resume_1, resume_2, hold, safe_on, safe_off, kill, raise_md, raise_risk, clear_md,
    /// clear_risk, kill_cancel_done, kill_flatten_done.
    static let table: [String: [Expect]] = [
        "run": [.to(.pause), already, already, .to(.hold), .to(.safeMode), safeAlready, .to(.kill),
                .to(.hold), .to(.hold), .unchanged, notCondition, unexpected, unexpected],
        "pause": [already, .to(.run), .to(.run), .to(.hold), .to(.pause), safeAlready, .to(.kill),
                  .to(.hold), .to(.hold), .unchanged, notCondition, unexpected, unexpected],
        "safe": [.to(.pause), already, already, .to(.hold), safeAlready, .to(.run), .to(.kill),
                 .to(.hold), .to(.hold), .unchanged, notCondition, unexpected, unexpected],
        "hold_manual": [illegal, .to(.run), .to(.run), already, .to(.hold), safeAlready, .to(.kill),
                        .to(.hold), .to(.hold), .unchanged, notCondition, unexpected, unexpected],
        "hold_red": [illegal, .refused("control_two_man_required"), .to(.run), .to(.hold), .to(.hold), safeAlready, .to(.kill),
                     .to(.hold), .unchanged, .unchanged, notCondition, unexpected, unexpected],
        "hold_condition": [illegal, .refused("control_conditions_active"), .refused("control_conditions_active"), .to(.hold),
                           .to(.hold), safeAlready, .to(.kill), .unchanged, .to(.hold), .to(.run), notCondition,
                           unexpected, unexpected],
        "kill_cancelling": [killing, killing, killing, killing, killing, killing, killing,
                            .to(.kill), .to(.kill), .unchanged, notCondition, .to(.kill), unexpected],
        "kill_flattening": [killing, killing, killing, killing, killing, killing, killing,
                            .to(.kill), .to(.kill), .unchanged, notCondition, unexpected, .to(.hold)],
    ]

    static func outcome(_ machine: ControlStateMachine, _ input: ControlInput, _ actor: ControlActor) -> (Expect, ControlStateMachine) {
        var m = machine
        switch m.apply(input, by: actor, atMs: 10) {
        case .failure(let refusal):
            #expect(m == machine, "a refusal must change nothing")
            #expect(!refusal.messageRu.isEmpty && !refusal.hintRu.isEmpty)
            return (.refused(refusal.code), m)
        case .success(let step):
            guard let record = step.record else { return (.unchanged, m) }
            #expect(record.from == machine.state && record.to == m.state && record.atMs == 10)
            #expect(record.actor == actor && !record.reasonRu.isEmpty)
            return (.to(m.state), m)
        }
    }

    @Test func everySituationAndInputMatchesTheTable() {
        #expect(Set(Self.table.keys) == Set(ControlTestMachines.situations.map(\.name)))
        for (name, machine) in ControlTestMachines.situations {
            let row = Self.table[name] ?? []
            #expect(row.count == ControlTestMachines.inputs.count, "row \(name)")
            for (column, (inputName, input, actor)) in ControlTestMachines.inputs.enumerated() where column < row.count {
                let (got, _) = Self.outcome(machine, input, actor)
                #expect(got == row[column], "\(name) + \(inputName): expected \(row[column]), got \(got)")
            }
        }
    }

    @Test func killEmitsCancelThenFlattenAndEndsOnRedHold() throws {
        var m = ControlTestMachines.make(.run)
        #expect(try m.apply(.kill, by: ControlTestMachines.ivan, atMs: 1).get().directives == [.cancelAll])
        #expect(m.state == .kill && m.killPhase == .cancelling && m.instruction.mode == .kill)
        #expect(try m.apply(.killCancelDone, by: .system, atMs: 2).get().directives == [.flatten])
        #expect(m.killPhase == .flattening)
        _ = m.apply(.killFlattenDone(residual: true), by: .system, atMs: 3)
        #expect(m.state == .hold && m.killPhase == nil)
        #expect(m.redReasons.map(\.code) == [.killed])
        #expect(m.holdReasons[0].detailRu?.contains("вручную") == true)
    }

    @Test func reasonsRaisedDuringKillAreKeptOnTheFinalHold() {
        var m = ControlTestMachines.make(.kill, phase: .flattening, instruction: .kill)
        _ = m.apply(.raiseHold(HoldReason(code: .recon, sinceMs: 1)), by: .system, atMs: 1)
        #expect(m.state == .kill)
        _ = m.apply(.killFlattenDone(residual: false), by: .system, atMs: 2)
        #expect(m.holdReasons.map(\.code) == [.recon, .killed])
    }

    @Test func onlyAPersonMayResume() {
        var m = ControlTestMachines.make(.pause, instruction: .pause)
        #expect(m.apply(.resume, by: .system, atMs: 1) == .failure(.systemCannotResume))
    }

    @Test func sameNameTwiceIsNotTwoKeys() {
        var m = ControlTestMachines.make(.hold, [.slo])
        #expect(m.apply(.resume, by: ControlActor(name: "ivan", approvedBy: "ivan"), atMs: 1) == .failure(.twoManRequired(m.holdReasons)))
    }

    @Test func redHoldResumesWithOneKeyWhenThePolicySaysSo() {
        var m = ControlTestMachines.make(.hold, [.risk], twoKeys: false)
        #expect(throws: Never.self) { try m.apply(.resume, by: ControlTestMachines.ivan, atMs: 1).get() }
        #expect(m.state == .run)
    }

    @Test func armedSafeModeAppliesOnResume() {
        var m = ControlTestMachines.make(.pause, instruction: .pause)
        _ = m.apply(.safeModeOn, by: ControlTestMachines.ivan, atMs: 1)
        #expect(m.state == .pause && m.instruction.safeMode)
        _ = m.apply(.resume, by: ControlTestMachines.ivan, atMs: 2)
        #expect(m.state == .safeMode)
    }

    @Test func conditionClearingReturnsToTheLastInstruction() {
        for (mode, expected) in [(OperatorInstruction.Mode.run, ControlState.run), (.pause, .pause), (.hold, .hold), (.kill, .hold)] {
            var m = ControlStateMachine.startup(instruction: OperatorInstruction(mode: mode, by: "ivan"), redHoldNeedsTwoKeys: true, atMs: 0)
            _ = m.apply(.clearCondition(.startup), by: .system, atMs: 1)
            #expect(m.state == expected, "\(mode)")
            if expected == .hold { #expect(!m.holdReasons.isEmpty && m.holdReasons.allSatisfy { !$0.code.isCondition }) }
        }
        var safe = ControlStateMachine.startup(instruction: OperatorInstruction(mode: .run, safeMode: true), redHoldNeedsTwoKeys: true, atMs: 0)
        _ = safe.apply(.clearCondition(.startup), by: .system, atMs: 1)
        #expect(safe.state == .safeMode)
    }

    @Test func aRepeatedReasonRefreshesDetailWithoutARecord() throws {
        var m = ControlTestMachines.make(.run)
        _ = m.apply(.raiseHold(HoldReason(code: .mdStale, detailRu: "OKX", sinceMs: 1)), by: .system, atMs: 1)
        let step = try m.apply(.raiseHold(HoldReason(code: .mdStale, detailRu: "OKX, BYBIT", sinceMs: 2)), by: .system, atMs: 2).get()
        #expect(step.record == nil)
        #expect(m.holdReasons.map(\.detailRu) == ["OKX, BYBIT"])
    }

    @Test func refusalTextsAreRussianWithHints() {
        let refusals: [ControlRefusal] = [
            .alreadyInState(.pause, input: "pause"), .illegal(from: .hold, input: "pause"),
            .killInProgress(phase: .cancelling, input: "resume"), .conditionsActive([HoldReason(code: .mdStale, sinceMs: 0)]),
            .twoManRequired([HoldReason(code: .risk, sinceMs: 0)]), .systemCannotResume, .safeModeAlready(on: true),
            .unexpectedKillStep(input: "kill_cancel_done", phase: nil), .notACondition(.risk),
        ]
        for r in refusals {
            #expect(r.messageRu.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }, "\(r.code)")
            #expect(!r.hintRu.isEmpty && r.code.hasPrefix("control_"))
        }
        #expect(ControlRefusal.twoManRequired([HoldReason(code: .risk, sinceMs: 0)]).messageRu.contains("второго оператора"))
    }
}
